// Tunnels through a proxy on a socket already connected to the proxy, for the
// socks5_* and http_proxy_* client settings (spec/clients.md §4.4):
//   SOCKS5 (RFC 1928): no-auth or username/password (RFC 1929), CONNECT by
//     host name so the proxy resolves it (IP literals are sent as addresses);
//   HTTP CONNECT: "CONNECT host:port HTTP/1.1" with Basic Proxy-Authorization
//     when a username is given; any 2xx status opens the tunnel.
// On success the socket carries the target's byte stream; TLS, if any, goes on
// top afterwards (Socket::enable_tls). Both use the socket's read/write
// timeouts unless timeout > 0, one deadline for the whole exchange.
// Failure: false with the socket's error_code() set to the SOCKS5 code
// (SW_ERROR_SOCKS5_UNSUPPORT_VERSION, _UNSUPPORT_METHOD, _AUTH_FAILED,
// _SERVER_ERROR for a reply other than success, _HANDSHAKE_FAILED when the
// proxy closed or the exchange failed) or the HTTP proxy code
// (SW_ERROR_HTTP_PROXY_BAD_RESPONSE for a non-2xx or malformed reply,
// SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED when the proxy closed or the exchange
// failed), or ETIMEDOUT / ECANCELED / EBADF from the socket itself; EINVAL
// (nothing sent) for an empty host, a port outside 1..65535, or for SOCKS5 a
// host, user name or password longer than 255 bytes. On success error_code()
// is left as it was before the call.
#pragma once

#include <string>
#include <string_view>

namespace swoole::kernel {

class Socket;

struct ProxyCredentials {
    std::string username;  // empty: no authentication
    std::string password;
};

bool socks5_tunnel(Socket &sock, std::string_view host, int port, const ProxyCredentials &auth = {},
                   double timeout = 0);
bool http_connect_tunnel(Socket &sock, std::string_view host, int port, const ProxyCredentials &auth = {},
                         double timeout = 0);

}  // namespace swoole::kernel
