#include "socket/socket.h"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <ctime>
#include <string>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "dns/resolver.h"
#include "protocol/framer.h"
#include "reactor/reactor.h"
#include "socket/socket_tls.h"
#include "socket/transport.h"

namespace swoole::kernel {

namespace {

constexpr double kBuiltinTimeouts[Socket::kTimeoutKinds] = {2, 60, 60, 60};  // connect, read, write, dns
double g_default_timeouts[Socket::kTimeoutKinds] = {2, 60, 60, 60};

// How much recv_packet asks the kernel for when the packet's length is unknown.
constexpr size_t kPacketReadChunk = 65536;

double normalize_timeout(double seconds) { return seconds > 0 ? seconds : -1; }

double monotonic_seconds() {
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

bool would_block(int err) { return err == EAGAIN || err == EWOULDBLOCK; }

// Closes an fd at the end of a scope.
struct FdCloser {
    int fd;
    ~FdCloser() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

// One limit for a whole call; the clock starts at its first wait, so a call
// that never waits never reads the clock.
class Socket::Deadline {
  public:
    explicit Deadline(double timeout) : timeout_(timeout) {}
    // Seconds left (-1: no limit, 0: over).
    double left() {
        if (timeout_ < 0) return -1;
        double now = monotonic_seconds();
        if (end_ == 0) {
            end_ = now + timeout_;
            return timeout_;
        }
        return end_ > now ? end_ - now : 0;
    }

  private:
    double timeout_;
    double end_ = 0;
};

// Holds the reader (or writer) slot for one call: a second coroutine finds it
// taken and fails at once.
class Socket::Bound {
  public:
    Bound(Socket &socket, int64_t &slot) : slot_(slot) {
        if (slot != 0) {
            socket.fail(SW_ERROR_CO_HAS_BEEN_BOUND);
            return;
        }
        slot = Coroutine::current_id();
        ok_ = true;
    }
    ~Bound() {
        if (ok_) slot_ = 0;
    }
    Bound(const Bound &) = delete;
    Bound &operator=(const Bound &) = delete;
    explicit operator bool() const { return ok_; }

  private:
    int64_t &slot_;
    bool ok_ = false;
};

// ---- process defaults ----

void Socket::set_default_timeout(Timeout kind, double seconds) {
    g_default_timeouts[int(kind)] = normalize_timeout(seconds);
}

double Socket::default_timeout(Timeout kind) { return g_default_timeouts[int(kind)]; }

void Socket::reset_default_timeouts() {
    std::copy(std::begin(kBuiltinTimeouts), std::end(kBuiltinTimeouts), g_default_timeouts);
}

// ---- life ----

Socket::Socket(int domain, int type, int protocol)
    : domain_(domain), type_(type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)), protocol_(protocol) {
    std::copy(std::begin(g_default_timeouts), std::end(g_default_timeouts), timeouts_);
    fd_ = ::socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol);
    if (fd_ < 0) error_code_ = errno;
}

Socket::Socket(int fd, int domain, int type, int protocol)
    : fd_(fd), domain_(domain), type_(type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)), protocol_(protocol) {
    std::copy(std::begin(g_default_timeouts), std::end(g_default_timeouts), timeouts_);
    if (fd_ < 0) {
        error_code_ = EBADF;
        return;
    }
    int flags = ::fcntl(fd_, F_GETFL);
    if (flags >= 0 && !(flags & O_NONBLOCK)) ::fcntl(fd_, F_SETFL, flags | O_NONBLOCK);
}

Socket::Socket(int fd) : Socket(fd, 0, 0, 0) {
    if (fd_ < 0) return;
    socklen_t len = sizeof domain_;
    ::getsockopt(fd_, SOL_SOCKET, SO_DOMAIN, &domain_, &len);
    len = sizeof type_;
    ::getsockopt(fd_, SOL_SOCKET, SO_TYPE, &type_, &len);
    len = sizeof protocol_;
    ::getsockopt(fd_, SOL_SOCKET, SO_PROTOCOL, &protocol_, &len);
}

Socket::~Socket() {
    if (fd_ >= 0) close();
}

bool Socket::make_pair(int domain, int type, int protocol, std::unique_ptr<Socket> &first,
                       std::unique_ptr<Socket> &second) {
    int fds[2];
    if (::socketpair(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, protocol, fds) != 0) return false;
    first = std::make_unique<Socket>(fds[0], domain, type, protocol);
    second = std::make_unique<Socket>(fds[1], domain, type, protocol);
    return true;
}

// ---- errors and timeouts ----

const char *Socket::error_message() const { return error_text(error_code_); }

void Socket::set_error(int code) {
    error_code_ = code;
    set_last_error(code);
}

bool Socket::fail(int code) {
    set_error(code);
    return false;
}

bool Socket::usable() {
    if (fd_ < 0) return fail(EBADF);
    return true;
}

void Socket::set_timeout(Timeout kind, double seconds) { timeouts_[int(kind)] = normalize_timeout(seconds); }

void Socket::set_timeout(double seconds) {
    set_timeout(Timeout::connect, seconds);
    set_timeout(Timeout::read, seconds);
    set_timeout(Timeout::write, seconds);
}

double Socket::effective(Timeout kind, double call_timeout) const {
    if (call_timeout > 0) return call_timeout;
    if (call_timeout < 0) return -1;
    return timeouts_[int(kind)];
}

// ---- waiting ----

bool Socket::wait_event(int events, double timeout) {
    if (!usable()) return false;
    if (!Coroutine::current()) return poll_wait(events, timeout);
    // Reads wait on the socket's persistent watch; a second concurrent
    // reader-side wait (wait_event is not bound) and writes park on their own.
    WaitResult result = events == kEventRead && !read_watch_.busy() ? read_watch_.wait(fd_, timeout)
                                                                     : Coroutine::wait_fd(fd_, events, timeout);
    switch (result) {
        case WaitResult::ready: return closed_ ? fail(EBADF) : true;
        case WaitResult::timeout: return fail(ETIMEDOUT);
        case WaitResult::canceled: return fail(closed_ ? EBADF : ECANCELED);
        case WaitResult::error: return fail(last_error());
    }
    return fail(EINVAL);
}

bool Socket::poll_wait(int events, double timeout) {
    pollfd p{fd_, short((events & kEventRead ? POLLIN : 0) | (events & kEventWrite ? POLLOUT : 0)), 0};
    double end = timeout < 0 ? 0 : monotonic_seconds() + timeout;
    for (;;) {
        int ms = -1;
        if (timeout >= 0) {
            double left = end - monotonic_seconds();
            ms = left > 0 ? int(std::min(std::ceil(left * 1000), double(INT_MAX))) : 0;
        }
        int r = ::poll(&p, 1, ms);
        if (r > 0) return true;  // ready, or an error the next call will report
        if (r == 0) return fail(ETIMEDOUT);
        if (errno != EINTR) return fail(errno);
    }
}

bool Socket::wait_until(int events, Deadline &deadline) {
    double left = deadline.left();
    if (left == 0) return fail(ETIMEDOUT);
    return wait_event(events, left);
}

// The retry loop of every call: op() as a non-blocking system call; on
// EAGAIN wait (for the transport's events when it goes through one) and again.
template <class Op>
ssize_t Socket::io_loop(int events, bool via_transport, Deadline &deadline, Op &&op) {
    for (;;) {
        ssize_t r = op();
        if (r >= 0) return r;
        if (errno == EINTR) continue;
        if (!would_block(errno)) return fail_n(errno);
        if (via_transport && transport_) events = transport_->want_events();
        if (!wait_until(events, deadline)) return -1;
    }
}

ssize_t Socket::read_some(void *buf, size_t n, Deadline &deadline) {
    return io_loop(kEventRead, true, deadline, [&] {
        return transport_ ? transport_->read(fd_, buf, n) : ::recv(fd_, buf, n, 0);
    });
}

// A transport may have taken part of a write whose wait then failed (TLS:
// bytes encrypted and queued): they count as written, with the error set.
ssize_t Socket::committed_or_fail(ssize_t r) {
    if (r >= 0 || !transport_) return r;
    size_t taken = transport_->take_committed();
    return taken > 0 ? ssize_t(taken) : -1;
}

ssize_t Socket::write_some(const void *buf, size_t n, Deadline &deadline) {
    return committed_or_fail(io_loop(kEventWrite, true, deadline, [&] {
        return transport_ ? transport_->write(fd_, buf, n) : ::send(fd_, buf, n, MSG_NOSIGNAL);
    }));
}

namespace {

// The first entry with room left, or count.
int first_nonempty(const iovec *iov, int count) {
    int i = 0;
    while (i < count && iov[i].iov_len == 0) ++i;
    return i;
}

// Moves the vector past n bytes: drained entries become empty, a partly
// drained one starts later.
void advance(iovec *iov, int count, size_t n) {
    for (int i = 0; i < count && n > 0; ++i) {
        size_t step = std::min(n, iov[i].iov_len);
        iov[i].iov_base = static_cast<char *>(iov[i].iov_base) + step;
        iov[i].iov_len -= step;
        n -= step;
    }
}

size_t total_length(const iovec *iov, int count) {
    size_t total = 0;
    for (int i = 0; i < count; ++i) total += iov[i].iov_len;
    return total;
}

}  // namespace

ssize_t Socket::readv_some(iovec *iov, int count, Deadline &deadline) {
    if (count < 0 || count > IOV_MAX) return fail_n(EINVAL);
    return io_loop(kEventRead, true, deadline, [&]() -> ssize_t {
        if (!transport_) return ::readv(fd_, iov, count);
        int i = first_nonempty(iov, count);  // a transport reads one buffer at a time
        return i < count ? transport_->read(fd_, iov[i].iov_base, iov[i].iov_len) : 0;
    });
}

ssize_t Socket::writev_some(const iovec *iov, int count, Deadline &deadline) {
    if (count < 0 || count > IOV_MAX) return fail_n(EINVAL);
    return committed_or_fail(io_loop(kEventWrite, true, deadline, [&]() -> ssize_t {
        if (!transport_) {
            msghdr msg{};
            msg.msg_iov = const_cast<iovec *>(iov);
            msg.msg_iovlen = size_t(count);
            return ::sendmsg(fd_, &msg, MSG_NOSIGNAL);
        }
        int i = first_nonempty(iov, count);
        return i < count ? transport_->write(fd_, iov[i].iov_base, iov[i].iov_len) : 0;
    }));
}

// ---- setting up ----

bool Socket::bind(std::string_view address, int port) {
    if (!usable()) return false;
    SocketAddress addr;
    if (!addr.assign(domain_, address, port)) return fail(EINVAL);
    if ((domain_ == AF_INET || domain_ == AF_INET6) && type_ == SOCK_STREAM) set_option(SOL_SOCKET, SO_REUSEADDR, 1);
    if (::bind(fd_, addr.sa(), addr.length) != 0) return fail(errno);
    return true;
}

bool Socket::listen(int backlog) {
    if (!usable()) return false;
    if (::listen(fd_, backlog) != 0) return fail(errno);
    return true;
}

std::unique_ptr<Socket> Socket::accept(double timeout) {
    if (!usable()) return nullptr;
    Bound bound(*this, reader_id_);
    if (!bound) return nullptr;
    Deadline deadline(effective(Timeout::read, timeout));
    ssize_t fd = io_loop(kEventRead, false, deadline, [&]() -> ssize_t {
        int r = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (r < 0 && errno == ECONNABORTED) errno = EINTR;  // that one is gone: the next
        return r;
    });
    if (fd < 0) return nullptr;
    auto conn = std::make_unique<Socket>(int(fd), domain_, type_, protocol_);
    std::copy(std::begin(timeouts_), std::end(timeouts_), conn->timeouts_);
    return conn;
}

bool Socket::resolve(std::string_view host, int port, SocketAddress &out) {
    if (domain_ == AF_UNIX) return out.assign(AF_UNIX, host, 0) ? true : fail(ENAMETOOLONG);
    if (domain_ != AF_INET && domain_ != AF_INET6) return fail(EAFNOSUPPORT);
    if (port <= 0 || port > 65535 || host.empty()) return fail(EINVAL);
    if (out.assign(domain_, host, port)) return true;
    std::string name(host), ip;
    if (Coroutine::current()) {
        if (!gethostbyname(name, domain_, timeouts_[int(Timeout::dns)], ip)) {
            return fail(closed_ ? EBADF : last_error());
        }
    } else {
        // No coroutine: the caller asked to block (synchronous client).
        addrinfo hints{};
        hints.ai_family = domain_;
        hints.ai_socktype = type_;
        addrinfo *result = nullptr;
        if (::getaddrinfo(name.c_str(), nullptr, &hints, &result) != 0 || !result) {
            return fail(SW_ERROR_DNSLOOKUP_RESOLVE_FAILED);
        }
        SocketAddress found;
        std::copy_n(reinterpret_cast<const char *>(result->ai_addr), std::min<size_t>(result->ai_addrlen, sizeof found.storage),
                    reinterpret_cast<char *>(&found.storage));
        found.length = result->ai_addrlen;
        ::freeaddrinfo(result);
        ip = found.host();
    }
    if (closed_) return fail(EBADF);  // closed while resolving
    if (!out.assign(domain_, ip, port)) return fail(SW_ERROR_DNSLOOKUP_RESOLVE_FAILED);
    return true;
}

bool Socket::connect(std::string_view host, int port, double timeout) {
    if (!usable()) return false;
    Bound bound(*this, writer_id_);
    if (!bound) return false;
    SocketAddress addr;
    if (!resolve(host, port, addr)) return false;
    return connect_to(addr, effective(Timeout::connect, timeout));
}

bool Socket::connect(const SocketAddress &address, double timeout) {
    if (!usable()) return false;
    Bound bound(*this, writer_id_);
    if (!bound) return false;
    return connect_to(address, effective(Timeout::connect, timeout));
}

bool Socket::connect_to(const SocketAddress &address, double timeout) {
    int r;
    do {
        r = ::connect(fd_, address.sa(), address.length);
    } while (r != 0 && errno == EINTR);
    if (r == 0) return true;
    if (errno != EINPROGRESS && errno != EALREADY) return fail(errno);
    if (!wait_event(kEventWrite, timeout)) return false;
    int err = 0;
    socklen_t len = sizeof err;
    if (::getsockopt(fd_, SOL_SOCKET, SO_ERROR, &err, &len) != 0) return fail(errno);
    return err ? fail(err) : true;
}

// ---- stream I/O ----

ssize_t Socket::recv(void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    return read_some(buf, n, deadline);
}

ssize_t Socket::send(const void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, writer_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::write, timeout));
    return write_some(buf, n, deadline);
}

