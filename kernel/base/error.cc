#include "base/error.h"
#include "base/thread_local.h"

#include <cstdio>
#include <cstring>

namespace swoole::kernel {

namespace {

struct Entry {
    int code;
    std::string_view text;
};

constexpr Entry kEntries[] = {
#define SW_ERROR_ENTRY(name, value, text) {value, text},
#include "error_table.inc"
#undef SW_ERROR_ENTRY
};

constexpr ErrorName kNames[] = {
#define SW_ERROR_ENTRY(name, value, text) {#name, value},
#include "error_table.inc"
#undef SW_ERROR_ENTRY
};

// Lowest code that is never a POSIX errno and highest code the table may hold.
constexpr int kFirstProjectCode = 501;
constexpr int kLastProjectCode = 10018;

SW_THREAD_LOCAL int t_last_error = 0;
thread_local char t_message[64];

}  // namespace

std::string_view error_message(int code) {
    for (const Entry &e : kEntries) {
        if (e.code == code) return e.text;
    }
    return {};
}

const char *error_text(int code) {
    if (code >= kFirstProjectCode && code <= kLastProjectCode) {
        std::string_view text = error_message(code);
        if (!text.empty()) return text.data();  // literals are NUL-terminated
        std::snprintf(t_message, sizeof t_message, "Unknown error %d", code);
        return t_message;
    }
    return ::strerror_r(code, t_message, sizeof t_message);
}

std::basic_string_view<ErrorName> error_names() {
    return {kNames, sizeof kNames / sizeof kNames[0]};
}

int last_error() { return t_last_error; }
void set_last_error(int code) { t_last_error = code; }

}  // namespace swoole::kernel
