#include "client/http_client.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace swoole::mod::http::client {

namespace {

constexpr size_t kReadBuffer = 65536;
constexpr size_t kFileBlock = 65536;

using Clock = std::chrono::steady_clock;

}  // namespace

HttpClient::HttpClient(const sw_host_api *host, std::string server_host, int port, bool ssl)
    : api_(host), host_(std::move(server_host)), port_(port), ssl_(ssl) {}

HttpClient::~HttpClient() {
    close();
    if (closed_in_use_) api_->socket_free(closed_in_use_);
}

std::string HttpClient::host_header() const {
    bool default_port = ssl_ ? port_ == 443 : port_ == 80;
    if (default_port) return host_;
    bool ipv6 = host_.find(':') != std::string::npos;
    std::string h = ipv6 ? "[" + host_ + "]" : host_;
    return h + ":" + std::to_string(port_);
}

std::string HttpClient::request_target(std::string_view path, std::string_view host_value) const {
    if (!settings_.proxy.http() || ssl_) return std::string(path);
    // Plain HTTP through an HTTP proxy: the absolute URI.
    std::string uri = "http://";
    uri.append(host_value);
    if (host_value.find(':') == std::string_view::npos) uri.append(":").append(std::to_string(port_));
    uri.append(path);
    return uri;
}

std::string HttpClient::proxy_authorization() const {
    const ProxySettings &p = settings_.proxy;
    if (!p.http() || ssl_ || p.http_user.empty()) return {};
    return basic_authorization(p.http_user, p.http_password);
}

void HttpClient::set_error(int code, int status, std::string_view message) {
    error_.code = code;
    error_.status = status;
    if (message.empty()) {
        const char *text = api_->strerror(code);
        error_.message = text ? text : "";
    } else {
        error_.message.assign(message);
    }
    api_->set_last_error(code);
}

bool HttpClient::connected() const { return sock_ && api_->socket_fd(sock_) >= 0; }

int HttpClient::fd() const { return sock_ ? api_->socket_fd(sock_) : -1; }

void HttpClient::close() {
    rpos_ = rlen_ = 0;
    sw_socket *s = sock_;
    if (!s) return;
    sock_ = nullptr;
    if (in_io_ == 0 || closed_in_use_) {
        api_->socket_free(s);
        return;
    }
    // A coroutine waits on it: closing wakes it inside socket_close; the
    // last of the two frees the handle.
    closed_in_use_ = s;
    closing_ = true;
    waiter_returned_ = false;
    api_->socket_close(s);
    closing_ = false;
    if (waiter_returned_) {
        api_->socket_free(s);
        closed_in_use_ = nullptr;
    }
}

bool HttpClient::still_open(sw_socket *used) {
    if (used == sock_) return true;
    if (used == closed_in_use_) {
        if (closing_) {
            waiter_returned_ = true;
        } else {
            api_->socket_free(used);
            closed_in_use_ = nullptr;
        }
    }
    return false;
}

bool HttpClient::io_send(const void *data, size_t n, double timeout) {
    if (!sock_) {
        error_.code = ECONNRESET;
        return false;
    }
    sw_socket *used = sock_;
    in_io_++;
    ssize_t r = api_->socket_send(used, data, n, timeout);
    int code = api_->last_error();
    in_io_--;
    if (!still_open(used)) {
        error_.code = ECONNRESET;
        return false;
    }
    if (r < 0 || static_cast<size_t>(r) != n) {
        error_.code = code ? code : EIO;
        return false;
    }
    return true;
}

ssize_t HttpClient::io_recv(void *buf, size_t n, double timeout) {
    if (!sock_) {
        error_.code = ECONNRESET;
        return -1;
    }
    sw_socket *used = sock_;
    in_io_++;
    ssize_t r = api_->socket_recv(used, buf, n, timeout);
    int code = api_->last_error();
    in_io_--;
    if (!still_open(used)) {
        error_.code = ECONNRESET;
        return -1;
    }
    if (r < 0) error_.code = code ? code : EIO;
    return r;
}

void HttpClient::fail_io(int status) {
    int code = error_.code ? error_.code : EIO;
    set_error(code, status);
    close();
}

bool HttpClient::alive() const {
    int s = fd();
    if (s < 0) return false;
    char c;
    ssize_t n = ::recv(s, &c, 1, MSG_PEEK | MSG_DONTWAIT);
    if (n > 0) return true;
    if (n == 0) return false;
    return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
}

