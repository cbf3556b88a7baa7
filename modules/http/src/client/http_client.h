// One Coroutine\Http\Client connection without PHP: connecting (through an
// HTTP or SOCKS5 proxy, TLS with the ssl_* settings), keep-alive reuse with
// `reconnect` attempts when the kept connection is found dead, sending an
// OutgoingRequest (file parts streamed from disk), and receiving one
// response into a ResponseParser within the read timeout (a deadline for
// the whole response, not per read).
//
// Failures leave the 4.8 triple in error(): errCode, errMsg and the
// negative statusCode (-1 connect, -2 timeout, -3 reset/unavailable,
// -4 send). Any failure after connecting closes the connection.
//
// close() may come from another coroutine while one waits in send/recv: the
// waiter wakes with ECONNRESET and the socket handle is freed by whichever
// of the two finishes last.
#pragma once

#include <swoole/module.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "client/request_writer.h"
#include "client/response_parser.h"

namespace swoole::mod::http::client {

// The status codes of 4.8's SWOOLE_HTTP_CLIENT_ESTATUS_*.
enum : int {
    kStatusConnectFailed = -1,
    kStatusRequestTimeout = -2,
    kStatusServerReset = -3,
    kStatusSendFailed = -4,
};

// Kernel codes the client reports (numbers of 4.8's SW_ERROR_*).
enum : int {
    kErrClientNoConnection = 5001,
    kErrSocks5HandshakeFailed = 7005,
    kErrHttpProxyHandshakeError = 7101,
    kErrHttpInvalidProtocol = 7102,
    kErrHttpProxyHandshakeFailed = 7103,
    kErrHttpProxyBadResponse = 7104,
    kErrWebsocketHandshakeFailed = 8504,
    kErrWebsocketPackFailed = 8505,
    kErrWebsocketUnpackFailed = 8506,
};

struct TlsSettings {
    bool verify_peer = false;
    bool allow_self_signed = false;
    bool host_name_set = false;  // ssl_host_name given ("" disables SNI)
    std::string host_name;
    std::string cafile, capath, cert_file, key_file, passphrase;
};

struct ProxySettings {
    std::string http_host;
    int http_port = 0;
    std::string http_user, http_password;
    std::string socks5_host;
    int socks5_port = 0;
    std::string socks5_user, socks5_password;
    bool socks5() const { return !socks5_host.empty(); }
    bool http() const { return !socks5() && !http_host.empty(); }
};

// Timeouts in seconds: > 0 that long, 0 the kernel default, < 0 none.
struct ClientSettings {
    double connect_timeout = 0;
    double read_timeout = 0;
    double write_timeout = 0;
    bool keep_alive = true;
    int reconnect = 1;
    bool lowercase_header = true;
    bool http_compression = true;
    bool body_decompression = true;
    int socket_buffer_size = 0;  // SO_RCVBUF/SO_SNDBUF when > 0
    bool tcp_nodelay = true;
    TlsSettings tls;
    ProxySettings proxy;
};

struct ClientError {
    int code = 0;
    std::string message;
    int status = 0;
};

class HttpClient {
  public:
    HttpClient(const sw_host_api *host, std::string server_host, int port, bool ssl);
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    ClientSettings &settings() { return settings_; }
    const std::string &host() const { return host_; }
    int port() const { return port_; }
    bool ssl() const { return ssl_; }

    // "host" or "host:port" when the port is not the scheme's default.
    std::string host_header() const;
    // The request target to write: the path, or an absolute URI when plain
    // HTTP goes through an HTTP proxy.
    std::string request_target(std::string_view path, std::string_view host_value) const;
    // "Basic ..." for Proxy-Authorization when plain HTTP goes through an
    // HTTP proxy with credentials; empty otherwise.
    std::string proxy_authorization() const;

    // Makes sure a live connection exists (connect, or reconnect a dead
    // kept-alive one up to `reconnect` times), then sends the request.
    bool send(const OutgoingRequest &request);
    // Receives one response. timeout: 0 the read timeout of the settings,
    // > 0 seconds, < 0 none. On success the connection is closed when
    // keep-alive is off (ours or the server's) and it was not upgraded.
    bool recv(ResponseParser &parser, double timeout);

    // After an upgrade: raw stream I/O for the WebSocket frames; recv first
    // returns the bytes that came after the 101 head.
    ssize_t raw_send(const void *data, size_t n, double timeout);
    ssize_t raw_recv(void *buf, size_t n, double timeout);

    void close();
    bool connected() const;
    int fd() const;
    const ClientError &error() const { return error_; }
    void clear_error() { error_ = ClientError{}; }
    // Sets the error triple (message from the kernel's table when empty).
    void set_error(int code, int status, std::string_view message = {});

  private:
    bool connect();
    bool alive() const;
    bool proxy_handshake();
    bool socks5_handshake();
    bool http_connect_handshake();
    bool read_exact(void *buf, size_t n);
    bool send_file(const UploadPart &part);
    bool io_send(const void *data, size_t n, double timeout);
    ssize_t io_recv(void *buf, size_t n, double timeout);
    bool still_open(sw_socket *used);
    void fail_io(int status);
    double remaining(std::chrono::steady_clock::time_point deadline, bool bounded) const;

    const sw_host_api *api_;
    std::string host_;
    int port_;
    bool ssl_;
    ClientSettings settings_;
    ClientError error_;
    sw_socket *sock_ = nullptr;
    sw_socket *closed_in_use_ = nullptr;  // closed while a coroutine waits on it
    bool closing_ = false;
    bool request_keep_alive_ = true;  // the last request did not say "Connection: close"
    bool waiter_returned_ = false;
    int in_io_ = 0;
    // Received bytes not parsed yet (after a complete response or a 101).
    std::unique_ptr<char[]> rbuf_;
    size_t rpos_ = 0;
    size_t rlen_ = 0;
    std::unique_ptr<char[]> file_buf_;  // addFile parts on their way out
};

}  // namespace swoole::mod::http::client
