// A connected pair of Unix sockets between a parent and the child it forks:
// the master end stays with the parent, the worker end goes to the child.
// Stream pairs may merge or split writes; datagram pairs keep each write as
// one message. Both processes keep both ends after fork until one is closed.
// The I/O helpers wait with a timeout: through the calling coroutine's loop
// inside a coroutine, with poll(2) outside (the process has nothing else to do).
#pragma once

#include <sys/types.h>

#include <cstddef>

namespace swoole::kernel {

class UnixPipe {
  public:
    enum End : int { master = 0, worker = 1 };
    // What the socket buffers are raised to (the kernel caps it at wmem_max),
    // so that big datagrams fit.
    static constexpr int kBufferSize = 8 * 1024 * 1024;

    UnixPipe() = default;
    ~UnixPipe();
    UnixPipe(const UnixPipe &) = delete;
    UnixPipe &operator=(const UnixPipe &) = delete;

    // type: SOCK_STREAM or SOCK_DGRAM. False with errno on failure.
    bool open(int type);
    bool is_open() const { return fds_[0] >= 0 || fds_[1] >= 0; }
    int type() const { return type_; }
    int fd(End end) const { return fds_[end]; }
    void close(End end);
    void close_all();

  private:
    int fds_[2] = {-1, -1};
    int type_ = 0;
};

// One recv of up to n bytes from fd. blocking false: never waits (EAGAIN).
// timeout > 0 limits the wait (then -1 with errno EAGAIN); <= 0 waits for
// ever. A datagram longer than n is truncated (the rest is dropped).
ssize_t pipe_read(int fd, void *buf, size_t n, bool blocking, double timeout);
// One send of n bytes (a datagram is all or nothing), same waiting rules.
ssize_t pipe_write(int fd, const void *buf, size_t n, bool blocking, double timeout);

}  // namespace swoole::kernel
