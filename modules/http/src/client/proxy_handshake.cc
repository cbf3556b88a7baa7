// The proxy part of HttpClient::connect(): a SOCKS5 greeting/auth/connect
// (RFC 1928/1929, the server's name resolved by the proxy) or an HTTP
// CONNECT tunnel (used for https; plain http goes through an HTTP proxy as
// absolute-URI requests instead). Failures use 4.8's codes: 7001-7005 for
// SOCKS5, 7103/7104 for the HTTP proxy, with statusCode -1.
#include <cstring>
#include <string>

#include "client/http_client.h"

namespace swoole::mod::http::client {

namespace {

enum : int {
    kSocks5UnsupportVersion = 7001,
    kSocks5UnsupportMethod = 7002,
    kSocks5AuthFailed = 7003,
    kSocks5ServerError = 7004,
};

constexpr size_t kMaxProxyHead = 8192;

}  // namespace

bool HttpClient::read_exact(void *buf, size_t n) {
    char *p = static_cast<char *>(buf);
    while (n > 0) {
        ssize_t r = io_recv(p, n, settings_.connect_timeout);
        if (r <= 0) return false;
        p += r;
        n -= static_cast<size_t>(r);
    }
    return true;
}

bool HttpClient::proxy_handshake() {
    return settings_.proxy.socks5() ? socks5_handshake() : http_connect_handshake();
}

bool HttpClient::socks5_handshake() {
    const ProxySettings &p = settings_.proxy;
    double t = settings_.connect_timeout;
    bool auth = !p.socks5_user.empty();
    auto io_failed = [&] {
        set_error(kErrSocks5HandshakeFailed, kStatusConnectFailed);
        return false;
    };
    const unsigned char hello_plain[] = {5, 1, 0};
    const unsigned char hello_auth[] = {5, 2, 0, 2};
    if (!(auth ? io_send(hello_auth, sizeof(hello_auth), t) : io_send(hello_plain, sizeof(hello_plain), t))) {
        return io_failed();
    }
    unsigned char reply[4];
    if (!read_exact(reply, 2)) return io_failed();
    if (reply[0] != 5) {
        set_error(kSocks5UnsupportVersion, kStatusConnectFailed);
        return false;
    }
    if (reply[1] == 2 && auth) {
        if (p.socks5_user.size() > 255 || p.socks5_password.size() > 255) {
            set_error(kSocks5AuthFailed, kStatusConnectFailed);
            return false;
        }
        std::string msg;
        msg.push_back(1);
        msg.push_back(static_cast<char>(p.socks5_user.size()));
        msg.append(p.socks5_user);
        msg.push_back(static_cast<char>(p.socks5_password.size()));
        msg.append(p.socks5_password);
        if (!io_send(msg.data(), msg.size(), t) || !read_exact(reply, 2)) return io_failed();
        if (reply[1] != 0) {
            set_error(kSocks5AuthFailed, kStatusConnectFailed);
            return false;
        }
    } else if (reply[1] != 0) {
        set_error(kSocks5UnsupportMethod, kStatusConnectFailed);
        return false;
    }
    if (host_.size() > 255) {
        set_error(kSocks5ServerError, kStatusConnectFailed);
        return false;
    }
    std::string req = {5, 1, 0, 3};
    req.push_back(static_cast<char>(host_.size()));
    req.append(host_);
    req.push_back(static_cast<char>((port_ >> 8) & 0xff));
    req.push_back(static_cast<char>(port_ & 0xff));
    if (!io_send(req.data(), req.size(), t) || !read_exact(reply, 4)) return io_failed();
    if (reply[0] != 5) {
        set_error(kSocks5UnsupportVersion, kStatusConnectFailed);
        return false;
    }
    if (reply[1] != 0) {
        set_error(kSocks5ServerError, kStatusConnectFailed);
        return false;
    }
    // The bound address that follows: IPv4, a name, or IPv6; then the port.
    unsigned char rest[260];
    size_t need = 0;
    if (reply[3] == 1) {
        need = 4 + 2;
    } else if (reply[3] == 4) {
        need = 16 + 2;
    } else if (reply[3] == 3) {
        if (!read_exact(rest, 1)) return io_failed();
        need = rest[0] + 2u;
    } else {
        set_error(kSocks5ServerError, kStatusConnectFailed);
        return false;
    }
    if (!read_exact(rest, need)) return io_failed();
    return true;
}

bool HttpClient::http_connect_handshake() {
    const ProxySettings &p = settings_.proxy;
    double t = settings_.connect_timeout;
    std::string authority = host_header();
    if (authority.find(':') == std::string::npos || authority.back() == ']') {
        authority += ":" + std::to_string(port_);
    }
    std::string req = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n";
    if (!p.http_user.empty()) {
        req += "Proxy-Authorization: " + basic_authorization(p.http_user, p.http_password) + "\r\n";
    }
    req += "\r\n";
    if (!io_send(req.data(), req.size(), t)) {
        set_error(kErrHttpProxyHandshakeFailed, kStatusConnectFailed);
        return false;
    }
    // The proxy's answer head, read byte-exact so nothing of the tunnel
    // (the TLS handshake) is taken.
    std::string head;
    char c;
    while (head.size() < kMaxProxyHead) {
        if (!read_exact(&c, 1)) {
            set_error(kErrHttpProxyHandshakeFailed, kStatusConnectFailed);
            return false;
        }
        head.push_back(c);
        if (head.size() >= 4 && head.compare(head.size() - 4, 4, "\r\n\r\n") == 0) break;
    }
    // "HTTP/1.x 200 ..."
    if (head.size() < 12 || head.compare(0, 5, "HTTP/") != 0 || head.size() >= kMaxProxyHead) {
        set_error(kErrHttpProxyBadResponse, kStatusConnectFailed);
        return false;
    }
    size_t sp = head.find(' ');
    if (sp == std::string::npos || head.compare(sp + 1, 3, "200") != 0) {
        set_error(kErrHttpProxyBadResponse, kStatusConnectFailed);
        return false;
    }
    return true;
}

}  // namespace swoole::mod::http::client
