#include "tls/tls_stream.h"

#include "base/error.h"

namespace swoole::kernel {

namespace {

// One read from the transport straight into the session's input. At the end
// of the stream the session is told, so its next step gives its verdict.
enum class Pull { data, eof, error };

Pull pull(TlsSession &session, const TlsTransport &transport) {
    std::span<char> space = session.input_space();
    ssize_t n = transport.read_some(transport.context, space.data(), space.size());
    if (n < 0) return Pull::error;
    if (n == 0) {
        session.feed_eof();
        return Pull::eof;
    }
    session.commit_input(size_t(n));
    return Pull::data;
}

bool tls_failed(const TlsSession &session) {
    set_last_error(session.error_code());
    return false;
}

}  // namespace

bool tls_flush(TlsSession &session, const TlsTransport &transport) {
    std::string_view out = session.pending_output();
    if (out.empty()) return true;
    if (!transport.write_all(transport.context, out.data(), out.size())) return false;
    session.consume_output(out.size());
    return true;
}

bool tls_handshake(TlsSession &session, const TlsTransport &transport) {
    for (;;) {
        TlsStatus status = session.handshake();
        if (status == TlsStatus::failed) {
            tls_flush(session, transport);  // the alert, if any; best effort
            return tls_failed(session);
        }
        if (!tls_flush(session, transport)) return false;
        if (status == TlsStatus::done) return true;
        if (status == TlsStatus::want_input && pull(session, transport) == Pull::error) return false;
    }
}

ssize_t tls_read(TlsSession &session, const TlsTransport &transport, void *buf, size_t len) {
    if (len == 0) return 0;
    for (;;) {
        TlsResult r = session.read(buf, len);
        if (r.status == TlsStatus::failed) {
            tls_flush(session, transport);
            tls_failed(session);
            return -1;
        }
        // A read may queue output too (a key update answer, an alert).
        if (!tls_flush(session, transport)) return -1;
        switch (r.status) {
        case TlsStatus::done:
            return ssize_t(r.bytes);
        case TlsStatus::closed:
            return 0;
        case TlsStatus::want_input:
            if (pull(session, transport) == Pull::error) return -1;
            break;
        default:
            break;
        }
    }
}

ssize_t tls_write(TlsSession &session, const TlsTransport &transport, const void *buf, size_t len) {
    const auto *p = static_cast<const char *>(buf);
    size_t written = 0;
    while (written < len) {
        TlsResult r = session.write(p + written, len - written);
        if (r.status == TlsStatus::failed) {
            tls_flush(session, transport);
            tls_failed(session);
            return -1;
        }
        if (!tls_flush(session, transport)) return -1;
        written += r.bytes;
        if (r.status == TlsStatus::want_input) {
            Pull got = pull(session, transport);
            if (got == Pull::error) return -1;
            if (got == Pull::eof) {
                set_last_error(SW_ERROR_SSL_RESET);
                return -1;
            }
        }
    }
    return ssize_t(written);
}

bool tls_shutdown(TlsSession &session, const TlsTransport &transport) {
    for (;;) {
        TlsStatus status = session.shutdown();
        if (status == TlsStatus::failed) {
            tls_flush(session, transport);
            return tls_failed(session);
        }
        if (!tls_flush(session, transport)) return false;
        if (status == TlsStatus::done) return true;
        if (status == TlsStatus::want_input) {
            Pull got = pull(session, transport);
            if (got == Pull::error) return false;
            if (got == Pull::eof) {
                set_last_error(SW_ERROR_SSL_RESET);
                return false;
            }
        }
    }
}

}  // namespace swoole::kernel
