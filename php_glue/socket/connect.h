// Opening a connection the way the settings ask (spec clients.md §4): bind,
// socket options, the proxy tunnel (SOCKS5 first, else HTTP CONNECT), then
// TLS. Shared by Co\Socket::connect, Co\Client and the synchronous client;
// all failures are left as the kernel socket's error_code().
#pragma once

#include <string_view>

#include "socket/php_socket.h"

namespace swoole::php {

// Connects st.sock to host:port. tls: put TLS over the connection and
// handshake (Co\Client SWOOLE_SSL types, open_ssl).
bool connect_with_settings(SocketState &st, std::string_view host, int port, double timeout, bool tls);

// Puts TLS over the connected st.sock and runs the handshake: the server side
// when st has a server context, else the client side with the ssl_* settings
// (host: for SNI and the certificate check unless ssl_host_name is set).
bool start_tls(SocketState &st, std::string_view host, double timeout = 0);

// The server TLS context of a listener with open_ssl (built on first use);
// nullptr when the settings name no certificate or it cannot be loaded (the
// warning is emitted).
std::shared_ptr<const kernel::TlsContext> server_tls_context(SocketState &listener);

}  // namespace swoole::php
