// Turning the outcome of one kernel socket call into PHP terms, shared by
// Co\Socket, Co\Client and Swoole\Client: a second reader/writer is the
// fatal Swoole\Error 4.8 raises, and a plain read lands in the socket's own
// reused buffer so that the returned string is allocated once, at its size.
#pragma once

#include <cstddef>

#include "socket/php_socket.h"

namespace swoole::php {

// After a failed call: when the socket's error is SW_ERROR_CO_HAS_BEEN_BOUND,
// reports the fatal error at once and never returns; otherwise returns.
void check_bound(const kernel::Socket &sock, bool reading);

// Whether a coroutine other than the current one is inside a read of sock
// (its buffer must then be left alone).
bool read_in_progress(const kernel::Socket &sock);

// Where one read of at most n bytes goes. Usual sizes read into the spare
// room of the socket's framer (reused across calls, never committed there),
// then take() copies exactly the bytes read into the result; a larger n, or
// a socket another coroutine is reading, reads straight into a fresh string.
class ReadTarget {
  public:
    ReadTarget(SocketState &st, size_t n);
    ~ReadTarget();
    ReadTarget(const ReadTarget &) = delete;
    ReadTarget &operator=(const ReadTarget &) = delete;

    char *data() const { return data_; }
    // The first r bytes as a new string (ownership to the caller).
    zend_string *take(size_t r);

  private:
    static constexpr size_t kReuseLimit = 65536;

    zend_string *fresh_ = nullptr;  // the fresh string, when not reusing
    char *data_ = nullptr;
    size_t capacity_;
};

}  // namespace swoole::php
