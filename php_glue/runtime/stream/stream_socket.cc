// The php_stream ops of hooked sockets and the transport factory (stream_socket.h).
#include "runtime/stream/stream_socket.h"

#include <sys/stat.h>

#include <cerrno>
#include <string_view>

#include "base/error.h"
#include "coroutine/php_coroutine.h"
#include "socket/io_result.h"
#include "tls/tls_session.h"

namespace swoole::php::runtime {

namespace {

using kernel::Socket;

constexpr double kCloseNotifyTimeout = 0.1;  // seconds a close may wait to send close_notify

// A read that must not wait: only what is already there (stream_set_blocking(false)).
ssize_t read_nowait(Socket &sock, char *buf, size_t count) {
    ssize_t n = sock.peek(buf, count);
    if (n <= 0) return n;
    return sock.recv(buf, static_cast<size_t>(n));
}

ssize_t op_read(php_stream *stream, char *buf, size_t count) {
    StreamSocket *data = stream_data(stream);
    if (!data || !data->sock || data->sock->is_closed()) return -1;
    Socket &sock = *data->sock;
    data->timed_out = false;
    ssize_t n = data->blocking ? sock.recv(buf, count, data->read_timeout) : read_nowait(sock, buf, count);
    if (n > 0) return n;
    if (n == 0) {
        stream->eof = 1;
        return 0;
    }
    int err = sock.error_code();
    check_bound(sock, true);
    if (err == EAGAIN && !data->blocking) return 0;
    if (err == ETIMEDOUT) {
        data->timed_out = true;
        return 0;
    }
    stream->eof = 1;
    return -1;
}

ssize_t op_write(php_stream *stream, const char *buf, size_t count) {
    StreamSocket *data = stream_data(stream);
    if (!data || !data->sock || data->sock->is_closed()) return -1;
    Socket &sock = *data->sock;
    // A datagram is one send; a byte stream goes out whole (blocking write semantics).
    ssize_t n = data->type() == SOCK_DGRAM ? sock.send(buf, count) : sock.send_all(buf, count);
    if (n >= 0) return n;
    check_bound(sock, false);
    if (!(stream->flags & PHP_STREAM_FLAG_SUPPRESS_ERRORS)) {
        php_error_docref(nullptr, E_NOTICE, "Send of " ZEND_LONG_FMT " bytes failed with errno=%d %s",
                         static_cast<zend_long>(count), sock.error_code(), sock.error_message());
    }
    return -1;
}

int op_close(php_stream *stream, int close_handle) {
    StreamSocket *data = stream_data(stream);
    if (!data) return 0;
    stream->abstract = nullptr;
    if (data->sock && !data->sock->is_closed()) {
        if (close_handle) {
            // Say goodbye to a TLS peer as PHP's ssl streams do; never wait long for it.
            if (data->sock->tls()) data->sock->tls_shutdown(kCloseNotifyTimeout);
            data->sock->close();
        } else {
            data->sock->release_fd();
        }
    }
    delete data;
    return 0;
}

int op_flush(php_stream *) { return 0; }

int op_cast(php_stream *stream, int castas, void **ret) {
    StreamSocket *data = stream_data(stream);
    if (!data || !data->sock || !data->sock->valid()) return FAILURE;
    switch (castas) {
        case PHP_STREAM_AS_FD:
        case PHP_STREAM_AS_FD_FOR_SELECT:
        case PHP_STREAM_AS_SOCKETD:
            if (ret) *reinterpret_cast<php_socket_t *>(ret) = data->sock->fd();
            return SUCCESS;
        default:
            return FAILURE;
    }
}

int op_stat(php_stream *stream, php_stream_statbuf *ssb) {
    StreamSocket *data = stream_data(stream);
    if (!data || !data->sock || !data->sock->valid()) return -1;
    return zend_fstat(data->sock->fd(), &ssb->sb);
}

int check_liveness(StreamSocket &data) {
    if (!data.sock || !data.sock->valid()) return PHP_STREAM_OPTION_RETURN_ERR;
    // Only a stream socket has a peer that can go away.
    if (data.type() != SOCK_STREAM) return PHP_STREAM_OPTION_RETURN_OK;
    return data.sock->check_liveness() ? PHP_STREAM_OPTION_RETURN_OK : PHP_STREAM_OPTION_RETURN_ERR;
}

int op_set_option(php_stream *stream, int option, int value, void *ptrparam) {
    StreamSocket *data = stream_data(stream);
    if (!data) return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    switch (option) {
        case PHP_STREAM_OPTION_BLOCKING: {
            int old = data->blocking ? 1 : 0;
            data->blocking = value != 0;
            return old;
        }
        case PHP_STREAM_OPTION_READ_TIMEOUT: {
            data->read_timeout = timeval_seconds(static_cast<struct timeval *>(ptrparam));
            data->timed_out = false;
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        case PHP_STREAM_OPTION_META_DATA_API: {
            zval *meta = static_cast<zval *>(ptrparam);
            add_assoc_bool(meta, "timed_out", data->timed_out);
            add_assoc_bool(meta, "blocked", data->blocking);
            add_assoc_bool(meta, "eof", stream->eof);
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        case PHP_STREAM_OPTION_CHECK_LIVENESS:
            return check_liveness(*data);
        case PHP_STREAM_OPTION_XPORT_API:
            return stream_xport_op(stream, *data, static_cast<php_stream_xport_param *>(ptrparam));
        case PHP_STREAM_OPTION_CRYPTO_API:
            return stream_crypto_op(stream, *data, static_cast<php_stream_xport_crypto_param *>(ptrparam));
        default:
            return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    }
}

// The crypto method a TLS transport name stands for (client side).
int transport_crypto_method(std::string_view proto) {
    if (proto == "tlsv1.0") return STREAM_CRYPTO_METHOD_TLSv1_0_CLIENT;
    if (proto == "tlsv1.1") return STREAM_CRYPTO_METHOD_TLSv1_1_CLIENT;
    if (proto == "tlsv1.2") return STREAM_CRYPTO_METHOD_TLSv1_2_CLIENT;
    if (proto == "tlsv1.3") return STREAM_CRYPTO_METHOD_TLSv1_3_CLIENT;
    return STREAM_CRYPTO_METHOD_TLS_ANY_CLIENT;  // ssl://, tls://
}

}  // namespace

const php_stream_ops stream_socket_ops = {
    op_write, op_read, op_close, op_flush, "tcp_socket/coroutine", nullptr, op_cast, op_stat, op_set_option,
};

double timeval_seconds(const struct timeval *tv) {
    if (!tv) return -1;
    double seconds = static_cast<double>(tv->tv_sec) + static_cast<double>(tv->tv_usec) / 1e6;
    if (seconds < 0) return -1;
    // A zero timeout polls: the kernel reads 0 as "the socket's setting", so wait a minimal time.
    return seconds > 0 ? seconds : 0.001;
}

php_stream *stream_socket_open(std::unique_ptr<StreamSocket> data, const char *persistent_id) {
    php_stream *stream = php_stream_alloc(&stream_socket_ops, data.get(), persistent_id, "r+");
    if (!stream) return nullptr;
    data.release();  // owned by the stream now, freed by op_close
    return stream;
}

php_stream *stream_socket_factory(const char *proto, size_t protolen, const char *, size_t, const char *persistent_id,
                                  int, int, struct timeval *, php_stream_context * STREAMS_DC) {
    // A hooked socket only works inside a coroutine: outside, the fatal Swoole\Error.
    PhpCoroutine::require_coroutine();
    std::string_view name(proto, protolen);
    auto data = std::make_unique<StreamSocket>();
    if (name == "tcp") {
        data->kind = StreamKind::tcp;
    } else if (name == "udp") {
        data->kind = StreamKind::udp;
    } else if (name == "unix") {
        data->kind = StreamKind::unix_stream;
    } else if (name == "udg") {
        data->kind = StreamKind::unix_dgram;
    } else {
        data->kind = StreamKind::tcp;
        data->tls_on_connect = true;
        data->crypto_method = transport_crypto_method(name);
    }
    return stream_socket_open(std::move(data), persistent_id);
}

}  // namespace swoole::php::runtime
