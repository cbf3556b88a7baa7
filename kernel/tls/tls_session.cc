#include "tls/tls_session.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <cstring>

#include "base/error.h"
#include "tls/tls_error.h"

namespace swoole::kernel {

// ---- Buffer

std::span<char> TlsSession::Buffer::space(size_t min_bytes) {
    if (begin_ == end_) begin_ = end_ = 0;
    if (capacity_ - end_ >= min_bytes) return {data_ + end_, capacity_ - end_};
    size_t used = end_ - begin_;
    if (capacity_ - used >= min_bytes && begin_ > 0) {
        std::memmove(data_, data_ + begin_, used);
    } else {
        size_t capacity = std::max<size_t>(capacity_ * 2, 16 * 1024 + 512);
        while (capacity - used < min_bytes) capacity *= 2;
        char *data = new char[capacity];
        if (used > 0) std::memcpy(data, data_ + begin_, used);
        delete[] data_;
        data_ = data;
        capacity_ = capacity;
    }
    begin_ = 0;
    end_ = used;
    return {data_ + end_, capacity_ - end_};
}

void TlsSession::Buffer::append(const char *p, size_t n) {
    if (n == 0) return;
    std::memcpy(space(n).data(), p, n);
    end_ += n;
}

void TlsSession::Buffer::consume(size_t n) {
    begin_ += std::min(n, size());
    if (begin_ == end_) begin_ = end_ = 0;
}

// ---- OpenSSL callbacks

struct TlsSessionAccess {
    static TlsSession *of(BIO *bio) { return static_cast<TlsSession *>(BIO_get_data(bio)); }

    // OpenSSL's transport: reads take from the input buffer, writes append
    // to the output buffer (never refused: write() bounds the output).
    static int bio_write(BIO *bio, const char *data, int len) {
        BIO_clear_retry_flags(bio);
        if (len <= 0) return 0;
        of(bio)->out_.append(data, size_t(len));
        return len;
    }

    static int bio_read(BIO *bio, char *buf, int len) {
        BIO_clear_retry_flags(bio);
        TlsSession *s = of(bio);
        if (len <= 0) return 0;
        size_t n = std::min(size_t(len), s->in_.size());
        if (n == 0) {
            if (s->eof_) return 0;
            BIO_set_retry_read(bio);
            return -1;
        }
        std::memcpy(buf, s->in_.data(), n);
        s->in_.consume(n);
        return int(n);
    }

    static int bio_puts(BIO *bio, const char *str) { return bio_write(bio, str, int(std::strlen(str))); }

    static long bio_ctrl(BIO *bio, int cmd, long /*num*/, void * /*ptr*/) {
        TlsSession *s = of(bio);
        switch (cmd) {
        case BIO_CTRL_FLUSH:
        case BIO_CTRL_DUP:
            return 1;
        case BIO_CTRL_PENDING:
            return long(s->in_.size());
        case BIO_CTRL_WPENDING:
            return long(s->out_.size());
        case BIO_CTRL_EOF:
            return s->eof_ && s->in_.size() == 0;
        default:
            return 0;
        }
    }

    static int bio_create(BIO *bio) {
        BIO_set_init(bio, 1);
        return 1;
    }

    static int bio_destroy(BIO *) { return 1; }

    static BIO_METHOD *bio_method() {
        static BIO_METHOD *method = [] {
            BIO_METHOD *m = BIO_meth_new(BIO_get_new_index() | BIO_TYPE_SOURCE_SINK, "swoole tls buffers");
            BIO_meth_set_write(m, bio_write);
            BIO_meth_set_read(m, bio_read);
            BIO_meth_set_puts(m, bio_puts);
            BIO_meth_set_ctrl(m, bio_ctrl);
            BIO_meth_set_create(m, bio_create);
            BIO_meth_set_destroy(m, bio_destroy);
            return m;
        }();
        return method;
    }

    static bool is_self_signed(int error) {
        return error == X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT || error == X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN;
    }