ssize_t Socket::recv_all(void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    auto *p = static_cast<char *>(buf);
    size_t done = 0;
    while (done < n) {
        ssize_t r = read_some(p + done, n - done, deadline);
        if (r < 0) return done ? ssize_t(done) : -1;
        if (r == 0) break;
        done += size_t(r);
    }
    return ssize_t(done);
}

ssize_t Socket::send_all(const void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, writer_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::write, timeout));
    const auto *p = static_cast<const char *>(buf);
    size_t done = 0;
    while (done < n) {
        ssize_t r = write_some(p + done, n - done, deadline);
        if (r < 0) return done ? ssize_t(done) : -1;
        done += size_t(r);
    }
    return ssize_t(done);
}

ssize_t Socket::readv(iovec *iov, int count, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    return readv_some(iov, count, deadline);
}

ssize_t Socket::writev(const iovec *iov, int count, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, writer_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::write, timeout));
    return writev_some(iov, count, deadline);
}

ssize_t Socket::readv_all(iovec *iov, int count, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    size_t want = total_length(iov, count), done = 0;
    while (done < want) {
        ssize_t r = readv_some(iov, count, deadline);
        if (r < 0) return done ? ssize_t(done) : -1;
        if (r == 0) break;
        done += size_t(r);
        advance(iov, count, size_t(r));
    }
    return ssize_t(done);
}

