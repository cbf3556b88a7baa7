// A coroutine socket: one non-blocking OS socket (TCP or UDP over IPv4/IPv6,
// Unix stream or datagram) whose blocking steps park only the calling kernel
// coroutine, through Coroutine::wait_fd. The kernel side of
// Swoole\Coroutine\Socket and of the coroutine clients; no PHP here.
//
// Rules, as Swoole 4.8 has them (spec/clients.md):
//  - Timeouts per operation kind (connect, read, write; dns for host names).
//    A call's timeout argument: > 0 this value for this call, 0 the socket's
//    own setting, < 0 no limit. A socket's setting <= 0 means no limit; new
//    sockets copy the process defaults (connect 2 s, read and write 60 s, dns
//    60 s; Coroutine::set socket_*_timeout changes them). Operations that
//    loop (recv_all, send_all, sendfile, recv_packet) have one deadline for
//    the whole call.
//  - One coroutine reads and one writes at a time: a second reader (or
//    writer) fails at once with SW_ERROR_CO_HAS_BEEN_BOUND; reader_id() /
//    writer_id() name the one holding it (the PHP layer's fatal message).
//    accept, recv*, readv*, recvfrom, recv_packet and fill read; connect,
//    send*, writev*, sendto and sendfile write.
//  - Errors: every failing call returns -1 / false / nullptr and sets
//    error_code() (and last_error()) to a POSIX errno (ECONNREFUSED,
//    ETIMEDOUT on a timeout, ECANCELED when canceled, EBADF once closed, ...)
//    or a Swoole code (CO_HAS_BEEN_BOUND, PACKAGE_LENGTH_*, DNSLOOKUP_*).
//    error_code() is not reset by a later success; error_message() is its text.
//  - Reads return the byte count, 0 at the end of the stream, -1 on error.
//  - Outside any coroutine the same calls block the thread in poll(2) with
//    the same timeouts (Swoole\Client's synchronous mode).
//  - close() while another coroutine is parked on the socket wakes it: its
//    call fails with EBADF before close() returns.
//  - A Transport (transport.h) may sit between the socket and the fd: that is
//    where TLS plugs in. Without one the socket calls recv(2)/send(2).
// Nothing is allocated per recv/send: the wait lives in the parked frame, and
// the read interest stays registered while the socket keeps being read.
#pragma once

#include <sys/socket.h>
#include <sys/types.h>
#include <sys/uio.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "coroutine/read_watch.h"
#include "socket/address.h"

namespace swoole::kernel {

class Framer;
class Transport;
class TlsContext;
class TlsSession;
class SocketTls;  // socket_tls.h: the TLS transport a socket owns

class Socket {
  public:
    enum class Timeout : int { connect = 0, read = 1, write = 2, dns = 3 };
    static constexpr int kTimeoutKinds = 4;

    // Process defaults copied by every socket created afterwards; <= 0 means
    // no limit (stored as -1).
    static void set_default_timeout(Timeout kind, double seconds);
    static double default_timeout(Timeout kind);
    // Back to connect 2 s, read 60 s, write 60 s, dns 60 s.
    static void reset_default_timeouts();

    // A new non-blocking, close-on-exec socket (type may carry SOCK_* flags).
    // On failure !valid() and error_code() is the errno of socket(2).
    Socket(int domain, int type, int protocol = 0);
    // Adopts an open socket fd (made non-blocking), closed with this object.
    Socket(int fd, int domain, int type, int protocol);
    // Adopts an fd and asks the OS for its domain, type and protocol.
    explicit Socket(int fd);
    ~Socket();
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    // Two connected sockets (socketpair(2)); false with errno on failure.
    static bool make_pair(int domain, int type, int protocol, std::unique_ptr<Socket> &first,
                          std::unique_ptr<Socket> &second);

    bool valid() const { return fd_ >= 0; }
    bool is_closed() const { return closed_; }
    int fd() const { return fd_; }
    int domain() const { return domain_; }
    int type() const { return type_; }
    int protocol() const { return protocol_; }

    int error_code() const { return error_code_; }
    const char *error_message() const;  // error_text(error_code())
    void set_error(int code);           // also last_error()
    void clear_error() { error_code_ = 0; }

    // ---- this socket's timeouts (<= 0: none) ----
    void set_timeout(Timeout kind, double seconds);
    double timeout(Timeout kind) const { return timeouts_[int(kind)]; }
    // Sets connect, read and write at once (the `timeout` option).
    void set_timeout(double seconds);

