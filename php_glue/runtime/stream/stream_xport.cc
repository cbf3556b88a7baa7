// The transport operations of hooked sockets (PHP_STREAM_OPTION_XPORT_API):
// bind, connect, listen, accept, names, recvfrom/sendto and shutdown, each on
// the kernel coroutine socket. Results and error texts are the ones PHP's
// own socket transport gives, so stream_socket_client & co. print the same
// warnings ("Unable to connect to tcp://...: (Connection refused)").
#include "runtime/stream/stream_socket.h"

#include <sys/un.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "base/error.h"
#include "reactor/reactor.h"
#include "socket/address.h"
#include "socket/io_result.h"

namespace swoole::php::runtime {

namespace {

using kernel::Socket;
using kernel::SocketAddress;

// "host:port" or "[v6]:port" split as PHP does; false with PHP's error text.
bool parse_inet(php_stream_xport_param *param, std::string &host, int &port) {
    std::string_view name(param->inputs.name, param->inputs.namelen);
    if (name.size() > 1 && name.front() == '[') {
        size_t close = name.find(']');
        if (close == std::string_view::npos || close + 1 >= name.size() || name[close + 1] != ':') {
            if (param->want_errortext) {
                param->outputs.error_text = strpprintf(0, "Failed to parse IPv6 address \"%s\"", param->inputs.name);
            }
            return false;
        }
        host.assign(name.substr(1, close - 1));
        port = atoi(std::string(name.substr(close + 2)).c_str());
        return true;
    }
    size_t colon = name.empty() ? std::string_view::npos : name.substr(0, name.size() - 1).find(':');
    if (colon == std::string_view::npos) {
        if (param->want_errortext) {
            param->outputs.error_text = strpprintf(0, "Failed to parse address \"%s\"", param->inputs.name);
        }
        return false;
    }
    host.assign(name.substr(0, colon));
    port = atoi(std::string(name.substr(colon + 1)).c_str());
    return true;
}

int inet_family(std::string_view host) { return host.find(':') != std::string_view::npos ? AF_INET6 : AF_INET; }

void fail_with(php_stream_xport_param *param, int code) {
    param->outputs.returncode = -1;
    param->outputs.error_code = code;
    if (param->want_errortext) {
        const char *text = kernel::error_text(code);
        param->outputs.error_text = zend_string_init(text, strlen(text), 0);
    }
}

// Makes the kernel socket of the given family on first use.
bool ensure_socket(StreamSocket &data, int family, php_stream_xport_param *param) {
    if (data.sock && data.sock->valid()) return true;
    data.sock = std::make_unique<Socket>(family, data.type());
    if (data.sock->valid()) return true;
    fail_with(param, data.sock->error_code());
    data.sock.reset();
    return false;
}

zval *socket_option(php_stream *stream, const char *name) {
    php_stream_context *context = PHP_STREAM_CONTEXT(stream);
    return context ? php_stream_context_get_option(context, "socket", name) : nullptr;
}

bool is_unix(const StreamSocket &data) { return data.domain() == AF_UNIX; }

int op_bind(php_stream *stream, StreamSocket &data, php_stream_xport_param *param) {
    if (is_unix(data)) {
        if (!ensure_socket(data, AF_UNIX, param)) return PHP_STREAM_OPTION_RETURN_OK;
        std::string_view path(param->inputs.name, param->inputs.namelen);
        if (!data.sock->bind(path)) {
            fail_with(param, data.sock->error_code());
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        param->outputs.returncode = 0;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    std::string host;
    int port = 0;
    if (!parse_inet(param, host, port)) {
        param->outputs.returncode = -1;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    if (host == "localhost") host = "127.0.0.1";  // binding needs an address; never resolve here
    int family = inet_family(host);
    if (!kernel::is_ip_literal(family, host)) {
        fail_with(param, EADDRNOTAVAIL);
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    if (!ensure_socket(data, family, param)) return PHP_STREAM_OPTION_RETURN_OK;
    Socket &sock = *data.sock;
    zval *option = socket_option(stream, "so_reuseport");
    if (option && zend_is_true(option)) sock.set_option(SOL_SOCKET, SO_REUSEPORT, 1);
    option = socket_option(stream, "so_broadcast");
    if (option && zend_is_true(option) && data.kind == StreamKind::udp) sock.set_option(SOL_SOCKET, SO_BROADCAST, 1);
    option = socket_option(stream, "ipv6_v6only");
    if (option && Z_TYPE_P(option) != IS_NULL && family == AF_INET6) {
        sock.set_option(IPPROTO_IPV6, IPV6_V6ONLY, zend_is_true(option) ? 1 : 0);
    }
    if (!sock.bind(host, port)) {
        fail_with(param, sock.error_code());
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    param->outputs.returncode = 0;
    return PHP_STREAM_OPTION_RETURN_OK;
}

int op_connect(php_stream *stream, StreamSocket &data, php_stream_xport_param *param) {
    // The caller's timeout (fsockopen / stream_socket_client, default_socket_timeout) bounds the connect.
    double timeout = param->inputs.timeout ? timeval_seconds(param->inputs.timeout) : 0;
    bool ok;
    if (is_unix(data)) {
        if (!ensure_socket(data, AF_UNIX, param)) return PHP_STREAM_OPTION_RETURN_OK;
        ok = data.sock->connect(std::string_view(param->inputs.name, param->inputs.namelen), 0, timeout);
    } else {
        std::string host;
        int port = 0;
        if (!parse_inet(param, host, port)) {
            param->outputs.returncode = -1;
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        if (!ensure_socket(data, inet_family(host), param)) return PHP_STREAM_OPTION_RETURN_OK;
        zval *bindto = socket_option(stream, "bindto");
        if (bindto && Z_TYPE_P(bindto) == IS_STRING) {
            php_stream_xport_param local{};
            local.inputs.name = Z_STRVAL_P(bindto);
            local.inputs.namelen = Z_STRLEN_P(bindto);
            local.want_errortext = param->want_errortext;
            std::string local_host;
            int local_port = 0;
            if (!parse_inet(&local, local_host, local_port) || !data.sock->bind(local_host, local_port)) {
                if (local.outputs.error_text) {
                    param->outputs.error_text = local.outputs.error_text;
                    param->outputs.returncode = -1;
                } else {
                    fail_with(param, data.sock->error_code());
                }
                return PHP_STREAM_OPTION_RETURN_OK;
            }
        }
        data.host = host;
        ok = data.sock->connect(host, port, timeout);
    }
    if (!ok) {
        fail_with(param, data.sock->error_code());
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    if (data.tls_on_connect) {
        std::string error;
        if (!stream_enable_crypto(stream, data, &error)) {
            param->outputs.returncode = -1;
            if (param->want_errortext) param->outputs.error_text = zend_string_init(error.data(), error.size(), 0);
            return PHP_STREAM_OPTION_RETURN_OK;
        }
    }
    param->outputs.returncode = 0;
    return PHP_STREAM_OPTION_RETURN_OK;
}

// A name as PHP reports it (textual and/or binary), from a socket address.
void report_name(const SocketAddress &address, zend_string **textaddr, struct sockaddr **addr, socklen_t *addrlen) {
    SocketAddress copy = address;
    php_network_populate_name_from_sockaddr(copy.sa(), copy.length, textaddr, addr, addrlen);
}

void report_wanted_name(php_stream_xport_param *param, const SocketAddress &address) {
    report_name(address, param->want_textaddr ? &param->outputs.textaddr : nullptr,
                param->want_addr ? &param->outputs.addr : nullptr, param->want_addr ? &param->outputs.addrlen : nullptr);
}

int op_accept(php_stream *stream, StreamSocket &data, php_stream_xport_param *param) {
    param->outputs.client = nullptr;
    std::unique_ptr<Socket> conn = data.sock->accept(timeval_seconds(param->inputs.timeout));
    if (!conn) {
        check_bound(*data.sock, true);
        fail_with(param, data.sock->error_code());
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    SocketAddress peer;
    bool named = (param->want_textaddr || param->want_addr) && conn->getpeername(peer);
    auto client_data = std::make_unique<StreamSocket>();
    client_data->kind = data.kind;
    client_data->sock = std::move(conn);
    client_data->tls_on_connect = data.tls_on_connect;
    client_data->crypto_method = data.crypto_method & ~1;  // the server side of the method
    StreamSocket *client_state = client_data.get();
    php_stream *client = stream_socket_open(std::move(client_data), nullptr);
    if (!client) {
        fail_with(param, ENOMEM);
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    // The accepted stream shares the listener's context (its ssl options).
    if (php_stream_context *context = PHP_STREAM_CONTEXT(stream)) php_stream_context_set(client, context);
    if (client_state->tls_on_connect) {
        std::string error;
        if (!stream_enable_crypto(client, *client_state, &error)) {
            php_stream_close(client);
            param->outputs.returncode = -1;
            if (param->want_errortext) param->outputs.error_text = zend_string_init(error.data(), error.size(), 0);
            return PHP_STREAM_OPTION_RETURN_OK;
        }
    }
    if (named) report_wanted_name(param, peer);
    param->outputs.client = client;
    param->outputs.returncode = 0;
    return PHP_STREAM_OPTION_RETURN_OK;
}

int op_name(StreamSocket &data, php_stream_xport_param *param, bool peer) {
    SocketAddress address;
    bool ok = peer ? data.sock->getpeername(address) : data.sock->getsockname(address);
    if (!ok) {
        param->outputs.returncode = -1;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    report_wanted_name(param, address);
    param->outputs.returncode = 0;
    return PHP_STREAM_OPTION_RETURN_OK;
}

// Peeking, out-of-band and non-blocking reads go to recvfrom(2) directly (a
// blocking one once the socket is readable); non-blocking with nothing there:
// -1 with EAGAIN, as PHP's.
ssize_t recv_raw(StreamSocket &data, php_stream_xport_param *param, int flags, SocketAddress &from) {
    Socket &sock = *data.sock;
    for (;;) {
        from.length = sizeof from.storage;
        ssize_t n = ::recvfrom(sock.fd(), param->inputs.buf, param->inputs.buflen, flags | MSG_DONTWAIT, from.sa(),
                               &from.length);
        if (n >= 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
            if (n < 0) sock.set_error(errno);
            return n;
        }
        if (!data.blocking) {
            sock.set_error(EAGAIN);
            return -1;
        }
        double timeout = data.read_timeout != 0 ? data.read_timeout : sock.timeout(Socket::Timeout::read);
        if (!sock.wait_event(kernel::kEventRead, timeout)) return -1;
    }
}

int op_recv(StreamSocket &data, php_stream_xport_param *param) {
    Socket &sock = *data.sock;
    int flags = 0;
    if (param->inputs.flags & STREAM_OOB) flags |= MSG_OOB;
    if (param->inputs.flags & STREAM_PEEK) flags |= MSG_PEEK;
    bool want = param->want_textaddr || param->want_addr;
    SocketAddress from;
    ssize_t n;
    if (flags || !data.blocking) {
        n = recv_raw(data, param, flags, from);
    } else if (data.type() == SOCK_DGRAM) {
        n = sock.recvfrom(param->inputs.buf, param->inputs.buflen, &from, data.read_timeout);
    } else {
        n = sock.recv(param->inputs.buf, param->inputs.buflen, data.read_timeout);
        if (n >= 0 && want) sock.getpeername(from);
    }
    if (n < 0) check_bound(sock, true);
    param->outputs.returncode = static_cast<int>(n);
    if (n >= 0 && want) {
        if (from.length) {
            report_wanted_name(param, from);
        } else if (param->want_textaddr) {
            param->outputs.textaddr = ZSTR_EMPTY_ALLOC();
        }
    }
    return PHP_STREAM_OPTION_RETURN_OK;
}

int op_send(StreamSocket &data, php_stream_xport_param *param) {
    Socket &sock = *data.sock;
    const char *buf = param->inputs.buf;
    size_t len = param->inputs.buflen;
    ssize_t n;
    if (param->inputs.flags & STREAM_OOB) {
        n = sock.wait_event(kernel::kEventWrite, sock.timeout(Socket::Timeout::write)) ? ::send(sock.fd(), buf, len, MSG_OOB) : -1;
        if (n < 0 && errno) sock.set_error(errno);
    } else if (param->inputs.addr) {
        SocketAddress to;
        size_t size = std::min<size_t>(param->inputs.addrlen, sizeof to.storage);
        memcpy(&to.storage, param->inputs.addr, size);
        to.length = static_cast<socklen_t>(size);
        n = sock.sendto(to, buf, len);
    } else {
        n = data.type() == SOCK_DGRAM ? sock.send(buf, len) : sock.send_all(buf, len);
    }
    if (n < 0) {
        check_bound(sock, false);
        php_error_docref(nullptr, E_WARNING, "%s\n", sock.error_message());
    }
    param->outputs.returncode = static_cast<int>(n);
    return PHP_STREAM_OPTION_RETURN_OK;
}

}  // namespace

int stream_xport_op(php_stream *stream, StreamSocket &data, php_stream_xport_param *param) {
    switch (param->op) {
        case php_stream_xport_param::STREAM_XPORT_OP_BIND:
            return op_bind(stream, data, param);
        case php_stream_xport_param::STREAM_XPORT_OP_CONNECT:
        case php_stream_xport_param::STREAM_XPORT_OP_CONNECT_ASYNC:
            return op_connect(stream, data, param);
        default:
            break;
    }
    // Everything else needs the socket that bind or connect made.
    if (!data.sock || !data.sock->valid()) {
        param->outputs.returncode = -1;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    switch (param->op) {
        case php_stream_xport_param::STREAM_XPORT_OP_LISTEN:
            param->outputs.returncode = data.sock->listen(param->inputs.backlog) ? 0 : -1;
            return PHP_STREAM_OPTION_RETURN_OK;
        case php_stream_xport_param::STREAM_XPORT_OP_ACCEPT:
            return op_accept(stream, data, param);
        case php_stream_xport_param::STREAM_XPORT_OP_GET_NAME:
            return op_name(data, param, false);
        case php_stream_xport_param::STREAM_XPORT_OP_GET_PEER_NAME:
            return op_name(data, param, true);
        case php_stream_xport_param::STREAM_XPORT_OP_RECV:
            return op_recv(data, param);
        case php_stream_xport_param::STREAM_XPORT_OP_SEND:
            return op_send(data, param);
        case php_stream_xport_param::STREAM_XPORT_OP_SHUTDOWN: {
            static const int how[] = {SHUT_RD, SHUT_WR, SHUT_RDWR};
            param->outputs.returncode = data.sock->shutdown(how[param->how % 3]) ? 0 : -1;
            return PHP_STREAM_OPTION_RETURN_OK;
        }
        default:
            return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    }
}

}  // namespace swoole::php::runtime
