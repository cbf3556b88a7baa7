// One connection's TLS state, independent of any socket. The session keeps
// two byte buffers as OpenSSL's transport (a memory BIO of our own, so the
// caller can read ciphertext straight into the input buffer and send straight
// out of the output buffer):
//
//   network → feed() / input_space()+commit_input() → [input] → OpenSSL
//   OpenSSL → [output] → pending_output() / consume_output() → network
//
// The driving loop of a non-blocking socket, for any of handshake(), read(),
// write() and shutdown():
//
//   call the operation;
//   send pending_output() (always, whatever the status: a failed handshake
//     leaves an alert there for the peer);
//   done        → finished (read/write: `bytes` plaintext bytes);
//   want_input  → wait readable, feed what arrives (feed_eof() at end of
//                 stream), call again;
//   want_flush  → (output was over its bound) call again once flushed;
//   closed      → read: the peer ended the stream;
//   failed      → error_code() (SW_ERROR_SSL_*) and error_message().
//
// Always call read() before waiting for the socket: OpenSSL may hold
// decrypted bytes that a smaller buffer could not take.
// Buffers are reused for the life of the session; no allocation per call
// beyond what OpenSSL itself does.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "tls/tls_context.h"

struct ssl_st;  // OpenSSL's SSL
struct bio_st;  // OpenSSL's BIO

namespace swoole::kernel {

enum class TlsStatus {
    done,        // finished
    want_input,  // flush pending_output(), then feed more ciphertext and call again
    want_flush,  // flush pending_output() and call again
    closed,      // read: the peer closed the stream (close_notify or end of input)
    failed,      // error_code() / error_message()
};

struct TlsResult {
    TlsStatus status;
    size_t bytes = 0;  // read/write: plaintext bytes taken or given
};

class TlsSession {
  public:
    // A client session sends host_name as SNI (unless it is an IP literal)
    // and checks the certificate against it (when verifying); empty: neither.
    // A server session ignores host_name.
    explicit TlsSession(std::shared_ptr<const TlsContext> context, std::string_view host_name = {});
    ~TlsSession();
    TlsSession(const TlsSession &) = delete;
    TlsSession &operator=(const TlsSession &) = delete;

    bool is_server() const { return context_->is_server(); }
    const TlsContext &context() const { return *context_; }

    // ---- network side
    void feed(const char *data, size_t len);
    // Room for at least min_bytes of ciphertext at the end of the input, to
    // receive into directly; then commit_input(n) with the bytes written.
    std::span<char> input_space(size_t min_bytes = 16 * 1024);
    void commit_input(size_t n);
    // The network stream ended (recv returned 0).
    void feed_eof();
    size_t buffered_input() const { return in_.size(); }
    // Decrypted bytes OpenSSL holds for the next read() (a record larger than
    // the last buffer given).
    size_t pending_plaintext() const;

    std::string_view pending_output() const { return {out_.data(), out_.size()}; }
    void consume_output(size_t n) { out_.consume(n); }

    // ---- TLS side
    TlsStatus handshake();
    // Up to len plaintext bytes (as many as the buffered records give).
    TlsResult read(void *buf, size_t len);
    // As read(), but the bytes stay for the next read() (at most one
    // record's worth); done with 0 bytes never happens: an empty record
    // gives want_input.
    TlsResult peek(void *buf, size_t len);
    // Encrypts a prefix of buf: as much as fits before the output holds
    // kOutputBound bytes; done with bytes > 0, or want_flush when none fit.
    TlsResult write(const void *buf, size_t len);
    // Queues our close_notify (done also when nothing can be sent any more:
    // no handshake, a failed session or an already sent close_notify).
    TlsStatus shutdown();

    bool handshake_done() const { return handshake_done_; }
    bool failed() const { return failed_; }
    // The peer's close_notify was received (false when the stream just ended).
    bool close_notify_received() const { return close_notify_received_; }
    int error_code() const { return error_code_; }
    const std::string &error_message() const { return error_message_; }

    // ---- after the handshake
    // The peer's certificate (server: the client's, if it sent one) as PEM; empty when none.
    std::string peer_certificate_pem() const;
    // Checks the peer certificate as verifyPeerCert() does, whatever
    // verify_peer was: chain to a trusted CA (self-signed passes when
    // allow_self_signed), host name (client with a host_name). 0 when it
    // passes, else SW_ERROR_SSL_VERIFY_FAILED / SW_ERROR_SSL_EMPTY_PEER_CERTIFICATE
    // / SW_ERROR_SSL_NOT_READY, with the reason in *message.
    int verify(bool allow_self_signed, std::string *message = nullptr) const;
    // OpenSSL's verification result: X509_V_OK (0) or an X509_V_ERR_* value.
    long verify_result() const;
    std::string_view protocol_version() const;  // "TLSv1.3", ...
    std::string_view cipher() const;            // "TLS_AES_256_GCM_SHA384", ...
    std::string_view alpn() const;              // the negotiated protocol; empty: none
    std::string_view server_name() const;       // server: the SNI the client sent; empty: none
    const std::string &host_name() const { return host_name_; }

    ssl_st *native() const { return ssl_; }

    static constexpr size_t kOutputBound = 64 * 1024;

  private:
    // A byte buffer consumed from the front, reused: compacts before growing.
    class Buffer {
      public:
        ~Buffer() { delete[] data_; }
        const char *data() const { return data_ + begin_; }
        size_t size() const { return end_ - begin_; }
        std::span<char> space(size_t min_bytes);
        void commit(size_t n) { end_ += n; }
        void append(const char *p, size_t n);
        void consume(size_t n);

      private:
        char *data_ = nullptr;
        size_t capacity_ = 0, begin_ = 0, end_ = 0;
    };

    friend struct TlsSessionAccess;  // the BIO and verification callbacks

    void fail(int code, std::string message);
    void fail_from_queue(int code, const char *what);
    void fail_handshake();
    // A read or peek that gave nothing, after SSL_get_error's e (not a want):
    // closed (with or without close_notify) or failed.
    TlsStatus end_of_reading(int e);

    std::shared_ptr<const TlsContext> context_;
    std::string host_name_;
    ssl_st *ssl_ = nullptr;
    Buffer in_, out_;
    bool eof_ = false;
    bool handshake_done_ = false;
    bool failed_ = false;
    bool closed_ = false;
    bool close_notify_received_ = false;
    bool shutdown_sent_ = false;
    int error_code_ = 0;
    std::string error_message_;
    // What the verification callback saw during the handshake.
    int verify_first_error_ = 0;  // the first error other than "self-signed"
    int verify_self_signed_ = 0;  // the self-signed error, if one was seen
    int verify_refused_ = 0;      // the error that stopped the handshake
};

}  // namespace swoole::kernel
