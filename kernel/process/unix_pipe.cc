#include "process/unix_pipe.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

UnixPipe::~UnixPipe() { close_all(); }

bool UnixPipe::open(int type) {
    close_all();
    int fds[2];
    if (::socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, fds) != 0) return false;
    for (int fd : fds) {
        int size = kBufferSize;
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    fds_[master] = fds[0];
    fds_[worker] = fds[1];
    type_ = type;
    return true;
}

void UnixPipe::close(End end) {
    if (fds_[end] >= 0) ::close(fds_[end]);
    fds_[end] = -1;
}

void UnixPipe::close_all() {
    close(master);
    close(worker);
}

namespace {

// Waits until fd is ready for `events` (kEventRead / kEventWrite). False with
// errno EAGAIN on timeout, ECANCELED when the coroutine was canceled, or the
// errno of poll(2) (EINTR included: a signal handler may want to run).
bool wait_ready(int fd, int events, double timeout) {
    if (Coroutine::current() && Reactor::current()) {
        WaitResult r = Coroutine::wait_fd(fd, events, timeout > 0 ? timeout : -1);
        if (r == WaitResult::ready) return true;
        errno = r == WaitResult::timeout ? EAGAIN : r == WaitResult::canceled ? ECANCELED : EBADF;
        return false;
    }
    pollfd p{fd, static_cast<short>(events == kEventRead ? POLLIN : POLLOUT), 0};
    int ms = timeout > 0 ? static_cast<int>(std::ceil(timeout * 1000)) : -1;
    int n = ::poll(&p, 1, ms);
    if (n > 0) return true;
    if (n == 0) errno = EAGAIN;
    return false;
}

}  // namespace

ssize_t pipe_read(int fd, void *buf, size_t n, bool blocking, double timeout) {
    for (;;) {
        ssize_t r = ::recv(fd, buf, n, MSG_DONTWAIT);
        if (r >= 0) return r;
        if (errno == ENOTSOCK) r = ::read(fd, buf, n);  // a plain pipe handed in by the caller
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (errno != EAGAIN || !blocking) return -1;
        if (!wait_ready(fd, kEventRead, timeout)) return -1;
    }
}

ssize_t pipe_write(int fd, const void *buf, size_t n, bool blocking, double timeout) {
    for (;;) {
        ssize_t r = ::send(fd, buf, n, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (r >= 0) return r;
        if (errno == ENOTSOCK) r = ::write(fd, buf, n);
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (errno != EAGAIN || !blocking) return -1;
        if (!wait_ready(fd, kEventWrite, timeout)) return -1;
    }
}

}  // namespace swoole::kernel