    // Records every verification error; refuses the peer (stopping the
    // handshake with an alert) only when verify_peer is on and the error is
    // not an allowed self-signed certificate. Without verify_peer the
    // handshake goes on and verify() judges afterwards.
    static int verify_callback(int ok, X509_STORE_CTX *store) {
        if (ok) return 1;
        auto *ssl = static_cast<SSL *>(X509_STORE_CTX_get_ex_data(store, SSL_get_ex_data_X509_STORE_CTX_idx()));
        auto *s = static_cast<TlsSession *>(SSL_get_app_data(ssl));
        int error = X509_STORE_CTX_get_error(store);
        const TlsOptions &o = s->context_->options();
        if (is_self_signed(error)) {
            if (s->verify_self_signed_ == 0) s->verify_self_signed_ = error;
            if (o.allow_self_signed || !o.verify_peer) return 1;
        } else if (s->verify_first_error_ == 0) {
            s->verify_first_error_ = error;
        }
        if (!o.verify_peer) return 1;
        if (s->verify_refused_ == 0) s->verify_refused_ = error;
        return 0;
    }
};

namespace {

bool is_ip_literal(const std::string &host) {
    unsigned char buf[sizeof(in6_addr)];
    return inet_pton(AF_INET, host.c_str(), buf) == 1 || inet_pton(AF_INET6, host.c_str(), buf) == 1;
}

std::string verify_text(int error) {
    return std::string("certificate verify failed: ") + X509_verify_cert_error_string(error);
}

bool is_ssl_reason(unsigned long code, int reason) {
    return ERR_GET_LIB(code) == ERR_LIB_SSL && ERR_GET_REASON(code) == reason;
}

}  // namespace

// ---- TlsSession

TlsSession::TlsSession(std::shared_ptr<const TlsContext> context, std::string_view host_name)
    : context_(std::move(context)) {
    if (!context_->is_server()) {
        host_name_ = host_name;
        // "[::1]" as written in URLs.
        if (host_name_.size() > 2 && host_name_.front() == '[' && host_name_.back() == ']')
            host_name_ = host_name_.substr(1, host_name_.size() - 2);
    }
    ERR_clear_error();
    ssl_ = SSL_new(context_->native());
    BIO *bio = ssl_ != nullptr ? BIO_new(TlsSessionAccess::bio_method()) : nullptr;
    if (bio == nullptr) {
        fail_from_queue(SW_ERROR_SSL_NOT_READY, "cannot create a TLS session");
        return;
    }
    BIO_set_data(bio, this);
    SSL_set_bio(ssl_, bio, bio);  // one reference, owned by ssl_
    SSL_set_app_data(ssl_, this);
    SSL_set_verify(ssl_, SSL_CTX_get_verify_mode(context_->native()), TlsSessionAccess::verify_callback);
    if (context_->is_server()) {
        SSL_set_accept_state(ssl_);
        return;
    }
    SSL_set_connect_state(ssl_);
    if (host_name_.empty()) return;
    bool ok;
    if (is_ip_literal(host_name_)) {
        // No SNI for addresses (RFC 6066); the certificate must name the IP.
        ok = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl_), host_name_.c_str()) == 1;
    } else {
        ok = SSL_set_tlsext_host_name(ssl_, host_name_.c_str()) == 1;
        SSL_set_hostflags(ssl_, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        ok = ok && SSL_set1_host(ssl_, host_name_.c_str()) == 1;
    }
    if (!ok) fail_from_queue(SW_ERROR_SSL_HANDSHAKE_FAILED, ("invalid TLS host name '" + host_name_ + "'").c_str());
}

TlsSession::~TlsSession() { SSL_free(ssl_); }

void TlsSession::feed(const char *data, size_t len) { in_.append(data, len); }

std::span<char> TlsSession::input_space(size_t min_bytes) { return in_.space(min_bytes == 0 ? 1 : min_bytes); }

void TlsSession::commit_input(size_t n) { in_.commit(n); }

void TlsSession::feed_eof() { eof_ = true; }

size_t TlsSession::pending_plaintext() const {
    int n = ssl_ != nullptr ? SSL_pending(ssl_) : 0;
    return n > 0 ? size_t(n) : 0;
}

void TlsSession::fail(int code, std::string message) {
    failed_ = true;
    error_code_ = code;
    error_message_ = std::move(message);
    ERR_clear_error();
}

void TlsSession::fail_from_queue(int code, const char *what) {
    std::string text = what;
    text += ": ";
    text += tls_error_queue_text();
    fail(code, std::move(text));
}