ssize_t Socket::writev_all(iovec *iov, int count, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, writer_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::write, timeout));
    size_t want = total_length(iov, count), done = 0;
    while (done < want) {
        ssize_t r = writev_some(iov, count, deadline);
        if (r < 0) return done ? ssize_t(done) : -1;
        done += size_t(r);
        advance(iov, count, size_t(r));
    }
    return ssize_t(done);
}

ssize_t Socket::fill(Framer &framer, size_t min_free, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    std::span<char> room = framer.prepare(std::max<size_t>(min_free, 1));
    if (room.empty()) return fail_n(ENOMEM);
    Deadline deadline(effective(Timeout::read, timeout));
    ssize_t r = read_some(room.data(), room.size(), deadline);
    if (r > 0) framer.commit(size_t(r));
    return r;
}

ssize_t Socket::peek(void *buf, size_t n) {
    if (!usable()) return -1;
    // A transport shows its decoded bytes (TLS: plaintext, never records);
    // it may pull from the fd only while no reader waits on it.
    bool may_read_fd = reader_id_ == 0;
    for (;;) {
        ssize_t r = transport_ ? transport_->peek(fd_, buf, n, may_read_fd) : ::recv(fd_, buf, n, MSG_PEEK | MSG_DONTWAIT);
        if (r >= 0) return r;
        if (errno != EINTR) return fail_n(errno);
    }
}

