#include "tls/tls_context.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstring>

#include "tls/tls_error.h"

namespace swoole::kernel {

namespace {

// Hands the configured passphrase to OpenSSL while the key is read; never
// lets OpenSSL fall back to prompting on the terminal.
int passphrase_callback(char *buf, int size, int /*rwflag*/, void *userdata) {
    const auto *passphrase = static_cast<const std::string *>(userdata);
    if (passphrase == nullptr || passphrase->empty() || size <= 0) return 0;
    size_t n = passphrase->size() < size_t(size) ? passphrase->size() : size_t(size);
    std::memcpy(buf, passphrase->data(), n);
    return int(n);
}

// Server side of ALPN: the first of our protocols (in our order) that the
// client offers; without a common one the handshake goes on without ALPN.
int alpn_select_callback(SSL *, const unsigned char **out, unsigned char *outlen, const unsigned char *in,
                         unsigned int inlen, void *arg) {
    std::string_view ours = static_cast<const TlsContext *>(arg)->alpn_wire();
    for (size_t i = 0; i < ours.size(); i += 1 + size_t(static_cast<unsigned char>(ours[i]))) {
        size_t len = static_cast<unsigned char>(ours[i]);
        for (unsigned int j = 0; j < inlen; j += 1u + in[j]) {
            if (in[j] == len && j + 1 + len <= inlen && std::memcmp(in + j + 1, ours.data() + i + 1, len) == 0) {
                *out = in + j + 1;
                *outlen = static_cast<unsigned char>(len);
                return SSL_TLSEXT_ERR_OK;
            }
        }
    }
    return SSL_TLSEXT_ERR_NOACK;
}

bool set_protocols(SSL_CTX *ctx, unsigned protocols, std::string &error) {
    if (protocols == 0) return true;
    struct Version {
        unsigned bit;
        int version;
        uint64_t no_option;
    };
    static constexpr Version versions[] = {
        {kTlsV1, TLS1_VERSION, SSL_OP_NO_TLSv1},
        {kTlsV1_1, TLS1_1_VERSION, SSL_OP_NO_TLSv1_1},
        {kTlsV1_2, TLS1_2_VERSION, SSL_OP_NO_TLSv1_2},
        {kTlsV1_3, TLS1_3_VERSION, SSL_OP_NO_TLSv1_3},
    };
    int min = 0, max = 0;
    uint64_t excluded = 0;
    for (const Version &v : versions) {
        if (protocols & v.bit) {
            if (min == 0) min = v.version;
            max = v.version;
        } else {
            excluded |= v.no_option;
        }
    }
    if (min == 0) {
        error = "ssl_protocols enables no protocol this build supports (TLSv1 to TLSv1.3)";
        return false;
    }
    // The range first, then the holes inside it (e.g. TLSv1 | TLSv1_2).
    if (!SSL_CTX_set_min_proto_version(ctx, min) || !SSL_CTX_set_max_proto_version(ctx, max)) {
        error = "cannot set the protocol range: " + tls_error_queue_text();
        return false;
    }
    SSL_CTX_set_options(ctx, excluded);
    return true;
}

}  // namespace

std::shared_ptr<TlsContext> TlsContext::create(const TlsOptions &options, std::string &error) {
    std::shared_ptr<TlsContext> context(new TlsContext(options));
    ERR_clear_error();
    bool ok = context->init(error);
    ERR_clear_error();
    if (!ok) return nullptr;
    return context;
}

TlsContext::~TlsContext() { SSL_CTX_free(ctx_); }

bool TlsContext::init(std::string &error) {
    const TlsOptions &o = options_;
    ctx_ = SSL_CTX_new(o.server ? TLS_server_method() : TLS_client_method());
    if (ctx_ == nullptr) {
        error = "cannot create an SSL context: " + tls_error_queue_text();
        return false;
    }
    uint64_t ssl_options = SSL_OP_NO_COMPRESSION;
    if (o.server && o.prefer_server_ciphers) ssl_options |= SSL_OP_CIPHER_SERVER_PREFERENCE;
    SSL_CTX_set_options(ctx_, ssl_options);
    // A write retried after want_flush may come from another address (the
    // caller's buffer moved); never let OpenSSL drop buffers between calls.
    SSL_CTX_set_mode(ctx_, SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
    SSL_CTX_clear_mode(ctx_, SSL_MODE_RELEASE_BUFFERS);

    if (!set_protocols(ctx_, o.protocols, error)) return false;
    if (!o.ciphers.empty() && !SSL_CTX_set_cipher_list(ctx_, o.ciphers.c_str())) {
        error = "invalid ssl_ciphers '" + o.ciphers + "': " + tls_error_queue_text();
        return false;
    }
    if (!o.ecdh_curve.empty() && !SSL_CTX_set1_groups_list(ctx_, o.ecdh_curve.c_str())) {
        error = "invalid ssl_ecdh_curve '" + o.ecdh_curve + "': " + tls_error_queue_text();
        return false;
    }
    if (o.server) SSL_CTX_set_dh_auto(ctx_, 1);

    // Certificate and key: required for a server, optional (a client
    // certificate) for a client.
    if (o.cert_file.empty() != o.key_file.empty()) {
        error = o.cert_file.empty() ? "ssl_key_file given without ssl_cert_file"
                                    : "ssl_cert_file given without ssl_key_file";
        return false;
    }
    if (o.server && o.cert_file.empty()) {
        error = "a TLS server needs ssl_cert_file and ssl_key_file";
        return false;
    }
    if (!o.cert_file.empty()) {
        SSL_CTX_set_default_passwd_cb(ctx_, passphrase_callback);
        SSL_CTX_set_default_passwd_cb_userdata(ctx_, const_cast<std::string *>(&o.passphrase));
        bool loaded = false;
        if (SSL_CTX_use_certificate_chain_file(ctx_, o.cert_file.c_str()) != 1) {
            error = "cannot load ssl_cert_file " + o.cert_file + ": " + tls_error_queue_text();
        } else if (SSL_CTX_use_PrivateKey_file(ctx_, o.key_file.c_str(), SSL_FILETYPE_PEM) != 1) {
            unsigned long first = ERR_peek_error();
            if (ERR_GET_LIB(first) == ERR_LIB_X509 && ERR_GET_REASON(first) == X509_R_KEY_VALUES_MISMATCH) {
                error = "ssl_key_file " + o.key_file + " does not match ssl_cert_file " + o.cert_file;
                ERR_clear_error();
            } else {
                error = "cannot load ssl_key_file " + o.key_file + ": " + tls_error_queue_text();
            }
        } else if (SSL_CTX_check_private_key(ctx_) != 1) {
            error = "ssl_key_file " + o.key_file + " does not match ssl_cert_file " + o.cert_file + ": " +
                    tls_error_queue_text();
        } else {
            loaded = true;
        }
        SSL_CTX_set_default_passwd_cb(ctx_, nullptr);
        SSL_CTX_set_default_passwd_cb_userdata(ctx_, nullptr);
        if (!loaded) return false;
    }

    // Trust: the given CA file/folder, else (a verifying client) the system's.
    if (!o.cafile.empty() || !o.capath.empty()) {
        if (SSL_CTX_load_verify_locations(ctx_, o.cafile.empty() ? nullptr : o.cafile.c_str(),
                                          o.capath.empty() ? nullptr : o.capath.c_str()) != 1) {
            error = "cannot load ssl_cafile/ssl_capath " + o.cafile + (o.capath.empty() ? "" : " " + o.capath) +
                    ": " + tls_error_queue_text();
            return false;
        }
    } else if (o.verify_peer && !o.server) {
        SSL_CTX_set_default_verify_paths(ctx_);
    }
    if (o.server && o.verify_peer) {
        if (o.cafile.empty() && o.capath.empty()) {
            error = "a TLS server verifying its clients needs the CA of their certificates (ssl_client_cert_file)";
            return false;
        }
        if (!o.cafile.empty()) {
            STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(o.cafile.c_str());
            if (names != nullptr) SSL_CTX_set_client_CA_list(ctx_, names);
        }
    }
    // Sessions install their own verification callback; this is the mode.
    int mode = SSL_VERIFY_NONE;
    if (o.verify_peer) mode = SSL_VERIFY_PEER | (o.server ? SSL_VERIFY_FAIL_IF_NO_PEER_CERT : 0);
    SSL_CTX_set_verify(ctx_, mode, nullptr);
    if (o.verify_depth > 0) SSL_CTX_set_verify_depth(ctx_, o.verify_depth);
    if (o.server) {
        static const unsigned char sid_context[] = "swoole";
        SSL_CTX_set_session_id_context(ctx_, sid_context, sizeof sid_context - 1);
    }

    // ALPN, in wire format: each name prefixed by its length.
    for (const std::string &name : o.alpn) {
        if (name.empty() || name.size() > 255) {
            error = "invalid ALPN protocol name '" + name + "'";
            return false;
        }
        alpn_wire_ += char(name.size());
        alpn_wire_ += name;
    }
    if (!alpn_wire_.empty()) {
        if (o.server) {
            SSL_CTX_set_alpn_select_cb(ctx_, alpn_select_callback, this);
        } else if (SSL_CTX_set_alpn_protos(ctx_, reinterpret_cast<const unsigned char *>(alpn_wire_.data()),
                                           unsigned(alpn_wire_.size())) != 0) {
            error = "cannot set the ALPN protocols: " + tls_error_queue_text();
            return false;
        }
    }
    return true;
}

}  // namespace swoole::kernel
