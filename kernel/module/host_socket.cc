#include "module/host_socket.h"

#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <utility>

#include "base/error.h"
#include "base/log.h"
#include "coroutine/coroutine.h"
#include "socket/address.h"
#include "socket/socket.h"
#include "tls/tls_context.h"
#include "tls/tls_session.h"

// The kernel completes the SDK's opaque handle.
struct sw_socket {
    explicit sw_socket(int domain) : socket(domain, SOCK_STREAM, 0) {}
    swoole::kernel::Socket socket;
    std::string host;  // as connected: the default SNI / verified name
};

namespace swoole::kernel {

namespace {

bool in_coroutine() {
    if (Coroutine::current()) return true;
    set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
    return false;
}

// A failed call: the socket's code becomes last_error. A call that was
// parked when socket_close() ran reports the peer as gone (ECONNRESET), as
// the table promises, rather than the kernel's EBADF.
template <class T>
T failed(sw_socket *s, bool was_open, T value) {
    int code = s->socket.error_code();
    if (was_open && s->socket.is_closed()) code = ECONNRESET;
    s->socket.set_error(code ? code : EIO);
    return value;
}

// A field of the caller's options, when its struct is recent enough to have it.
#define SW_TLS_FIELD(o, field, fallback)                                                          \
    ((o) && (o)->struct_size >= offsetof(sw_tls_options, field) + sizeof((o)->field) ? (o)->field \
                                                                                     : (fallback))

std::string text(const char *s) { return s ? std::string(s) : std::string(); }

TlsOptions tls_options(const sw_tls_options *o) {
    TlsOptions t;
    t.verify_peer = SW_TLS_FIELD(o, verify_peer, 0) != 0;
    t.allow_self_signed = SW_TLS_FIELD(o, allow_self_signed, 0) != 0;
    t.cafile = text(SW_TLS_FIELD(o, cafile, nullptr));
    t.capath = text(SW_TLS_FIELD(o, capath, nullptr));
    t.cert_file = text(SW_TLS_FIELD(o, cert_file, nullptr));
    t.key_file = text(SW_TLS_FIELD(o, key_file, nullptr));
    t.passphrase = text(SW_TLS_FIELD(o, passphrase, nullptr));
    std::string_view alpn = SW_TLS_FIELD(o, alpn, nullptr) ? std::string_view(o->alpn) : std::string_view();
    while (!alpn.empty()) {
        size_t comma = alpn.find(',');
        std::string_view name = alpn.substr(0, comma);
        while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
        while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
        if (!name.empty()) t.alpn.emplace_back(name);
        if (comma == std::string_view::npos) break;
        alpn.remove_prefix(comma + 1);
    }
    return t;
}

// Building an SSL_CTX loads certificates and CA files: clients reconnecting
// with the same options reuse the last few contexts of this thread.
std::string context_key(const TlsOptions &t) {
    std::string key;
    key += t.verify_peer ? '1' : '0';
    key += t.allow_self_signed ? '1' : '0';
    for (const std::string *s : {&t.cafile, &t.capath, &t.cert_file, &t.key_file, &t.passphrase}) {
        key += '\0';
        key += *s;
    }
    for (const std::string &a : t.alpn) {
        key += '\0';
        key += a;
    }
    return key;
}

std::shared_ptr<TlsContext> client_context(const TlsOptions &options) {
    struct Entry {
        std::string key;
        std::shared_ptr<TlsContext> context;
    };
    thread_local std::array<Entry, 4> cache;
    thread_local size_t next = 0;
    std::string key = context_key(options);
    for (Entry &e : cache) {
        if (e.context && e.key == key) return e.context;
    }
    std::string error;
    auto context = TlsContext::create(options, error);
    if (!context) {
        Logger::instance().writef(int(LogLevel::warning), "failed to create the TLS context: %s", error.c_str());
        return nullptr;
    }
    cache[next] = Entry{std::move(key), context};
    next = (next + 1) % cache.size();
    return context;
}

}  // namespace

sw_socket *host_socket_connect(const char *host, int port, double timeout) {
    if (!in_coroutine()) return nullptr;
    if (!host || !*host || port < 0 || port > 65535) {
        set_last_error(EINVAL);
        return nullptr;
    }
    std::string_view target(host);
    int domain = AF_INET;
    if (port == 0 && (target.starts_with("unix:") || target.starts_with("/"))) {
        domain = AF_UNIX;
        if (target.starts_with("unix:")) target.remove_prefix(5);
    } else if (is_ip_literal(AF_INET6, target)) {
        domain = AF_INET6;
    }
    auto s = std::unique_ptr<sw_socket>(new (std::nothrow) sw_socket(domain));
    if (!s) {
        set_last_error(ENOMEM);
        return nullptr;
    }
    if (!s->socket.valid()) {
        set_last_error(s->socket.error_code());
        return nullptr;
    }
    // The connect timeout covers the name lookup too.
    if (timeout != 0) s->socket.set_timeout(Socket::Timeout::dns, timeout);
    if (!s->socket.connect(target, port, timeout)) {
        set_last_error(s->socket.error_code());
        return nullptr;
    }
    s->host.assign(target);
    return s.release();
}

int host_socket_enable_tls(sw_socket *s, const sw_tls_options *options, double timeout) {
    if (!s) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    if (!in_coroutine()) return -1;
    TlsOptions t = tls_options(options);
    const char *name = SW_TLS_FIELD(options, host_name, nullptr);
    std::string host_name = name ? std::string(name) : (s->socket.domain() == AF_UNIX ? std::string() : s->host);
    std::shared_ptr<TlsContext> context = client_context(t);
    if (!context) {
        s->socket.set_error(SW_ERROR_SSL_BAD_PROTOCOL);
        return -1;
    }
    bool was_open = !s->socket.is_closed();
    if (!s->socket.enable_tls(std::move(context), host_name)) return failed(s, was_open, -1);
    if (!s->socket.tls_handshake(timeout)) return failed(s, was_open, -1);
    return 0;
}

const char *host_socket_alpn(const sw_socket *s, size_t *length) {
    if (length) *length = 0;
    TlsSession *tls = s ? s->socket.tls() : nullptr;
    if (!tls || !tls->handshake_done()) return nullptr;
    std::string_view alpn = tls->alpn();
    if (alpn.empty()) return nullptr;
    if (length) *length = alpn.size();
    return alpn.data();
}

ssize_t host_socket_send(sw_socket *s, const void *data, size_t n, double timeout) {
    if (!s || (!data && n)) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    if (!in_coroutine()) return -1;
    bool was_open = !s->socket.is_closed();
    ssize_t r = s->socket.send_all(data, n, timeout);
    // A short write leaves the stream in an unknown state: a failure.
    if (r < 0 || static_cast<size_t>(r) != n) return failed(s, was_open, ssize_t(-1));
    return r;
}

ssize_t host_socket_recv(sw_socket *s, void *buf, size_t n, double timeout) {
    if (!s || !buf || n == 0) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    if (!in_coroutine()) return -1;
    bool was_open = !s->socket.is_closed();
    ssize_t r = s->socket.recv(buf, n, timeout);
    if (r < 0) return failed(s, was_open, ssize_t(-1));
    return r;
}

int host_socket_fd(const sw_socket *s) { return s ? s->socket.fd() : -1; }

void host_socket_close(sw_socket *s) {
    if (s && !s->socket.is_closed()) s->socket.close();
}

void host_socket_free(sw_socket *s) { delete s; }

}  // namespace swoole::kernel