bool Socket::check_liveness() {
    if (!usable()) return false;
    char byte;
    // With TLS up, a close_notify (or a failed session) means gone, and
    // records not yet decrypted mean alive; before the handshake, and
    // without TLS, the raw stream tells.
    bool through_tls = tls_ && tls_->session().handshake_done();
    for (;;) {
        ssize_t r = through_tls ? tls_->peek(fd_, &byte, 1, reader_id_ == 0)
                                : ::recv(fd_, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
        if (r > 0) return true;
        if (r == 0) return fail(ECONNRESET);
        if (errno == EINTR) continue;
        if (would_block(errno)) return true;
        return fail(errno);
    }
}

ssize_t Socket::recv_packet(Framer &framer, std::string_view &packet, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    for (;;) {
        switch (framer.next(packet)) {
            case Framer::Status::packet: return ssize_t(packet.size());
            case Framer::Status::error: return fail_n(framer.error());
            case Framer::Status::need_more: break;
        }
        std::span<char> room = framer.prepare(std::max(framer.wanted(), kPacketReadChunk));
        if (room.empty()) return fail_n(ENOMEM);
        ssize_t r = read_some(room.data(), room.size(), deadline);
        if (r < 0) return -1;
        if (r == 0) {
            if (framer.buffered() > 0) set_error(ECONNRESET);  // ended inside a packet
            return 0;
        }
        framer.commit(size_t(r));
    }
}

bool Socket::sendfile(const char *path, off_t offset, size_t length, double timeout) {
    if (!usable()) return false;
    Bound bound(*this, writer_id_);
    if (!bound) return false;
    if (transport_ && !transport_->allows_sendfile()) return fail(SW_ERROR_SSL_CANNOT_USE_SENFILE);
    FdCloser file{::open(path, O_RDONLY | O_CLOEXEC)};
    if (file.fd < 0) return fail(errno);
    struct stat st;
    if (::fstat(file.fd, &st) != 0) return fail(errno);
    if (offset < 0 || offset > st.st_size) return fail(EINVAL);
    size_t left = length ? length : size_t(st.st_size - offset);
    if (left > size_t(st.st_size - offset)) return fail(EINVAL);
    Deadline deadline(effective(Timeout::write, timeout));
    off_t at = offset;
    while (left > 0) {
        ssize_t r = io_loop(kEventWrite, false, deadline,
                            [&] { return ::sendfile(fd_, file.fd, &at, std::min<size_t>(left, 0x7ffff000)); });
        if (r < 0) return false;
        if (r == 0) return fail(EIO);  // the file shrank under us
        left -= size_t(r);
    }
    return true;
}

// ---- datagrams ----

ssize_t Socket::recvfrom(void *buf, size_t n, SocketAddress *from, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, reader_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::read, timeout));
    return io_loop(kEventRead, false, deadline, [&] {
        socklen_t len = sizeof(sockaddr_storage);
        ssize_t r = ::recvfrom(fd_, buf, n, 0, from ? from->sa() : nullptr, from ? &len : nullptr);
        if (r >= 0 && from) from->length = len;
        return r;
    });
}