void TlsSession::fail_handshake() {
    if (verify_refused_ != 0) {
        fail(SW_ERROR_SSL_VERIFY_FAILED, verify_text(verify_refused_));
        return;
    }
    unsigned long first = ERR_peek_error();
    if (is_server() && is_ssl_reason(first, SSL_R_PEER_DID_NOT_RETURN_A_CERTIFICATE)) {
        fail(SW_ERROR_SSL_EMPTY_PEER_CERTIFICATE, "the client sent no certificate");
        return;
    }
    if (first == 0 || is_ssl_reason(first, SSL_R_UNEXPECTED_EOF_WHILE_READING)) {
        fail(SW_ERROR_SSL_HANDSHAKE_FAILED, eof_ ? "SSL handshake failed: the peer closed the connection"
                                                 : "SSL handshake failed");
        return;
    }
    fail_from_queue(SW_ERROR_SSL_HANDSHAKE_FAILED, "SSL handshake failed");
}

TlsStatus TlsSession::handshake() {
    if (failed_) return TlsStatus::failed;
    if (handshake_done_) return TlsStatus::done;
    ERR_clear_error();
    int r = SSL_do_handshake(ssl_);
    if (r == 1) {
        handshake_done_ = true;
        return TlsStatus::done;
    }
    int e = SSL_get_error(ssl_, r);
    if (e == SSL_ERROR_WANT_READ && !eof_) return TlsStatus::want_input;
    if (e == SSL_ERROR_WANT_WRITE) return TlsStatus::want_flush;
    fail_handshake();
    return TlsStatus::failed;
}

TlsResult TlsSession::read(void *buf, size_t len) {
    if (failed_) return {TlsStatus::failed};
    if (closed_) return {TlsStatus::closed};
    if (!handshake_done_) {
        // A misuse, not a broken session: report it without failing it.
        error_code_ = SW_ERROR_SSL_NOT_READY;
        error_message_ = "SSL not ready: the handshake is not done";
        return {TlsStatus::failed};
    }
    auto *p = static_cast<char *>(buf);
    size_t total = 0;
    while (total < len) {
        size_t n = 0;
        ERR_clear_error();
        if (SSL_read_ex(ssl_, p + total, len - total, &n) == 1) {
            total += n;
            continue;
        }
        int e = SSL_get_error(ssl_, 0);
        if (e == SSL_ERROR_WANT_READ && !eof_) return {total > 0 ? TlsStatus::done : TlsStatus::want_input, total};
        if (e == SSL_ERROR_WANT_WRITE) return {total > 0 ? TlsStatus::done : TlsStatus::want_flush, total};
        end_of_reading(e);
        // Data already read goes out first; the end or failure comes next call.
        if (total > 0) return {TlsStatus::done, total};
        return {failed_ ? TlsStatus::failed : TlsStatus::closed};
    }
    return {TlsStatus::done, total};
}

TlsStatus TlsSession::end_of_reading(int e) {
    unsigned long first = ERR_peek_error();
    if (e == SSL_ERROR_ZERO_RETURN) {
        closed_ = true;
        close_notify_received_ = true;
    } else if (e == SSL_ERROR_SYSCALL || e == SSL_ERROR_WANT_READ ||
               is_ssl_reason(first, SSL_R_UNEXPECTED_EOF_WHILE_READING)) {
        // The stream ended without close_notify: an ordinary close for
        // Swoole (many peers never send one).
        ERR_clear_error();
        closed_ = true;
    } else {
        fail_from_queue(SW_ERROR_SSL_BAD_PROTOCOL, "SSL read failed");
    }
    return failed_ ? TlsStatus::failed : TlsStatus::closed;
}

TlsResult TlsSession::peek(void *buf, size_t len) {
    if (failed_) return {TlsStatus::failed};
    if (closed_) return {TlsStatus::closed};
    if (!handshake_done_) {
        error_code_ = SW_ERROR_SSL_NOT_READY;
        error_message_ = "SSL not ready: the handshake is not done";
        return {TlsStatus::failed};
    }
    if (len == 0) return {TlsStatus::done, 0};
    size_t n = 0;
    ERR_clear_error();
    if (SSL_peek_ex(ssl_, buf, len, &n) == 1) return {TlsStatus::done, n};
    int e = SSL_get_error(ssl_, 0);
    if (e == SSL_ERROR_WANT_READ && !eof_) return {TlsStatus::want_input};
    if (e == SSL_ERROR_WANT_WRITE) return {TlsStatus::want_flush};
    return {end_of_reading(e)};
}

