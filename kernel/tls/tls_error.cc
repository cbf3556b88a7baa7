#include "tls/tls_error.h"

#include <openssl/err.h>

#include <cstring>

namespace swoole::kernel {

std::string tls_error_queue_text() {
    const char *data = nullptr;
    int flags = 0;
    unsigned long code = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags);
    std::string text;
    if (code == 0) {
        text = "unknown error";
    } else if (ERR_SYSTEM_ERROR(code)) {
        text = std::strerror(ERR_GET_REASON(code));
    } else if (const char *reason = ERR_reason_error_string(code)) {
        text = reason;
    } else {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        text = buf;
    }
    if (code != 0 && (flags & ERR_TXT_STRING) && data != nullptr && *data != '\0') {
        text += " (";
        text += data;
        text += ')';
    }
    ERR_clear_error();
    return text;
}

}  // namespace swoole::kernel
