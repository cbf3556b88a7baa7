#include "socket/proxy.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>

#include "base/error.h"
#include "reactor/reactor.h"
#include "socket/address.h"
#include "socket/socket.h"

namespace swoole::kernel {

namespace {

// SOCKS5 wire values (RFC 1928 / RFC 1929).
constexpr unsigned char kSocksVersion = 5;
constexpr unsigned char kMethodNone = 0x00;
constexpr unsigned char kMethodPassword = 0x02;
constexpr unsigned char kMethodRefused = 0xff;
constexpr unsigned char kPasswordVersion = 1;
constexpr unsigned char kCommandConnect = 1;
constexpr unsigned char kAddressIpv4 = 1;
constexpr unsigned char kAddressDomain = 3;
constexpr unsigned char kAddressIpv6 = 4;

// The reply header of an HTTP proxy beyond this is not a proxy talking.
constexpr size_t kHttpHeaderLimit = 16 * 1024;

double now_seconds() {
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// One limit for the whole exchange, handed to each socket call as what is
// left of it (never 0, which would mean "the socket's own setting").
class Exchange {
  public:
    Exchange(Socket &sock, double timeout) : sock_(sock), error_before_(sock.error_code()) {
        double limit = timeout > 0 ? timeout : sock.timeout(Socket::Timeout::read);
        end_ = limit > 0 ? now_seconds() + limit : -1;
    }

    // Seconds for the next call: -1 for no limit; false (ETIMEDOUT) when over.
    bool left(double &out) {
        if (end_ < 0) {
            out = -1;
            return true;
        }
        out = end_ - now_seconds();
        if (out > 0) return true;
        sock_.set_error(ETIMEDOUT);
        return false;
    }

    // Sends all of data; on failure the error is mapped with `broken`.
    bool send(const void *data, size_t n, int broken) {
        double t;
        if (!left(t)) return false;
        ssize_t r = sock_.send_all(data, n, t);
        if (r == ssize_t(n)) return true;
        return fail_io(broken);
    }

    // Reads exactly n bytes; the proxy closing first is `broken`.
    bool recv(void *buf, size_t n, int broken) {
        double t;
        if (!left(t)) return false;
        sock_.clear_error();  // tells a short read at the end of the stream from one cut by an error
        ssize_t r = sock_.recv_all(buf, n, t);
        if (r == ssize_t(n)) return true;
        if (r >= 0 && sock_.error_code() == 0) return fail(broken);  // closed early
        return fail_io(broken);
    }

    // The tunnel is open: the socket's error is what it was before (a
    // success does not reset it; retried peeks must not leave EAGAIN).
    bool succeed() {
        sock_.clear_error();
        if (error_before_ != 0) sock_.set_error(error_before_);
        return true;
    }

    bool fail(int code) {
        sock_.set_error(code);
        return false;
    }

    // The socket's own failure: timeouts, cancellation and a closed socket
    // stay as they are; anything else (reset, broken pipe, a short read) is
    // the proxy exchange failing.
    bool fail_io(int broken) {
        int code = sock_.error_code();
        if (code == ETIMEDOUT || code == ECANCELED || code == EBADF || code == SW_ERROR_CO_HAS_BEEN_BOUND) {
            return fail(code);
        }
        return fail(broken);
    }

    Socket &socket() { return sock_; }

  private:
    Socket &sock_;
    int error_before_;
    double end_;
};

bool valid_target(std::string_view host, int port) { return !host.empty() && port > 0 && port <= 65535; }

// "[::1]" as written in URLs is the literal ::1.
std::string_view strip_brackets(std::string_view host) {
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
    return host;
}

// ---- SOCKS5 ----

bool socks5_choose_method(Exchange &x, const ProxyCredentials &auth) {
    bool with_password = !auth.username.empty();
    unsigned char hello[4] = {kSocksVersion, 1, kMethodNone, kMethodPassword};
    if (with_password) hello[1] = 2;
    if (!x.send(hello, with_password ? 4 : 3, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;
    unsigned char reply[2];
    if (!x.recv(reply, 2, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;
    if (reply[0] != kSocksVersion) return x.fail(SW_ERROR_SOCKS5_UNSUPPORT_VERSION);
    if (reply[1] == kMethodNone) return true;
    if (reply[1] == kMethodPassword && with_password) {
        // RFC 1929: version, user, password, each length-prefixed.
        unsigned char buf[3 + 255 + 255];
        size_t n = 0;
        buf[n++] = kPasswordVersion;
        buf[n++] = static_cast<unsigned char>(auth.username.size());
        std::memcpy(buf + n, auth.username.data(), auth.username.size());
        n += auth.username.size();
        buf[n++] = static_cast<unsigned char>(auth.password.size());
        std::memcpy(buf + n, auth.password.data(), auth.password.size());
        n += auth.password.size();
        if (!x.send(buf, n, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;
        unsigned char status[2];
        if (!x.recv(status, 2, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;
        if (status[0] != kPasswordVersion || status[1] != 0) return x.fail(SW_ERROR_SOCKS5_AUTH_FAILED);
        return true;
    }
    // 0xff (no acceptable method) or one we did not offer.
    return x.fail(SW_ERROR_SOCKS5_UNSUPPORT_METHOD);
}

bool socks5_connect(Exchange &x, std::string_view host, int port) {
    unsigned char buf[4 + 1 + 255 + 2];
    size_t n = 0;
    buf[n++] = kSocksVersion;
    buf[n++] = kCommandConnect;
    buf[n++] = 0;
    SocketAddress literal;
    std::string_view bare = strip_brackets(host);
    if (literal.assign(AF_INET, bare, port)) {
        buf[n++] = kAddressIpv4;
        const auto &a = reinterpret_cast<const sockaddr_in &>(literal.storage);
        std::memcpy(buf + n, &a.sin_addr, 4);
        n += 4;
    } else if (literal.assign(AF_INET6, bare, port)) {
        buf[n++] = kAddressIpv6;
        const auto &a = reinterpret_cast<const sockaddr_in6 &>(literal.storage);
        std::memcpy(buf + n, &a.sin6_addr, 16);
        n += 16;
    } else {
        // The proxy resolves the name.
        buf[n++] = kAddressDomain;
        buf[n++] = static_cast<unsigned char>(host.size());
        std::memcpy(buf + n, host.data(), host.size());
        n += host.size();
    }
    buf[n++] = static_cast<unsigned char>(port >> 8);
    buf[n++] = static_cast<unsigned char>(port & 0xff);
    if (!x.send(buf, n, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;

    // Reply: version, status, reserved, address type, then the bound address
    // (whose length the type tells) and port. Read exactly that much: what
    // follows already belongs to the tunnel.
    unsigned char head[5];
    if (!x.recv(head, 5, SW_ERROR_SOCKS5_HANDSHAKE_FAILED)) return false;
    if (head[0] != kSocksVersion) return x.fail(SW_ERROR_SOCKS5_UNSUPPORT_VERSION);
    if (head[1] != 0) return x.fail(SW_ERROR_SOCKS5_SERVER_ERROR);
    size_t rest;  // bytes after head[4]: the address' remainder and the port
    switch (head[3]) {
        case kAddressIpv4: rest = 4 - 1 + 2; break;
        case kAddressIpv6: rest = 16 - 1 + 2; break;
        case kAddressDomain: rest = size_t(head[4]) + 2; break;
        default: return x.fail(SW_ERROR_SOCKS5_HANDSHAKE_FAILED);
    }
    return x.recv(buf, rest, SW_ERROR_SOCKS5_HANDSHAKE_FAILED);
}

// ---- HTTP CONNECT ----

// Base64 of "user:password" appended to out, read straight from the parts.
void append_basic_credentials(std::string &out, const ProxyCredentials &auth) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const size_t user = auth.username.size(), total = user + 1 + auth.password.size();
    auto at = [&](size_t i) -> unsigned {
        if (i < user) return uint8_t(auth.username[i]);
        if (i == user) return ':';
        return uint8_t(auth.password[i - user - 1]);
    };
    for (size_t i = 0; i < total; i += 3) {
        size_t n = std::min<size_t>(3, total - i);
        unsigned v = at(i) << 16 | (n > 1 ? at(i + 1) << 8 : 0) | (n > 2 ? at(i + 2) : 0);
        out += digits[v >> 18];
        out += digits[(v >> 12) & 63];
        out += n > 1 ? digits[(v >> 6) & 63] : '=';
        out += n > 2 ? digits[v & 63] : '=';
    }
}

// "HTTP/1.x 2xx ..." → true; anything else is a bad response.
bool is_success_status(std::string_view header) {
    if (header.substr(0, 5) != "HTTP/") return false;
    size_t space = header.find(' ');
    if (space == std::string_view::npos || space + 4 > header.size()) return false;
    std::string_view code = header.substr(space + 1, 3);
    if (!std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
    if (space + 4 < header.size() && header[space + 4] != ' ' && header[space + 4] != '\r' &&
        header[space + 4] != '\n')
        return false;
    return code[0] == '2';
}

// Reads the reply header up to and including its blank line into `header`,
// never past it: each look is a MSG_PEEK, and only the bytes up to the end
// of the header (or all of them, while it has not ended) are taken.
bool read_http_header(Exchange &x, std::string &header) {
    Socket &sock = x.socket();
    header.clear();
    char buf[2048];
    // How many of "\r\n\r\n" (or the bare "\n\n") the bytes so far end with.
    int crlf = 0;
    for (;;) {
        double t;
        if (!x.left(t)) return false;
        if (!sock.wait_event(kEventRead, t)) return x.fail_io(SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED);
        ssize_t n = sock.peek(buf, sizeof buf);
        if (n < 0) {
            if (sock.error_code() == EAGAIN || sock.error_code() == EWOULDBLOCK) continue;
            return x.fail_io(SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED);
        }
        if (n == 0) return x.fail(SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED);  // closed before the blank line
        size_t take = size_t(n);
        bool ended = false;
        for (size_t i = 0; i < size_t(n); ++i) {
            char c = buf[i];
            if (c == '\n') {
                ++crlf;
                if (crlf == 2) {
                    take = i + 1;
                    ended = true;
                    break;
                }
            } else if (c != '\r') {
                crlf = 0;
            }
        }
        if (header.size() + take > kHttpHeaderLimit) return x.fail(SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
        header.append(buf, take);
        // Those bytes are in the socket already: this read does not wait.
        if (!x.recv(buf, take, SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED)) return false;
        if (ended) return true;
    }
}

}  // namespace

bool socks5_tunnel(Socket &sock, std::string_view host, int port, const ProxyCredentials &auth, double timeout) {
    if (!valid_target(host, port) || host.size() > 255 || auth.username.size() > 255 || auth.password.size() > 255) {
        sock.set_error(EINVAL);
        return false;
    }
    Exchange x(sock, timeout);
    return socks5_choose_method(x, auth) && socks5_connect(x, host, port) && x.succeed();
}

bool http_connect_tunnel(Socket &sock, std::string_view host, int port, const ProxyCredentials &auth,
                         double timeout) {
    if (!valid_target(host, port)) {
        sock.set_error(EINVAL);
        return false;
    }
    Exchange x(sock, timeout);
    // One buffer: the request, then the reply header.
    std::string buf;
    buf.reserve(256 + host.size() * 2 + (auth.username.size() + auth.password.size()) * 4 / 3);
    bool ipv6 = host.find(':') != std::string_view::npos && host.front() != '[';
    char port_text[8];
    std::snprintf(port_text, sizeof port_text, "%d", port);
    auto append_authority = [&] {
        if (ipv6) buf += '[';
        buf += host;
        if (ipv6) buf += ']';
        buf += ':';
        buf += port_text;
    };
    buf += "CONNECT ";
    append_authority();
    buf += " HTTP/1.1\r\nHost: ";
    append_authority();
    buf += "\r\n";
    if (!auth.username.empty()) {
        buf += "Proxy-Authorization: Basic ";
        append_basic_credentials(buf, auth);
        buf += "\r\n";
    }
    buf += "\r\n";
    if (!x.send(buf.data(), buf.size(), SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED)) return false;
    if (!read_http_header(x, buf)) return false;
    if (!is_success_status(buf)) return x.fail(SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    return x.succeed();
}

}  // namespace swoole::kernel