bool HttpClient::connect() {
    const ProxySettings &proxy = settings_.proxy;
    std::string target = host_;
    int port = port_;
    if (proxy.socks5()) {
        target = proxy.socks5_host;
        port = proxy.socks5_port;
    } else if (proxy.http()) {
        target = proxy.http_host;
        port = proxy.http_port;
    }
    sock_ = api_->socket_connect(target.c_str(), port, settings_.connect_timeout);
    if (!sock_) {
        int code = api_->last_error();
        set_error(code ? code : ECONNREFUSED, kStatusConnectFailed);
        return false;
    }
    rpos_ = rlen_ = 0;
    int s = api_->socket_fd(sock_);
    if (settings_.tcp_nodelay) {
        int one = 1;
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    }
    if (settings_.socket_buffer_size > 0) {
        int size = settings_.socket_buffer_size;
        setsockopt(s, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
        setsockopt(s, SOL_SOCKET, SO_SNDBUF, &size, sizeof(size));
    }
    if ((proxy.socks5() || (proxy.http() && ssl_)) && !proxy_handshake()) {
        close();
        return false;
    }
    if (ssl_) {
        const TlsSettings &t = settings_.tls;
        // Through a proxy the name to verify is the server's, not the proxy's.
        std::string name = t.host_name_set ? t.host_name : host_;
        sw_tls_options o{};
        o.struct_size = sizeof(o);
        o.verify_peer = t.verify_peer;
        o.allow_self_signed = t.allow_self_signed;
        o.host_name = name.c_str();
        auto opt = [](const std::string &s) { return s.empty() ? nullptr : s.c_str(); };
        o.cafile = opt(t.cafile);
        o.capath = opt(t.capath);
        o.cert_file = opt(t.cert_file);
        o.key_file = opt(t.key_file);
        o.passphrase = opt(t.passphrase);
        if (api_->socket_enable_tls(sock_, &o, settings_.connect_timeout) != 0) {
            int code = api_->last_error();
            set_error(code ? code : EPROTO, kStatusConnectFailed);
            close();
            return false;
        }
    }
    return true;
}

bool HttpClient::send(const OutgoingRequest &request) {
    int attempts = 1;
    if (sock_ && !alive()) {
        // The kept-alive connection died while idle.
        close();
        attempts = settings_.reconnect;
        if (attempts <= 0) {
            set_error(kErrClientNoConnection, kStatusServerReset, "connection is not available");
            return false;
        }
    }
    if (!sock_) {
        bool ok = false;
        for (int i = 0; i < attempts && !ok; i++) ok = connect();
        if (!ok) return false;
    }
    clear_error();
    request_keep_alive_ = request.keep_alive;
    for (const Segment &s : request.segments) {
        bool ok = true;
        switch (s.kind) {
        case Segment::Kind::buffer:
            ok = io_send(request.buffer.data() + s.offset, s.length, settings_.write_timeout);
            break;
        case Segment::Kind::view:
            ok = io_send(s.data.data(), s.data.size(), settings_.write_timeout);
            break;
        case Segment::Kind::file:
            ok = send_file(*s.part);
            break;
        }
        if (!ok) {
            fail_io(kStatusSendFailed);
            return false;
        }
    }
    return true;
}

bool HttpClient::send_file(const UploadPart &part) {
    std::string path(part.path);
    int f = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (f < 0) {
        error_.code = errno;
        return false;
    }
    if (!file_buf_) file_buf_ = std::make_unique<char[]>(kFileBlock);
    uint64_t offset = part.offset, left = part.length;
    bool ok = true;
    while (left > 0 && ok) {
        size_t want = left < kFileBlock ? static_cast<size_t>(left) : kFileBlock;
        ssize_t n = ::pread(f, file_buf_.get(), want, static_cast<off_t>(offset));
        if (n <= 0) {
            // The file shrank since addFile(): the announced length cannot be met.
            error_.code = n < 0 ? errno : EIO;
            ok = false;
            break;
        }
        ok = io_send(file_buf_.get(), static_cast<size_t>(n), settings_.write_timeout);
        offset += static_cast<uint64_t>(n);
        left -= static_cast<uint64_t>(n);
    }
    ::close(f);
    return ok;
}

double HttpClient::remaining(Clock::time_point deadline, bool bounded) const {
    if (!bounded) return 0;
    return std::chrono::duration<double>(deadline - Clock::now()).count();
}

bool HttpClient::recv(ResponseParser &parser, double timeout) {
    if (!sock_) {
        set_error(kErrClientNoConnection, kStatusServerReset, "connection is not available");
        return false;
    }
    if (!rbuf_) rbuf_ = std::make_unique<char[]>(kReadBuffer);
    double limit = timeout != 0 ? timeout : settings_.read_timeout;
    bool bounded = limit > 0;
    Clock::time_point deadline =
        bounded ? Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit))
                : Clock::time_point{};
    bool closed = false;
    for (;;) {
        if (rpos_ < rlen_) {
            size_t used = 0;
            ResponseParser::Result r = parser.feed(rbuf_.get() + rpos_, rlen_ - rpos_, &used);
            if (r == ResponseParser::Result::error) {
                set_error(parser.sink_failed() ? EIO : kErrHttpInvalidProtocol, kStatusServerReset);
                close();
                return false;
            }
            if (r == ResponseParser::Result::done) {
                rpos_ += used;
                if (rpos_ >= rlen_) rpos_ = rlen_ = 0;
                break;
            }
            rpos_ = rlen_ = 0;
        }
        double wait = bounded ? remaining(deadline, true) : limit;
        if (bounded && wait <= 0) {
            set_error(ETIMEDOUT, kStatusRequestTimeout);
            close();
            return false;
        }
        ssize_t n = io_recv(rbuf_.get(), kReadBuffer, wait);
        if (n < 0) {
            fail_io(error_.code == ETIMEDOUT ? kStatusRequestTimeout : kStatusServerReset);
            return false;
        }
        if (n == 0) {
            if (parser.finish() == ResponseParser::Result::done) {
                closed = true;
                break;
            }
            set_error(ECONNRESET, kStatusServerReset);
            close();
            return false;
        }
        rpos_ = 0;
        rlen_ = static_cast<size_t>(n);
    }
    if (closed || (!parser.upgraded() && (!settings_.keep_alive || !request_keep_alive_ || !parser.keep_alive()))) {
        close();
    }
    return true;
}

ssize_t HttpClient::raw_send(const void *data, size_t n, double timeout) {
    if (!io_send(data, n, timeout)) return -1;
    return static_cast<ssize_t>(n);
}

ssize_t HttpClient::raw_recv(void *buf, size_t n, double timeout) {
    if (rpos_ < rlen_) {
        size_t take = rlen_ - rpos_ < n ? rlen_ - rpos_ : n;
        std::memcpy(buf, rbuf_.get() + rpos_, take);
        rpos_ += take;
        if (rpos_ >= rlen_) rpos_ = rlen_ = 0;
        return static_cast<ssize_t>(take);
    }
    return io_recv(buf, n, timeout);
}

}  // namespace swoole::mod::http::client
