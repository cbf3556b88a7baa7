// TLS over a non-blocking fd, in the shape of recv(2)/send(2), for a socket
// that waits on the fd itself (kernel/socket's Transport forwards to this).
//
// Each call returns > 0 bytes (0: handshake/shutdown done, or read: the peer
// closed), or -1 with errno set:
//   EAGAIN           wait until the fd is ready for want_events()
//                    (kEventRead / kEventWrite) and call again; a write must
//                    then be retried with the same remaining data, as
//                    SSL_write requires (its bytes may already be encrypted)
//   SW_ERROR_SSL_*   TLS failed (also in last_error(); text in
//                    session().error_message())
//   other errno      the fd failed (ECONNRESET, EPIPE, ...)
// A read with output still owed asks for kEventRead | kEventWrite (whichever
// comes first, call again); a write may need to read. pending() tells when a
// read can answer without waiting for the fd.
#pragma once

#include <sys/types.h>

#include <cstddef>

#include "tls/tls_session.h"

namespace swoole::kernel {

class TlsFdIo {
  public:
    explicit TlsFdIo(TlsSession &session) : session_(session) {}

    ssize_t handshake(int fd);
    ssize_t read(int fd, void *buf, size_t n);
    ssize_t write(int fd, const void *buf, size_t n);
    // Decrypted bytes without consuming them (at most one record's worth),
    // never waiting: EAGAIN when no whole record is there. With may_read_fd
    // it first takes what the fd has (non-blocking) into the session, so
    // later reads find it there; without, it looks only at what the session
    // holds (another reader may be waiting for the fd to become readable).
    ssize_t peek(int fd, void *buf, size_t n, bool may_read_fd);
    // Sends our close_notify.
    ssize_t shutdown(int fd);

    // A write whose retry will not come: the bytes it already encrypted
    // (they go out with the next flush), forgotten here.
    size_t take_accepted() {
        size_t n = accepted_;
        accepted_ = 0;
        return n;
    }

    int want_events() const { return want_events_; }
    size_t pending() const { return session_.buffered_input() + session_.pending_plaintext(); }
    TlsSession &session() { return session_; }

  private:
    enum class Flush { done, again, error };
    Flush flush(int fd);
    // One recv into the session: true when something (data or the end) came.
    bool pull(int fd);
    ssize_t tls_error();

    TlsSession &session_;
    int want_events_ = 0;
    size_t accepted_ = 0;  // write: bytes encrypted but not yet all sent
};

}  // namespace swoole::kernel
