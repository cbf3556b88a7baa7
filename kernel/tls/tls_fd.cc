#include "tls/tls_fd.h"

#include <sys/socket.h>

#include <cerrno>

#include "base/error.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

TlsFdIo::Flush TlsFdIo::flush(int fd) {
    for (;;) {
        std::string_view out = session_.pending_output();
        if (out.empty()) return Flush::done;
        ssize_t n = ::send(fd, out.data(), out.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n > 0) {
            session_.consume_output(size_t(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            want_events_ = kEventWrite;
            errno = EAGAIN;
            return Flush::again;
        }
        return Flush::error;
    }
}

bool TlsFdIo::pull(int fd) {
    std::span<char> space = session_.input_space();
    for (;;) {
        ssize_t n = ::recv(fd, space.data(), space.size(), MSG_DONTWAIT);
        if (n > 0) {
            session_.commit_input(size_t(n));
            return true;
        }
        if (n == 0) {
            session_.feed_eof();
            return true;
        }
        if (errno == EINTR) continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            want_events_ = kEventRead;
            errno = EAGAIN;
        }
        return false;
    }
}

ssize_t TlsFdIo::tls_error() {
    set_last_error(session_.error_code());
    errno = session_.error_code();
    return -1;
}

ssize_t TlsFdIo::handshake(int fd) {
    for (;;) {
        TlsStatus status = session_.handshake();
        Flush flushed = flush(fd);
        if (status == TlsStatus::failed) return tls_error();  // the alert went out if it could
        if (flushed != Flush::done) return -1;
        if (status == TlsStatus::done) return 0;
        if (status == TlsStatus::want_input && !pull(fd)) return -1;
    }
}

ssize_t TlsFdIo::read(int fd, void *buf, size_t n) {
    if (n == 0) return 0;
    for (;;) {
        TlsResult r = session_.read(buf, n);
        Flush flushed = flush(fd);  // best effort: a blocked send must not stop reading
        switch (r.status) {
        case TlsStatus::done:
            return ssize_t(r.bytes);
        case TlsStatus::closed:
            return 0;
        case TlsStatus::failed:
            return tls_error();
        default:
            break;
        }
        if (flushed == Flush::error) return -1;
        if (r.status == TlsStatus::want_flush) {
            if (flushed == Flush::again) return -1;
            continue;
        }
        if (!pull(fd)) {
            // Output still owed (say, a handshake message the peer waits
            // for) is sent as soon as the fd takes it, while we wait to read.
            if (errno == EAGAIN && !session_.pending_output().empty()) want_events_ = kEventRead | kEventWrite;
            return -1;
        }
    }
}

ssize_t TlsFdIo::write(int fd, const void *buf, size_t n) {
    for (;;) {
        Flush flushed = flush(fd);
        if (flushed != Flush::done) return -1;
        if (accepted_ > 0) {
            // The retry after EAGAIN: those bytes are now on the wire.
            size_t done = accepted_;
            accepted_ = 0;
            return ssize_t(done);
        }
        if (n == 0) return 0;
        TlsResult r = session_.write(buf, n);
        if (r.status == TlsStatus::failed) {
            flush(fd);
            return tls_error();
        }
        if (r.status == TlsStatus::want_input) {
            if (flush(fd) != Flush::done || !pull(fd)) return -1;
            continue;
        }
        accepted_ = r.bytes;  // reported once flushed (next turn of the loop)
    }
}

ssize_t TlsFdIo::peek(int fd, void *buf, size_t n, bool may_read_fd) {
    for (;;) {
        TlsResult r = session_.peek(buf, n);
        switch (r.status) {
        case TlsStatus::done:
            return ssize_t(r.bytes);
        case TlsStatus::closed:
            return 0;
        case TlsStatus::failed:
            return tls_error();
        default:
            break;
        }
        // Output owed stays queued for the next read or write.
        if (r.status == TlsStatus::want_input && may_read_fd) {
            if (!pull(fd)) return -1;
            continue;
        }
        want_events_ = kEventRead;
        errno = EAGAIN;
        return -1;
    }
}

ssize_t TlsFdIo::shutdown(int fd) {
    TlsStatus status = session_.shutdown();
    Flush flushed = flush(fd);
    if (status == TlsStatus::failed) return tls_error();
    if (flushed != Flush::done) return -1;
    if (status == TlsStatus::done) return 0;
    // want_input: only while a handshake is in progress, which shutdown() skips.
    want_events_ = kEventRead;
    errno = EAGAIN;
    return -1;
}

}  // namespace swoole::kernel
