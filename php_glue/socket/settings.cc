// The §4 settings parser (see settings.h). Each block reads its keys into a
// scratch copy; the copy replaces the target only when every key passed.
#include "socket/settings.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

extern "C" {
#include "zend_exceptions.h"
}

#include "callable.h"
#include "protocol/length_type.h"
#include "socket/socket.h"

namespace swoole::php {

zval *setting_find(HashTable *ht, const char *key) { return zend_hash_str_find_deref(ht, key, strlen(key)); }

bool read_bool(HashTable *ht, const char *key, bool &out) {
    zval *v = setting_find(ht, key);
    if (!v) return false;
    out = zend_is_true(v);
    return true;
}

bool read_long(HashTable *ht, const char *key, zend_long &out) {
    zval *v = setting_find(ht, key);
    if (!v) return false;
    out = zval_get_long(v);
    return true;
}

bool read_string(HashTable *ht, const char *key, std::string &out) {
    zval *v = setting_find(ht, key);
    if (!v) return false;
    zend_string *s = zval_get_string(v);
    out.assign(ZSTR_VAL(s), ZSTR_LEN(s));
    zend_string_release(s);
    return true;
}

namespace {


void read_timeout(HashTable *ht, const char *key, std::optional<double> &out) {
    if (zval *v = setting_find(ht, key)) out = zval_get_double(v);
}

uint32_t clamp_u32(zend_long v) { return uint32_t(std::clamp<zend_long>(v, 0, UINT32_MAX)); }

// MQTT fixed header: one type byte, then the remaining length as 1-4 bytes of
// 7-bit groups, least significant first.
ssize_t mqtt_length(void *, const char *data, size_t length) {
    size_t value = 0, multiplier = 1;
    for (size_t i = 1; i <= 4; ++i) {
        if (i >= length) return 0;
        auto byte = static_cast<unsigned char>(data[i]);
        value += (byte & 127) * multiplier;
        multiplier *= 128;
        if (!(byte & 128)) return ssize_t(1 + i + value);
    }
    return -1;
}

// FastCGI record: 8-byte header with a big-endian content length at 4 and the
// padding length at 6.
ssize_t fastcgi_length(void *, const char *data, size_t length) {
    if (length < 8) return 0;
    auto b = [data](int i) { return size_t(static_cast<unsigned char>(data[i])); };
    return ssize_t(8 + (b(4) << 8 | b(5)) + b(6));
}

bool parse_connection(HashTable *ht, SocketSettings &s) {
    if (zval *v = setting_find(ht, "timeout")) {
        double t = zval_get_double(v);
        s.connect_timeout = s.read_timeout = s.write_timeout = t;
    }
    read_timeout(ht, "connect_timeout", s.connect_timeout);
    read_timeout(ht, "read_timeout", s.read_timeout);
    read_timeout(ht, "write_timeout", s.write_timeout);
    read_string(ht, "bind_address", s.bind_address);
    zend_long n;
    if (read_long(ht, "bind_port", n)) s.bind_port = int(n);
    if (read_long(ht, "socket_buffer_size", n)) {
        if (n <= 0) {
            php_error_docref(nullptr, E_WARNING, "socket buffer size must be greater than 0, got " ZEND_LONG_FMT, n);
            return false;
        }
        s.socket_buffer_size = int(std::min<zend_long>(n, INT32_MAX));
    }
    bool b;
    if (read_bool(ht, "open_tcp_nodelay", b)) s.open_tcp_nodelay = b;
    return true;
}

bool parse_framing(HashTable *ht, SocketSettings &s) {
    kernel::FramingOptions &o = s.framing;
    read_bool(ht, "open_eof_check", o.open_eof_check);
    if (read_bool(ht, "open_eof_split", o.open_eof_split) && o.open_eof_split) o.open_eof_check = true;
    std::string eof;
    if (read_string(ht, "package_eof", eof)) {
        if (eof.empty()) {
            php_error_docref(nullptr, E_ERROR, "package_eof cannot be an empty string");
            return false;
        }
        if (eof.size() > kernel::FramingOptions::kMaxEofLength) {
            php_error_docref(nullptr, E_ERROR, "package_eof max length is %zu", kernel::FramingOptions::kMaxEofLength);
            return false;
        }
        o.package_eof = eof;
    }
    read_bool(ht, "open_length_check", o.open_length_check);
    std::string type;
    if (read_string(ht, "package_length_type", type)) {
        char code = type.empty() ? '\0' : type[0];
        if (type.size() != 1 || !kernel::LengthType::from_code(code).valid()) {
            php_error_docref(nullptr, E_WARNING, "Unknown package_length_type name '%s', see pack().", type.c_str());
            return false;
        }
        o.package_length_type = code;
    }
    zend_long n;
    if (read_long(ht, "package_length_offset", n)) o.package_length_offset = clamp_u32(n);
    if (read_long(ht, "package_body_offset", n)) o.package_body_offset = clamp_u32(n);
    if (read_long(ht, "package_max_length", n)) o.package_max_length = clamp_u32(n);
    bool on = false;
    if (read_bool(ht, "open_mqtt_protocol", on) && on) {
        o.open_length_check = true;
        o.package_length_func = mqtt_length;
        o.package_length_ctx = nullptr;
        s.length_function.reset();
    }
    if (read_bool(ht, "open_fastcgi_protocol", on) && on) {
        o.open_length_check = true;
        o.package_length_func = fastcgi_length;
        o.package_length_ctx = nullptr;
        s.length_function.reset();
    }
    if (zval *fn = setting_find(ht, "package_length_func")) {
        std::shared_ptr<LengthFunction> f = LengthFunction::create(fn);
        if (!f) return false;
        o.open_length_check = true;
        o.package_length_func = &LengthFunction::call;
        o.package_length_ctx = f.get();
        s.length_function = std::move(f);
    }
    return true;
}

bool check_file(const std::string &path, const char *what, SettingsOwner owner) {
    if (::access(path.c_str(), R_OK) == 0) return true;
    php_error_docref(nullptr, owner == SettingsOwner::sync_client ? E_ERROR : E_WARNING, "ssl %s file[%s] not found",
                     what, path.c_str());
    return false;
}

bool parse_tls(HashTable *ht, SocketSettings &s, SettingsOwner owner) {
    kernel::TlsOptions &t = s.tls;
    read_bool(ht, "open_ssl", s.open_ssl);
    if (read_string(ht, "ssl_cert_file", t.cert_file) && !check_file(t.cert_file, "cert", owner)) return false;
    if (read_string(ht, "ssl_key_file", t.key_file) && !check_file(t.key_file, "key", owner)) return false;
    if (!t.cert_file.empty() && t.key_file.empty()) {
        php_error_docref(nullptr, E_WARNING, "ssl require key file");
        return false;
    }
    if (!t.key_file.empty() && t.cert_file.empty()) {
        php_error_docref(nullptr, E_WARNING, "ssl require cert file");
        return false;
    }
    read_string(ht, "ssl_passphrase", t.passphrase);
    std::string host;
    if (read_string(ht, "ssl_host_name", host)) s.ssl_host_name = host;
    read_bool(ht, "ssl_verify_peer", t.verify_peer);
    read_bool(ht, "ssl_allow_self_signed", t.allow_self_signed);
    read_string(ht, "ssl_cafile", t.cafile);
    read_string(ht, "ssl_capath", t.capath);
    // A server port names the CA of its clients' certificates this way.
    read_string(ht, "ssl_client_cert_file", t.cafile);
    zend_long n;
    if (read_long(ht, "ssl_verify_depth", n)) t.verify_depth = int(n);
    read_string(ht, "ssl_ciphers", t.ciphers);
    read_string(ht, "ssl_ecdh_curve", t.ecdh_curve);
    if (read_long(ht, "ssl_protocols", n)) t.protocols = unsigned(n);
    read_bool(ht, "ssl_prefer_server_ciphers", t.prefer_server_ciphers);
    // ssl_compress / ssl_disable_compression: OpenSSL 3 never compresses, so
    // both are accepted and change nothing.
    return true;
}

bool parse_proxy(HashTable *ht, ProxySettings &p) {
    zend_long n;
    if (read_string(ht, "socks5_host", p.socks5_host)) {
        if (!read_long(ht, "socks5_port", n)) {
            php_error_docref(nullptr, E_WARNING, "socks5_port should not be null");
            return false;
        }
        p.socks5_port = int(n);
        if (read_string(ht, "socks5_username", p.socks5_username) &&
            !read_string(ht, "socks5_password", p.socks5_password)) {
            php_error_docref(nullptr, E_WARNING, "socks5_password should not be null");
            return false;
        }
    }
    if (read_string(ht, "http_proxy_host", p.http_proxy_host)) {
        if (!read_long(ht, "http_proxy_port", n)) {
            php_error_docref(nullptr, E_WARNING, "http_proxy_port should not be null");
            return false;
        }
        p.http_proxy_port = int(n);
        if (!read_string(ht, "http_proxy_username", p.http_proxy_username)) {
            read_string(ht, "http_proxy_user", p.http_proxy_username);
        }
        read_string(ht, "http_proxy_password", p.http_proxy_password);
    }
    return true;
}

}  // namespace

// ---- LengthFunction ----

std::shared_ptr<LengthFunction> LengthFunction::create(zval *value) {
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    char *error = nullptr;
    if (zend_fcall_info_init(value, 0, &fci, &fcc, nullptr, &error) != SUCCESS) {
        if (error) efree(error);
        zend_string *name = zval_get_string(value);
        php_error_docref(nullptr, E_WARNING, "function '%s' is not callable", ZSTR_VAL(name));
        zend_string_release(name);
        return nullptr;
    }
    if (error) efree(error);
    std::shared_ptr<LengthFunction> f(new LengthFunction());
    f->callable_ = std::make_unique<Callable>(fci, fcc);
    return f;
}

LengthFunction::~LengthFunction() = default;

ssize_t LengthFunction::call(void *ctx, const char *data, size_t length) {
    auto *self = static_cast<LengthFunction *>(ctx);
    zval arg, retval;
    ZVAL_STRINGL(&arg, data, length);
    bool called = self->callable_->call(&retval, 1, &arg);
    zval_ptr_dtor(&arg);
    if (EG(exception)) {
        // A throwing length function is a protocol error of this stream: the
        // reader gets SW_ERROR_PACKAGE_LENGTH_NOT_FOUND, the exception is reported.
        zend_object *ex = EG(exception);
        zval rv;
        zval *msg = zend_read_property(ex->ce, ex, ZEND_STRL("message"), 1, &rv);
        php_error_docref(nullptr, E_WARNING, "package_length_func threw %s: %s", ZSTR_VAL(ex->ce->name),
                         Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
        zend_clear_exception();
        zval_ptr_dtor(&retval);
        return -1;
    }
    if (!called) return -1;
    zend_long n = zval_get_long(&retval);
    zval_ptr_dtor(&retval);
    return ssize_t(n);
}

// ---- parsing and applying ----

bool parse_settings(HashTable *ht, SocketSettings &settings, SettingsOwner owner) {
    SocketSettings s = settings;
    if (!parse_connection(ht, s) || !parse_framing(ht, s) || !parse_tls(ht, s, owner) || !parse_proxy(ht, s.proxy)) {
        return false;
    }
    settings = std::move(s);
    return true;
}

void apply_socket_options(kernel::Socket &sock, const SocketSettings &s) {
    using Timeout = kernel::Socket::Timeout;
    if (s.connect_timeout) sock.set_timeout(Timeout::connect, *s.connect_timeout);
    if (s.read_timeout) sock.set_timeout(Timeout::read, *s.read_timeout);
    if (s.write_timeout) sock.set_timeout(Timeout::write, *s.write_timeout);
    if (!sock.valid()) return;
    if (s.socket_buffer_size > 0) {
        sock.set_option(SOL_SOCKET, SO_RCVBUF, s.socket_buffer_size);
        sock.set_option(SOL_SOCKET, SO_SNDBUF, s.socket_buffer_size);
    }
    if (s.open_tcp_nodelay && sock.type() == SOCK_STREAM &&
        (sock.domain() == AF_INET || sock.domain() == AF_INET6)) {
        sock.set_option(IPPROTO_TCP, TCP_NODELAY, *s.open_tcp_nodelay ? 1 : 0);
    }
}

std::string tls_host_name(const SocketSettings &settings, std::string_view host) {
    if (settings.ssl_host_name) return *settings.ssl_host_name;
    return std::string(host);
}

}  // namespace swoole::php
