// The error state of a Coroutine\Redis connection: errType (the
// SWOOLE_REDIS_ERR_* kinds, the numbers 4.8 exposes), errCode (errno style)
// and errMsg, and the mapping of each failure kind onto them.
#pragma once

#include <string>
#include <string_view>

namespace swoole::mod::redis {

enum class ErrType : int {
    none = 0,
    io = 1,        // read/write failed: errCode is the errno (110 on timeout)
    other = 2,     // server -ERR replies and everything else (EINVAL)
    eof = 3,       // the server closed the connection (ECONNRESET)
    protocol = 4,  // a reply that does not parse (EPROTO)
    oom = 5,
    closed = 6,    // no connection to use
    noauth = 7,    // the server answered NOAUTH (EACCES)
    alloc = 8,
};

struct Error {
    ErrType type = ErrType::none;
    int code = 0;
    std::string message;

    bool ok() const { return type == ErrType::none; }
    void clear() {
        type = ErrType::none;
        code = 0;
        message.clear();
    }
    void set(ErrType t, int c, std::string_view msg) {
        type = t;
        code = c;
        message.assign(msg);
    }
    // A -ERR reply: NOAUTH gets its own kind, everything else is "other".
    void set_server_error(std::string_view text);
};

}  // namespace swoole::mod::redis