ssize_t Socket::sendto(std::string_view host, int port, const void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    SocketAddress to;
    {
        Bound bound(*this, writer_id_);  // held while resolving, released for the send below
        if (!bound) return -1;
        if (!resolve(host, port, to)) return -1;
    }
    return sendto(to, buf, n, timeout);
}

ssize_t Socket::sendto(const SocketAddress &to, const void *buf, size_t n, double timeout) {
    if (!usable()) return -1;
    Bound bound(*this, writer_id_);
    if (!bound) return -1;
    Deadline deadline(effective(Timeout::write, timeout));
    return io_loop(kEventWrite, false, deadline,
                   [&] { return ::sendto(fd_, buf, n, MSG_NOSIGNAL, to.sa(), to.length); });
}

// ---- ending ----

bool Socket::shutdown(int how) {
    if (!usable()) return false;
    if (::shutdown(fd_, how) != 0) return fail(errno);
    return true;
}

bool Socket::close() {
    if (fd_ < 0) return fail(EBADF);
    closed_ = true;
    // Wake whoever is parked here while the fd is still open (their wait
    // removes its event); they see closed_ and fail with EBADF.
    int64_t self = Coroutine::current_id();
    if (reader_id_ > 0 && reader_id_ != self) Coroutine::cancel(reader_id_);
    if (writer_id_ > 0 && writer_id_ != self) Coroutine::cancel(writer_id_);
    read_watch_.disarm();  // before the fd number can be reused
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0 && errno != EINTR) return fail(errno);
    return true;
}

