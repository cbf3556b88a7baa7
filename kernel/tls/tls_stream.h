// Blocking-style TLS over any byte transport: the loops of tls_session.h
// written once, for a caller that can "read some" and "write all" (a
// coroutine socket parks inside those callbacks; a plain blocking socket just
// blocks). Each call returns when the operation is finished or has failed.
//
// Failures: the functions return false / -1 with last_error() set — to the
// session's SW_ERROR_SSL_* code when TLS failed (message in
// session.error_message()), or left as the transport callback set it (a
// timeout, a reset, a cancellation) when the transport failed.
#pragma once

#include <sys/types.h>

#include <cstddef>

#include "tls/tls_session.h"

namespace swoole::kernel {

struct TlsTransport {
    void *context = nullptr;
    // Receives up to len bytes: > 0 bytes, 0 at the end of the stream, < 0 on
    // failure (with last_error() set).
    ssize_t (*read_some)(void *context, char *buf, size_t len) = nullptr;
    // Sends all len bytes: false on failure (with last_error() set).
    bool (*write_all)(void *context, const char *buf, size_t len) = nullptr;
};

// Sends whatever the session has queued.
bool tls_flush(TlsSession &session, const TlsTransport &transport);
bool tls_handshake(TlsSession &session, const TlsTransport &transport);
// > 0 plaintext bytes, 0 when the peer closed, -1 on failure.
ssize_t tls_read(TlsSession &session, const TlsTransport &transport, void *buf, size_t len);
// All len bytes, or -1 on failure.
ssize_t tls_write(TlsSession &session, const TlsTransport &transport, const void *buf, size_t len);
// Sends our close_notify (does not wait for the peer's).
bool tls_shutdown(TlsSession &session, const TlsTransport &transport);

}  // namespace swoole::kernel
