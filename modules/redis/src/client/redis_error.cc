#include "client/redis_error.h"

#include <cerrno>

namespace swoole::mod::redis {

void Error::set_server_error(std::string_view text) {
    if (text.starts_with("NOAUTH")) {
        set(ErrType::noauth, EACCES, text);
    } else {
        set(ErrType::other, EINVAL, text);
    }
}

}  // namespace swoole::mod::redis