TlsResult TlsSession::write(const void *buf, size_t len) {
    if (failed_) return {TlsStatus::failed};
    if (!handshake_done_) {
        error_code_ = SW_ERROR_SSL_NOT_READY;
        error_message_ = "SSL not ready: the handshake is not done";
        return {TlsStatus::failed};
    }
    const auto *p = static_cast<const char *>(buf);
    size_t total = 0;
    while (total < len && out_.size() < kOutputBound) {
        // One record at a time, so the output stays near its bound.
        size_t chunk = std::min<size_t>(len - total, 16 * 1024);
        size_t n = 0;
        ERR_clear_error();
        if (SSL_write_ex(ssl_, p + total, chunk, &n) == 1) {
            total += n;
            continue;
        }
        int e = SSL_get_error(ssl_, 0);
        if (e == SSL_ERROR_WANT_READ && !eof_) return {total > 0 ? TlsStatus::done : TlsStatus::want_input, total};
        if (e == SSL_ERROR_WANT_WRITE) break;
        fail_from_queue(SW_ERROR_SSL_BAD_PROTOCOL, "SSL write failed");
        return {total > 0 ? TlsStatus::done : TlsStatus::failed, total};
    }
    if (total == 0 && len > 0) return {TlsStatus::want_flush};
    return {TlsStatus::done, total};
}

TlsStatus TlsSession::shutdown() {
    if (shutdown_sent_ || failed_ || !handshake_done_) return TlsStatus::done;
    if (closed_ && !close_notify_received_) return TlsStatus::done;  // the stream is gone
    ERR_clear_error();
    int r = SSL_shutdown(ssl_);
    if (r >= 0) {
        shutdown_sent_ = true;
        return TlsStatus::done;
    }
    int e = SSL_get_error(ssl_, r);
    if (e == SSL_ERROR_WANT_READ && !eof_) return TlsStatus::want_input;
    if (e == SSL_ERROR_WANT_WRITE) return TlsStatus::want_flush;
    fail_from_queue(SW_ERROR_SSL_BAD_PROTOCOL, "SSL shutdown failed");
    return TlsStatus::failed;
}

std::string TlsSession::peer_certificate_pem() const {
    X509 *cert = ssl_ != nullptr ? SSL_get0_peer_certificate(ssl_) : nullptr;
    if (cert == nullptr) return {};
    BIO *mem = BIO_new(BIO_s_mem());
    std::string pem;
    if (mem != nullptr && PEM_write_bio_X509(mem, cert) == 1) {
        char *data = nullptr;
        long n = BIO_get_mem_data(mem, &data);
        if (n > 0) pem.assign(data, size_t(n));
    }
    BIO_free(mem);
    ERR_clear_error();
    return pem;
}

int TlsSession::verify(bool allow_self_signed, std::string *message) const {
    auto answer = [&](int code, std::string text) {
        if (message != nullptr) *message = std::move(text);
        return code;
    };
    if (!handshake_done_) return answer(SW_ERROR_SSL_NOT_READY, "SSL not ready: the handshake is not done");
    if (SSL_get0_peer_certificate(ssl_) == nullptr)
        return answer(SW_ERROR_SSL_EMPTY_PEER_CERTIFICATE, "the peer sent no certificate");
    if (verify_first_error_ != 0) return answer(SW_ERROR_SSL_VERIFY_FAILED, verify_text(verify_first_error_));
    if (verify_self_signed_ != 0 && !allow_self_signed)
        return answer(SW_ERROR_SSL_VERIFY_FAILED, verify_text(verify_self_signed_));
    return answer(0, {});
}

long TlsSession::verify_result() const { return ssl_ != nullptr ? SSL_get_verify_result(ssl_) : X509_V_OK; }

std::string_view TlsSession::protocol_version() const {
    if (!handshake_done_) return {};
    return SSL_get_version(ssl_);
}

std::string_view TlsSession::cipher() const {
    const SSL_CIPHER *c = ssl_ != nullptr ? SSL_get_current_cipher(ssl_) : nullptr;
    if (c == nullptr) return {};
    return SSL_CIPHER_get_name(c);
}

std::string_view TlsSession::alpn() const {
    const unsigned char *data = nullptr;
    unsigned int len = 0;
    if (ssl_ != nullptr) SSL_get0_alpn_selected(ssl_, &data, &len);
    if (data == nullptr) return {};
    return {reinterpret_cast<const char *>(data), len};
}

std::string_view TlsSession::server_name() const {
    const char *name = ssl_ != nullptr ? SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name) : nullptr;
    if (name == nullptr) return {};
    return name;
}

}  // namespace swoole::kernel
