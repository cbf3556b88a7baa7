// stream_socket_pair() inside a coroutine: both ends are hooked streams, so
// reading one waits for the other without blocking the loop. Their read
// timeout is default_socket_timeout, as for any stream around an existing fd.
#include "runtime/stream/stream_functions.h"

#include <cerrno>
#include <cstring>

#include "coroutine/php_coroutine.h"
#include "runtime/stream/stream_socket.h"

namespace swoole::php::runtime {

namespace {

php_stream *wrap(std::unique_ptr<kernel::Socket> sock, int domain, int type) {
    auto data = std::make_unique<StreamSocket>();
    if (domain == AF_UNIX) {
        data->kind = (type & 0xf) == SOCK_DGRAM ? StreamKind::unix_dgram : StreamKind::unix_stream;
    } else {
        data->kind = (type & 0xf) == SOCK_DGRAM ? StreamKind::udp : StreamKind::tcp;
    }
    zend_long timeout = INI_INT("default_socket_timeout");
    data->read_timeout = timeout > 0 ? static_cast<double>(timeout) : -1;
    data->sock = std::move(sock);
    return stream_socket_open(std::move(data), nullptr);
}

}  // namespace

void hooked_stream_socket_pair(INTERNAL_FUNCTION_PARAMETERS) {
    if (!PhpCoroutine::inside()) {
        call_original(stream_function_hooks[1], INTERNAL_FUNCTION_PARAM_PASSTHRU);
        return;
    }
    zend_long domain, type, protocol;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_LONG(domain)
        Z_PARAM_LONG(type)
        Z_PARAM_LONG(protocol)
    ZEND_PARSE_PARAMETERS_END();

    std::unique_ptr<kernel::Socket> first, second;
    if (!kernel::Socket::make_pair(static_cast<int>(domain), static_cast<int>(type), static_cast<int>(protocol), first,
                                   second)) {
        int err = errno;
        php_error_docref(nullptr, E_WARNING, "Failed to create sockets: [%d]: %s", err, strerror(err));
        RETURN_FALSE;
    }
    php_stream *a = wrap(std::move(first), static_cast<int>(domain), static_cast<int>(type));
    php_stream *b = a ? wrap(std::move(second), static_cast<int>(domain), static_cast<int>(type)) : nullptr;
    if (!a || !b) {
        if (a) php_stream_close(a);
        php_error_docref(nullptr, E_WARNING, "Failed to create sockets: [%d]: %s", ENOMEM, strerror(ENOMEM));
        RETURN_FALSE;
    }
    // Resources the script can see: closed with it, not at the end of the request only.
    php_stream_auto_cleanup(a);
    php_stream_auto_cleanup(b);
    array_init(return_value);
    add_next_index_resource(return_value, a->res);
    add_next_index_resource(return_value, b->res);
}

}  // namespace swoole::php::runtime