    // ---- setting up ----
    // address: an IP literal (or a Unix path), port for the inet families.
    // Inet stream sockets get SO_REUSEADDR first.
    bool bind(std::string_view address, int port = 0);
    bool listen(int backlog = 512);
    // A new socket for the next connection, with this socket's timeouts;
    // nullptr on error or timeout.
    std::unique_ptr<Socket> accept(double timeout = 0);
    // host: an IP literal or a name (resolved without blocking the loop, with
    // the dns timeout) for the inet families, a path for Unix sockets. port
    // must be 1..65535 for the inet families (EINVAL otherwise). A datagram
    // socket only records the default peer.
    bool connect(std::string_view host, int port = 0, double timeout = 0);
    bool connect(const SocketAddress &address, double timeout = 0);

    // ---- stream I/O ----
    // One read of up to n bytes once any are there.
    ssize_t recv(void *buf, size_t n, double timeout = 0);
    // One write of up to n bytes once the socket is writable (may be partial).
    // With TLS, bytes already encrypted when the wait for the rest fails are
    // reported as written (error_code() set all the same): they go out with
    // the next call that flushes, so a later send never repeats or loses them.
    ssize_t send(const void *buf, size_t n, double timeout = 0);
    // Reads until n bytes, the end of the stream or an error; returns what was
    // read (short on EOF, or on error after some data with error_code() set),
    // -1 only when an error came before any byte.
    ssize_t recv_all(void *buf, size_t n, double timeout = 0);
    // Writes until all n bytes are sent; on a later error returns the count
    // already sent (error_code() set), -1 when nothing could be sent.
    ssize_t send_all(const void *buf, size_t n, double timeout = 0);
    // Bytes waiting in the socket, not consumed, never waiting: -1 with EAGAIN
    // when there are none, 0 when the peer closed. With TLS on: decrypted
    // plaintext only (at most one record's worth), never ciphertext; the
    // records are taken from the fd into the session (unless another
    // coroutine is reading), so the next read finds them there; EAGAIN until
    // a whole record is in; SW_ERROR_SSL_NOT_READY before the handshake.
    ssize_t peek(void *buf, size_t n);
    // Whether the peer is still there (a non-blocking peek); false with
    // ECONNRESET when it closed, or the socket's error. With TLS up, a
    // received close_notify (or the stream's end) is "closed" too.
    bool check_liveness();
    // Reads until framer has a complete packet: returns its size with packet
    // a view into framer's buffer (valid until the framer's next input), 0 at
    // the end of the stream (error_code() ECONNRESET when it ended inside a
    // packet, whose bytes stay in framer.pending()), -1 on error: a framing
    // error gives framer.error() (SW_ERROR_PACKAGE_LENGTH_TOO_LARGE or
    // _NOT_FOUND). A raw framer gives what one read brought.
    ssize_t recv_packet(Framer &framer, std::string_view &packet, double timeout = 0);
    // Fills the buffers in order: one readv(2) once readable / one writev
    // once writable (a transport moves one buffer per call). More than
    // IOV_MAX buffers: EINVAL.
    ssize_t readv(iovec *iov, int count, double timeout = 0);
    ssize_t writev(const iovec *iov, int count, double timeout = 0);
    // Until every buffer is full (or EOF) / all is sent, with recv_all's and
    // send_all's returns. iov is advanced in place over what was moved.
    ssize_t readv_all(iovec *iov, int count, double timeout = 0);
    ssize_t writev_all(iovec *iov, int count, double timeout = 0);
    // One read appended to framer's buffer (at least min_free bytes of room):
    // the bytes read, 0 at the end of the stream, -1 on error. For reads
    // served from a buffer that are not packets (recvLine, recvWithBuffer):
    // look at framer.pending(), take with framer.consume().
    ssize_t fill(Framer &framer, size_t min_free = 65536, double timeout = 0);
    // Sends length bytes of the file from offset (length 0: to its end) with
    // sendfile(2); false on error.
    bool sendfile(const char *path, off_t offset = 0, size_t length = 0, double timeout = 0);

    // ---- datagrams ----
    // One datagram of up to n bytes (the rest is lost); from, when given,
    // receives the sender.
    ssize_t recvfrom(void *buf, size_t n, SocketAddress *from, double timeout = 0);
    // host: IP literal or name (inet), or a Unix path.
    ssize_t sendto(std::string_view host, int port, const void *buf, size_t n, double timeout = 0);
    ssize_t sendto(const SocketAddress &to, const void *buf, size_t n, double timeout = 0);

