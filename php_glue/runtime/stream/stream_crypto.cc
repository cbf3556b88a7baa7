// TLS on hooked streams: the stream context's "ssl" options turned into a
// kernel TLS context, the handshake on the coroutine socket, and
// stream_socket_enable_crypto (PHP_STREAM_OPTION_CRYPTO_API).
//
// Defaults are PHP's own (not the coroutine client's): a client verifies the
// peer and its name unless verify_peer / verify_peer_name are false; a
// server asks for no client certificate unless verify_peer is true.
#include "runtime/stream/stream_socket.h"

#include <cstring>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "socket/io_result.h"
#include "tls/tls_context.h"
#include "tls/tls_session.h"

namespace swoole::php::runtime {

namespace {

using kernel::TlsContext;
using kernel::TlsOptions;

// Every TLS version bit of a STREAM_CRYPTO_METHOD_* value; these bits are
// the kernel's TlsProtocol values.
constexpr int kMethodVersions = kernel::kTlsAll;

zval *ssl_option(php_stream *stream, const char *name) {
    php_stream_context *context = PHP_STREAM_CONTEXT(stream);
    return context ? php_stream_context_get_option(context, "ssl", name) : nullptr;
}

bool ssl_flag(php_stream *stream, const char *name, bool fallback) {
    zval *value = ssl_option(stream, name);
    return value ? zend_is_true(value) : fallback;
}

// A string option ("" when absent); paths and names only.
std::string ssl_string(php_stream *stream, const char *name) {
    zval *value = ssl_option(stream, name);
    if (!value || Z_TYPE_P(value) == IS_NULL) return {};
    zend_string *text = zval_get_string(value);
    std::string out(ZSTR_VAL(text), ZSTR_LEN(text));
    zend_string_release(text);
    return out;
}

// "h2,http/1.1" → {"h2", "http/1.1"}.
std::vector<std::string> split_alpn(const std::string &list) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= list.size()) {
        size_t comma = list.find(',', start);
        if (comma == std::string::npos) comma = list.size();
        if (comma > start) out.emplace_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

std::shared_ptr<TlsContext> build_context(php_stream *stream, const StreamSocket &data, bool server,
                                          std::string &error) {
    TlsOptions options;
    options.server = server;
    int versions = data.crypto_method & kMethodVersions;
    options.protocols = versions == kMethodVersions ? 0 : static_cast<unsigned>(versions);
    options.verify_peer = ssl_flag(stream, "verify_peer", !server);
    options.allow_self_signed = ssl_flag(stream, "allow_self_signed", false);
    options.cafile = ssl_string(stream, "cafile");
    options.capath = ssl_string(stream, "capath");
    options.cert_file = ssl_string(stream, "local_cert");
    options.key_file = ssl_string(stream, "local_pk");
    // local_cert may hold the key as well.
    if (options.key_file.empty()) options.key_file = options.cert_file;
    options.passphrase = ssl_string(stream, "passphrase");
    options.ciphers = ssl_string(stream, "ciphers");
    if (zval *depth = ssl_option(stream, "verify_depth")) options.verify_depth = static_cast<int>(zval_get_long(depth));
    options.alpn = split_alpn(ssl_string(stream, "alpn_protocols"));
    if (server && options.cert_file.empty()) {
        error = "a TLS server stream needs the local_cert context option";
        return nullptr;
    }
    return TlsContext::create(options, error);
}

// The peer certificate as an OpenSSLCertificate in the context ("peer_certificate").
void capture_peer_cert(php_stream *stream, kernel::TlsSession &session) {
    php_stream_context *context = PHP_STREAM_CONTEXT(stream);
    std::string pem = session.peer_certificate_pem();
    if (!context || pem.empty()) return;
    zval function, argument, result;
    ZVAL_STRING(&function, "openssl_x509_read");
    ZVAL_STRINGL(&argument, pem.data(), pem.size());
    ZVAL_UNDEF(&result);
    if (call_user_function(nullptr, nullptr, &function, &result, 1, &argument) == SUCCESS &&
        Z_TYPE(result) == IS_OBJECT) {
        php_stream_context_set_option(context, "ssl", "peer_certificate", &result);
    }
    zval_ptr_dtor(&result);
    zval_ptr_dtor(&argument);
    zval_ptr_dtor(&function);
}

}  // namespace

bool stream_enable_crypto(php_stream *stream, StreamSocket &data, std::string *error) {
    kernel::Socket &sock = *data.sock;
    bool server = !(data.crypto_method & 1);  // the client bit of STREAM_CRYPTO_METHOD_*
    std::string message;
    std::shared_ptr<TlsContext> context = build_context(stream, data, server, message);
    if (!context) {
        php_error_docref(nullptr, E_WARNING, "Failed to create an SSL context: %s", message.c_str());
        if (error) *error = message;
        return false;
    }
    std::string host;
    if (!server) {
        host = ssl_string(stream, "peer_name");
        if (host.empty()) host = data.host;
        // The kernel checks the name whenever it is given to a verifying context.
        if (!ssl_flag(stream, "verify_peer_name", true)) host.clear();
    }
    if (!sock.enable_tls(context, host)) {
        message = sock.error_message();
    } else if (!sock.tls_handshake()) {
        check_bound(sock, true);
        kernel::TlsSession *session = sock.tls();
        message = session && !session->error_message().empty() ? session->error_message() : sock.error_message();
    } else {
        if (ssl_flag(stream, "capture_peer_cert", false)) capture_peer_cert(stream, *sock.tls());
        return true;
    }
    php_error_docref(nullptr, E_WARNING, "SSL operation failed: %s", message.c_str());
    php_error_docref(nullptr, E_WARNING, "Failed to enable crypto");
    if (error) *error = message;
    return false;
}

int stream_crypto_op(php_stream *stream, StreamSocket &data, php_stream_xport_crypto_param *param) {
    switch (param->op) {
        case php_stream_xport_crypto_param::STREAM_XPORT_CRYPTO_OP_SETUP:
            data.crypto_method = param->inputs.method;
            param->outputs.returncode = 0;
            return PHP_STREAM_OPTION_RETURN_OK;
        case php_stream_xport_crypto_param::STREAM_XPORT_CRYPTO_OP_ENABLE:
            break;
        default:
            return PHP_STREAM_OPTION_RETURN_NOTIMPL;
    }
    if (!data.sock || !data.sock->valid() || data.type() != SOCK_STREAM) {
        param->outputs.returncode = -1;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    bool active = data.sock->tls() != nullptr;
    if (!param->inputs.activate) {
        // A coroutine socket's TLS cannot fall back to plain bytes: say goodbye
        // to the peer, and report that the stream stays encrypted.
        if (active) {
            data.sock->tls_shutdown();
            php_error_docref(nullptr, E_WARNING, "Crypto cannot be turned off on a coroutine stream");
        }
        param->outputs.returncode = active ? -1 : 1;
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    if (active) {
        param->outputs.returncode = 1;  // already on: nothing to do, as PHP answers
        return PHP_STREAM_OPTION_RETURN_OK;
    }
    param->outputs.returncode = stream_enable_crypto(stream, data, nullptr) ? 1 : -1;
    return PHP_STREAM_OPTION_RETURN_OK;
}

}  // namespace swoole::php::runtime
