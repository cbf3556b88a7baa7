// The place where a layer between the socket's byte stream and its fd plugs
// in: TLS (kernel/tls/) implements it; a plain socket has none and calls
// recv(2)/send(2) itself. The Socket keeps its coroutine rules (timeouts,
// cancellation, one reader and one writer) around whatever transport it has;
// the transport only moves bytes and says what it waits for.
#pragma once

#include <sys/socket.h>
#include <sys/types.h>

#include <cstddef>

namespace swoole::kernel {

class Transport {
  public:
    virtual ~Transport() = default;

    // As recv(2)/send(2) on a non-blocking fd: the bytes moved (> 0), 0 for
    // the end of the stream (read only), or -1 with errno set. errno EAGAIN
    // means "call again once fd is ready for want_events()": a TLS read may
    // need the fd writable (renegotiation), a write may need it readable.
    virtual ssize_t read(int fd, void *buf, size_t n) = 0;
    virtual ssize_t write(int fd, const void *buf, size_t n) = 0;
    // The stream's next bytes without consuming them, never waiting (as
    // recv(2) with MSG_PEEK | MSG_DONTWAIT): what read() would give next,
    // never the transport's own encoding. may_read_fd: no other call is
    // waiting on the fd, so the transport may take bytes from it into its
    // own buffer.
    virtual ssize_t peek(int fd, void *buf, size_t n, bool may_read_fd) {
        (void)may_read_fd;
        return ::recv(fd, buf, n, MSG_PEEK | MSG_DONTWAIT);
    }
    // After a write that returned EAGAIN and will not be retried (its wait
    // failed: timeout, cancel, close): how many of its bytes the transport
    // already took for good (TLS: encrypted and queued, sent by the next
    // call that flushes). The caller counts them as written; the transport
    // forgets them, so a later write of other data is not credited with them.
    virtual size_t take_committed() { return 0; }
    // kEventRead and/or kEventWrite (reactor/reactor.h), after an EAGAIN.
    virtual int want_events() const = 0;
    // Bytes already decoded and readable without waiting for the fd.
    virtual size_t pending() const { return 0; }
    // Whether sendfile(2) may bypass the transport (never for TLS).
    virtual bool allows_sendfile() const { return false; }
};

}  // namespace swoole::kernel