    // ---- ending ----
    bool shutdown(int how = SHUT_RDWR);
    // Closes the fd (waking any coroutine parked on the socket, whose call
    // fails with EBADF). False with EBADF when already closed.
    bool close();
    // Gives the fd up without closing it; the socket is closed afterwards.
    int release_fd();

    // ---- addresses and options ----
    bool getsockname(SocketAddress &out);
    bool getpeername(SocketAddress &out);
    bool set_option(int level, int name, const void *value, socklen_t length);
    bool get_option(int level, int name, void *value, socklen_t *length);
    bool set_option(int level, int name, int value) { return set_option(level, name, &value, sizeof value); }
    bool get_option(int level, int name, int &value);

    // ---- coroutines ----
    // Waits until the fd is ready for events (kEventRead / kEventWrite); the
    // building block of every call above, public for the TLS handshake and
    // Coroutine::waitEvent-style uses. Not bound to reader/writer.
    bool wait_event(int events, double timeout);
    // The coroutine reading / writing now (0: none; -1: the main context).
    int64_t reader_id() const { return reader_id_; }
    int64_t writer_id() const { return writer_id_; }
    // Cancels the pending read and/or write of other coroutines (events:
    // kEventRead, kEventWrite); their call fails with ECANCELED. False when
    // there was nothing to cancel.
    bool cancel(int events);

    // ---- TLS (kernel/tls/) ----
    // Puts TLS over this connected (or accepted) stream socket: a client
    // session for a client context (host_name is sent as SNI unless it is an
    // IP literal, and checked against the certificate when the context
    // verifies; empty: neither), a server session for a server context.
    // Nothing is sent until tls_handshake(); every read and write after it
    // goes through the session, and sendfile() fails with
    // SW_ERROR_SSL_CANNOT_USE_SENFILE. False with EINVAL for a datagram or a
    // closed socket, EISCONN when TLS is already on.
    bool enable_tls(std::shared_ptr<const TlsContext> context, std::string_view host_name = {});
    // Runs the handshake (timeout as a read's: 0 the socket's read timeout).
    // False with SW_ERROR_SSL_HANDSHAKE_FAILED / SW_ERROR_SSL_VERIFY_FAILED
    // (text in tls()->error_message()), ETIMEDOUT, ECONNRESET, ...; a failed
    // handshake leaves the socket unusable for data (close it).
    bool tls_handshake(double timeout = 0);
    // Sends our close_notify (does not wait for the peer's); true when TLS
    // is off or the handshake never finished.
    bool tls_shutdown(double timeout = 0);
    // The TLS session once enable_tls() ran (peer certificate, verify(),
    // protocol, cipher, ALPN); nullptr for a plain socket.
    TlsSession *tls() const;

    // ---- the transport plug (transport.h); not owned, nullptr: plain socket ----
    // enable_tls() installs its own; set_transport is for other layers.
    void set_transport(Transport *transport) { transport_ = transport; }
    Transport *transport() const { return transport_; }

  private:
    class Deadline;
    class Bound;

    bool fail(int code);
    ssize_t fail_n(int code) {
        fail(code);
        return -1;
    }
    bool usable();  // false (EBADF) once closed or never opened
    double effective(Timeout kind, double call_timeout) const;
    bool wait_until(int events, Deadline &deadline);
    template <class Op>
    ssize_t io_loop(int events, bool via_transport, Deadline &deadline, Op &&op);
    ssize_t read_some(void *buf, size_t n, Deadline &deadline);
    ssize_t committed_or_fail(ssize_t r);
    ssize_t write_some(const void *buf, size_t n, Deadline &deadline);
    ssize_t readv_some(iovec *iov, int count, Deadline &deadline);
    ssize_t writev_some(const iovec *iov, int count, Deadline &deadline);
    bool resolve(std::string_view host, int port, SocketAddress &out);
    bool connect_to(const SocketAddress &address, double timeout);
    bool poll_wait(int events, double timeout);

    int fd_ = -1;
    int domain_ = 0;
    int type_ = 0;
    int protocol_ = 0;
    bool closed_ = false;
    int error_code_ = 0;
    int64_t reader_id_ = 0;
    int64_t writer_id_ = 0;
    double timeouts_[kTimeoutKinds];
    Transport *transport_ = nullptr;
    std::unique_ptr<SocketTls> tls_;
    // Read waits keep their event added between calls (read_watch.h): a
    // request/response turn then costs no epoll_ctl.
    ReadWatch read_watch_;
};

}  // namespace swoole::kernel