int Socket::release_fd() {
    read_watch_.disarm();
    int fd = fd_;
    fd_ = -1;
    closed_ = true;
    return fd;
}

// ---- addresses and options ----

bool Socket::getsockname(SocketAddress &out) {
    if (!usable()) return false;
    out.length = sizeof out.storage;
    if (::getsockname(fd_, out.sa(), &out.length) != 0) return fail(errno);
    return true;
}

bool Socket::getpeername(SocketAddress &out) {
    if (!usable()) return false;
    out.length = sizeof out.storage;
    if (::getpeername(fd_, out.sa(), &out.length) != 0) return fail(errno);
    return true;
}

bool Socket::set_option(int level, int name, const void *value, socklen_t length) {
    if (!usable()) return false;
    if (::setsockopt(fd_, level, name, value, length) != 0) return fail(errno);
    return true;
}

bool Socket::get_option(int level, int name, void *value, socklen_t *length) {
    if (!usable()) return false;
    if (::getsockopt(fd_, level, name, value, length) != 0) return fail(errno);
    return true;
}

bool Socket::get_option(int level, int name, int &value) {
    socklen_t len = sizeof value;
    return get_option(level, name, &value, &len);
}

// ---- coroutines ----

bool Socket::cancel(int events) {
    bool any = false;
    if ((events & kEventRead) && reader_id_ > 0) any = Coroutine::cancel(reader_id_) || any;
    if ((events & kEventWrite) && writer_id_ > 0) any = Coroutine::cancel(writer_id_) || any;
    return any;
}

// ---- TLS ----

TlsSession *Socket::tls() const { return tls_ ? &tls_->session() : nullptr; }

bool Socket::enable_tls(std::shared_ptr<const TlsContext> context, std::string_view host_name) {
    if (!usable()) return false;
    if (type_ != SOCK_STREAM || !context) return fail(EINVAL);
    if (tls_) return fail(EISCONN);
    tls_ = std::make_unique<SocketTls>(std::move(context), host_name);
    transport_ = tls_.get();
    return true;
}

bool Socket::tls_handshake(double timeout) {
    if (!usable()) return false;
    if (!tls_) return fail(SW_ERROR_SSL_NOT_READY);
    // The handshake both reads and writes: it holds both sides.
    Bound reading(*this, reader_id_);
    if (!reading) return false;
    Bound writing(*this, writer_id_);
    if (!writing) return false;
    Deadline deadline(effective(Timeout::read, timeout));
    return io_loop(kEventRead, true, deadline, [&] { return tls_->io().handshake(fd_); }) >= 0;
}

bool Socket::tls_shutdown(double timeout) {
    if (!tls_ || !tls_->session().handshake_done() || tls_->session().failed()) return true;
    if (!usable()) return false;
    Bound writing(*this, writer_id_);
    if (!writing) return false;
    Deadline deadline(effective(Timeout::write, timeout));
    return io_loop(kEventWrite, true, deadline, [&] { return tls_->io().shutdown(fd_); }) >= 0;
}

}  // namespace swoole::kernel
