// Connection set-up from settings (see connect.h).
#include "socket/connect.h"

#include <sys/socket.h>

#include "base/error.h"
#include "socket/proxy.h"

namespace swoole::php {

namespace {

// "unix:/path" and "unix:///path" name a Unix socket path, as the clients accept.
std::string_view unix_path(std::string_view host) {
    if (host.substr(0, 5) != "unix:") return host;
    host.remove_prefix(5);
    if (host.substr(0, 3) == "///") host.remove_prefix(2);
    return host;
}

std::shared_ptr<const kernel::TlsContext> make_context(const kernel::TlsOptions &options, kernel::Socket &sock) {
    std::string error;
    std::shared_ptr<const kernel::TlsContext> ctx = kernel::TlsContext::create(options, error);
    if (!ctx) {
        php_error_docref(nullptr, E_WARNING, "failed to create the TLS context: %s", error.c_str());
        sock.set_error(kernel::SW_ERROR_SSL_BAD_PROTOCOL);
    }
    return ctx;
}

}  // namespace

bool connect_with_settings(SocketState &st, std::string_view host, int port, double timeout, bool tls) {
    kernel::Socket &sock = *st.sock;
    const SocketSettings &s = st.settings;
    apply_socket_options(sock, s);
    if (!s.bind_address.empty() && !sock.bind(s.bind_address, s.bind_port)) return false;
    if (sock.domain() == AF_UNIX) host = unix_path(host);

    const ProxySettings &p = s.proxy;
    bool tunnel = sock.type() == SOCK_STREAM && (p.socks5() || p.http());
    if (!tunnel) {
        if (!sock.connect(host, port, timeout)) return false;
    } else if (p.socks5()) {
        if (!sock.connect(p.socks5_host, p.socks5_port, timeout)) return false;
        kernel::ProxyCredentials auth{p.socks5_username, p.socks5_password};
        if (!kernel::socks5_tunnel(sock, host, port, auth, timeout)) return false;
    } else {
        if (!sock.connect(p.http_proxy_host, p.http_proxy_port, timeout)) return false;
        kernel::ProxyCredentials auth{p.http_proxy_username, p.http_proxy_password};
        if (!kernel::http_connect_tunnel(sock, host, port, auth, timeout)) return false;
    }
    if (tls && !start_tls(st, host, timeout)) return false;
    return true;
}

bool start_tls(SocketState &st, std::string_view host, double timeout) {
    kernel::Socket &sock = *st.sock;
    std::shared_ptr<const kernel::TlsContext> ctx = st.tls_server_context;
    std::string name;
    if (!ctx) {
        kernel::TlsOptions options = st.settings.tls;
        options.server = false;
        ctx = make_context(options, sock);
        if (!ctx) return false;
        name = tls_host_name(st.settings, host);
    }
    if (!sock.enable_tls(std::move(ctx), name)) return false;
    return sock.tls_handshake(timeout);
}

std::shared_ptr<const kernel::TlsContext> server_tls_context(SocketState &listener) {
    if (listener.tls_server_context) return listener.tls_server_context;
    const kernel::TlsOptions &t = listener.settings.tls;
    if (t.cert_file.empty() || t.key_file.empty()) {
        php_error_docref(nullptr, E_WARNING, "ssl_cert_file and ssl_key_file are required to accept TLS connections");
        return nullptr;
    }
    kernel::TlsOptions options = t;
    options.server = true;
    listener.tls_server_context = make_context(options, *listener.sock);
    return listener.tls_server_context;
}

}  // namespace swoole::php
