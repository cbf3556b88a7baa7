// TLS configuration shared by the connections of one client or one server
// port: an OpenSSL SSL_CTX built once from TlsOptions (the ssl_* settings of
// Swoole's clients and servers). Sessions (tls_session.h) are made from it and
// keep it alive through a shared_ptr, so a server may drop its context while
// connections made from it are still open.
//
// Errors are reported as text (the PHP layer turns them into its own warnings):
// TlsContext::create returns nullptr and fills `error`.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct ssl_ctx_st;  // OpenSSL's SSL_CTX; OpenSSL headers stay out of this one

namespace swoole::kernel {

// Bits of ssl_protocols: the values of the SWOOLE_SSL_* constants.
enum TlsProtocol : unsigned {
    kTlsSslV2 = 2,     // never offered (OpenSSL 3 has none)
    kTlsSslV3 = 4,     // never offered (OpenSSL 3 has none)
    kTlsV1 = 8,
    kTlsV1_1 = 16,
    kTlsV1_2 = 32,
    kTlsV1_3 = 64,
    kTlsDtls = 128,    // ignored: stream sockets only
    kTlsAll = kTlsV1 | kTlsV1_1 | kTlsV1_2 | kTlsV1_3,
};

struct TlsOptions {
    bool server = false;       // a server (accepting) context, else a client one
    unsigned protocols = 0;    // TlsProtocol bits; 0: OpenSSL's defaults
    std::string ciphers;       // ssl_ciphers (TLS <= 1.2 cipher list); empty: OpenSSL's default
    std::string ecdh_curve;    // ssl_ecdh_curve, e.g. "prime256v1" or "X25519:P-256"; empty: default
    std::string cafile;        // ssl_cafile (server: the CA of client certificates, ssl_client_cert_file)
    std::string capath;        // ssl_capath
    std::string cert_file;     // ssl_cert_file: PEM, the certificate then its chain
    std::string key_file;      // ssl_key_file: PEM private key
    std::string passphrase;    // ssl_passphrase of an encrypted key
    bool verify_peer = false;  // client: verify the server; server: require and verify a client certificate
    bool allow_self_signed = false;    // a self-signed peer certificate passes verification
    int verify_depth = 0;              // ssl_verify_depth; <= 0: OpenSSL's default
    bool prefer_server_ciphers = false;  // server: ssl_prefer_server_ciphers
    std::vector<std::string> alpn;     // ALPN protocols, most preferred first ("h2", "http/1.1")
};

class TlsContext {
  public:
    // nullptr on failure, with the reason in `error`.
    static std::shared_ptr<TlsContext> create(const TlsOptions &options, std::string &error);

    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    const TlsOptions &options() const { return options_; }
    bool is_server() const { return options_.server; }
    ssl_ctx_st *native() const { return ctx_; }
    // The ALPN list in wire format (length-prefixed names).
    std::string_view alpn_wire() const { return alpn_wire_; }

  private:
    explicit TlsContext(const TlsOptions &options) : options_(options) {}
    bool init(std::string &error);

    TlsOptions options_;
    ssl_ctx_st *ctx_ = nullptr;
    std::string alpn_wire_;
};

}  // namespace swoole::kernel
