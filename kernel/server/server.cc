// Connection handling of the server core: accept, read + protocol input,
// buffered writes, close, and the session API (send/close/pause/...).
// The process side (start, workers, stop) is in server_process.cc.
#include "server/server.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/error.h"
#include "base/log.h"
#include "coroutine/coroutine.h"
#include "process/process_manager.h"
#include "server/conn_io.h"
#include "server/master.h"
#include "server/process_worker.h"
#include "server/reactor_thread.h"
#include "server/protocol.h"
#include "tls/tls_fd.h"
#include "tls/tls_session.h"

namespace swoole::kernel {

namespace {
constexpr int kAcceptBatch = 64;   // accepts per readiness of a listener
constexpr int kDgramBatch = 64;    // datagrams per readiness
constexpr size_t kRawReadSize = 64 * 1024;  // a raw read delivers at most this
constexpr size_t kMaxPorts = 128;
}  // namespace

// PROCESS mode: the session API works in a worker only (the master's
// connections are driven by its reactor threads).
#define SW_PROCESS_WORKER_CALL(call, ...)                      \
    do {                                                        \
        if (pm_) {                                              \
            if (ProcessWorker *pw_ = pm_->worker()) return pw_->call; \
            set_last_error(SW_ERROR_SERVER_SEND_IN_MASTER);     \
            return __VA_ARGS__;                                 \
        }                                                       \
    } while (0)

Connection::Connection() = default;
Connection::~Connection() = default;

double Server::now() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec / 1000) / 1e6;
}

Server::Server(const ServerEvents &events) : events_(events) {}

Server::~Server() {
    std::vector<Connection *> left;
    left.reserve(sessions_.size());
    for (auto &[id, conn] : sessions_) left.push_back(conn);
    for (Connection *conn : left) {
        if (conn->interest && reactor_) reactor_->remove(conn->fd);
        ::close(conn->fd);
        delete conn;
    }
    sessions_.clear();
    ports_.clear();
    if (master_pid_ == getpid() || master_pid_ == 0) ServerStats::release(stats_);
}

ListenPort *Server::add_port(SocketType type, std::string_view host, int port) {
    if (running_) {
        set_last_error(SW_ERROR_SERVER_ONLY_START_ONE);
        errno = EBUSY;
        return nullptr;
    }
    if (ports_.size() >= kMaxPorts) {
        set_last_error(SW_ERROR_SERVER_TOO_MANY_LISTEN_PORT);
        errno = EMFILE;
        return nullptr;
    }
    if (type < kSockTcp || type > kSockUnixDgram) {
        set_last_error(SW_ERROR_SERVER_INVALID_LISTEN_PORT);
        errno = EINVAL;
        return nullptr;
    }
    auto p = std::make_unique<ListenPort>(static_cast<int>(ports_.size()), type, host, port);
    if (!p->open(false)) {
        int e = errno;
        set_last_error(e);
        errno = e;
        return nullptr;
    }
    p->server = this;
    ports_.push_back(std::move(p));
    return ports_.back().get();
}

int Server::add_systemd_ports() {
    // Socket activation hands fds 3 .. 3+LISTEN_FDS-1 to the process LISTEN_PID names.
    constexpr int kFirstFd = 3;
    const char *pid = ::getenv("LISTEN_PID");
    const char *fds = ::getenv("LISTEN_FDS");
    if (!pid || !fds || std::atol(pid) != static_cast<long>(::getpid())) {
        errno = ENOENT;
        return 0;
    }
    int n = std::atoi(fds);
    if (n <= 0) {
        errno = ENOENT;
        return 0;
    }
    int added = 0;
    for (int fd = kFirstFd; fd < kFirstFd + n; ++fd) {
        if (running_ || ports_.size() >= kMaxPorts) {
            errno = running_ ? EBUSY : EMFILE;
            return added;
        }
        auto p = std::make_unique<ListenPort>(static_cast<int>(ports_.size()), kSockTcp, "", 0);
        if (!p->adopt(fd)) {
            int e = errno;
            SW_WARN("Server: the systemd socket fd %d cannot be used, Error: %s[%d]", fd, strerror(e), e);
            errno = e;
            return added;
        }
        p->server = this;
        ports_.push_back(std::move(p));
        ++added;
    }
    return added;
}

// ---- accepting

void Server::on_accept_ready(int, int, void *arg) {
    auto *port = static_cast<ListenPort *>(arg);
    port->server->accept_from(*port);
}

void Server::accept_from(ListenPort &port) {
    for (int i = 0; i < kAcceptBatch && !stopping_; ++i) {
        SocketAddress peer;
        peer.length = sizeof peer.storage;
        int fd = ::accept4(port.fd(), peer.sa(), &peer.length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EMFILE || errno == ENFILE) SW_WARN("accept() failed: too many open files");
            return;  // EAGAIN: another worker took it, or nothing left
        }
        stats_->accept_count.fetch_add(1, std::memory_order_relaxed);
        if (stats_->connection_num.load(std::memory_order_relaxed) >= settings.max_conn) {
            stats_->abort_count.fetch_add(1, std::memory_order_relaxed);
            ::close(fd);
            continue;
        }
        const PortSettings &ps = port.settings;
        if (port.type() != kSockUnixStream) {
            int on = 1;
            if (ps.open_tcp_nodelay) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            if (ps.open_tcp_keepalive) {
                setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &ps.tcp_keepidle, sizeof ps.tcp_keepidle);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &ps.tcp_keepinterval, sizeof ps.tcp_keepinterval);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &ps.tcp_keepcount, sizeof ps.tcp_keepcount);
            }
        }
        auto *conn = new Connection();
        conn->server = this;
        conn->fd = fd;
        conn->port = &port;
        conn->reactor_id = worker_id_ < 0 ? 0 : worker_id_;
        conn->peer = peer;
        conn->session = stats_->last_session_id.fetch_add(1, std::memory_order_relaxed) + 1;
        conn->connect_time = now();
        if (!ps.protocol && ps.framing) {
            conn->input.configure(ps.framing_options);
        } else {
            FramingOptions raw;
            raw.package_max_length = ps.framing_options.package_max_length;
            conn->input.configure(raw);
        }
        sessions_.emplace(conn->session, conn);
        stats_->connection_num.fetch_add(1, std::memory_order_relaxed);
        ++port.connection_num;
        if (ps.tls) {
            conn->tls = std::make_unique<TlsSession>(ps.tls);
            conn->tls_io = std::make_unique<TlsFdIo>(*conn->tls);
            update_interest(*conn);
        } else {
            establish(*conn);
        }
    }
}

void Server::establish(Connection &conn) {
    conn.established = true;
    const ServerProtocol *proto = conn.port->settings.protocol;
    if (proto && proto->open) {
        int rc = proto->open(proto->self, &conn, &conn.proto_state);
        if (rc != 0) {
            set_last_error(rc);
            close_conn(conn, true, conn.reactor_id);
            return;
        }
    }
    conn.proto_open = true;
    conn.paused = settings.enable_delay_receive;
    if (events_.on_connect) events_.on_connect(events_.ctx, *this, conn);
    if (conn.closing) return;
    if (!conn.output.empty() && !flush(conn)) return;
    update_interest(conn);
    // TLS may hold decrypted bytes that arrived with the handshake.
    if (conn.tls && !conn.paused && conn.tls_io->pending() > 0) read_conn(conn);
}

// ---- connection events

void Server::on_conn_ready(int, int events, void *arg) {
    auto *conn = static_cast<Connection *>(arg);
    conn->server->handle_conn(*conn, events);
}

void Server::handle_conn(Connection &conn, int events) {
    if (!conn.established) {
        ssize_t rc = conn.tls_io->handshake(conn.fd);
        if (rc == 0) {
            establish(conn);
        } else if (errno == EAGAIN) {
            update_interest(conn);
        } else {
            conn.close_errno = errno;
            close_conn(conn, true, conn.reactor_id);  // no connect callback ran: no close callback either
        }
        return;
    }
    if ((events & kEventWrite) && !flush(conn)) return;
    if (!(events & kEventRead)) return;
    // TLS may keep decrypted bytes (or whole records) that the fd will not
    // signal again: read on while the session holds some.
    for (int i = 0; i < 16 && conn.fd >= 0 && !conn.closing && !conn.paused; ++i) {
        if (!read_conn(conn) || !conn.tls || conn.tls_io->pending() == 0) break;
    }
}

bool Server::read_conn(Connection &conn) {
    const PortSettings &ps = conn.port->settings;
    if (!ps.protocol && !ps.framing && conn.input.buffered() == 0) {
        // Raw port: a read is the packet. It goes through the worker's one
        // read buffer, so an idle connection holds no input memory at all.
        ssize_t n = conn.tls ? conn.tls_io->read(conn.fd, io_buf_.get(), kRawReadSize)
                             : ::recv(conn.fd, io_buf_.get(), kRawReadSize, 0);
        if (n > 0) {
            conn.last_recv_time = now();
            stats_->total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
            deliver(conn, {io_buf_.get(), static_cast<size_t>(n)});
            return true;
        }
        read_failed(conn, n);
        return false;
    }
    size_t want = conn.input.mode() == Framer::Mode::raw ? kRawReadSize : std::max(conn.input.wanted(), kRawReadSize);
    std::span<char> space = conn.input.prepare(want);
    size_t len = conn.input.mode() == Framer::Mode::raw ? std::min(space.size(), kRawReadSize) : space.size();
    ssize_t n = conn.tls ? conn.tls_io->read(conn.fd, space.data(), len) : ::recv(conn.fd, space.data(), len, 0);
    if (n > 0) {
        conn.input.commit(static_cast<size_t>(n));
        conn.last_recv_time = now();
        stats_->total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
        run_input(conn);
        return true;
    }
    read_failed(conn, n);
    return false;
}

void Server::read_failed(Connection &conn, ssize_t n) {
    if (n == 0) {
        conn.peer_closed = true;
        close_conn(conn, false, conn.reactor_id);
        return;
    }
    if (errno == EAGAIN || errno == EINTR) return;
    conn.close_errno = errno;
    close_conn(conn, true, conn.reactor_id);
}

void Server::run_input(Connection &conn) {
    const ServerProtocol *proto = conn.port->settings.protocol;
    if (!proto) proto = framing_protocol();
    conn.in_input = true;
    int rc = proto->input(proto->self, conn.proto_state, &conn);
    conn.in_input = false;
    if (conn.closing) return;
    if (rc == 0 && conn.port->settings.protocol &&
        conn.input.buffered() > conn.port->settings.framing_options.package_max_length) {
        rc = SW_ERROR_PACKAGE_LENGTH_TOO_LARGE;
    }
    if (rc != 0) {
        set_last_error(rc);
        SW_WARN("session#%lld from %s:%d closed: %s", static_cast<long long>(conn.session), conn.peer.host().c_str(),
                conn.peer.port(), error_text(rc));
        conn.close_errno = rc;
        close_conn(conn, true, conn.reactor_id);
    }
}

int Server::deliver(Connection &conn, std::string_view packet) {
    if (pm_) return pm_->thread(conn.reactor_id).deliver(conn, packet);
    if (conn.closing || conn.paused) return 1;
    stats_->request_count.fetch_add(1, std::memory_order_relaxed);
    ++worker_stats_.request_count;
    conn.last_dispatch_time = conn.last_recv_time;
    if (events_.on_receive) events_.on_receive(events_.ctx, *this, conn, packet);
    if (settings.max_request > 0 && worker_stats_.request_count >= settings.max_request && !single()) stop_worker();
    return (conn.closing || conn.paused) ? 1 : 0;
}

// ---- writing

int Server::send_to_conn(Connection &conn, const char *data, size_t length) {
    if (pm_) return pm_->thread(conn.reactor_id).send_to_conn(conn, data, length);
    if (conn.closing) return SW_ERROR_SESSION_CLOSING;
    if (length == 0) return 0;
    if (length > settings.buffer_output_size) return SW_ERROR_DATA_LENGTH_TOO_LARGE;
    const PortSettings &ps = conn.port->settings;
    if (ps.socket_buffer_size > 0 && conn.output.size() + length > ps.socket_buffer_size) {
        return SW_ERROR_OUTPUT_BUFFER_OVERFLOW;
    }
    stats_->response_count.fetch_add(1, std::memory_order_relaxed);
    stats_->total_send_bytes.fetch_add(static_cast<int64_t>(length), std::memory_order_relaxed);
    ++worker_stats_.response_count;
    conn.last_send_time = now();
    ssize_t n = send_direct(conn, data, length);
    if (n == static_cast<ssize_t>(length)) return 0;
    if (n < 0) {
        int e = errno;
        conn.close_errno = e;
        close_conn(conn, true, conn.reactor_id);
        return e;
    }
    data += n;
    length -= static_cast<size_t>(n);
    bool was_empty = conn.output.empty();
    conn.output.append(data, length);
    if (conn.tls && conn.established && was_empty) {
        if (!flush(conn)) return conn.fd < 0 && conn.close_errno ? conn.close_errno : 0;
    } else {
        update_interest(conn);
    }
    if (!conn.buffer_full && conn.output.size() >= ps.high_watermark() && ps.socket_buffer_size > 0) {
        conn.buffer_full = true;
        if (events_.on_buffer_full) events_.on_buffer_full(events_.ctx, *this, conn);
    }
    return 0;
}

// BASE: a file range behind the queued output (the buffer owns file_fd).
int Server::queue_file(Connection &conn, int file_fd, off_t offset, size_t length) {
    if (conn.closing) {
        ::close(file_fd);
        return SW_ERROR_SESSION_CLOSING;
    }
    stats_->response_count.fetch_add(1, std::memory_order_relaxed);
    stats_->total_send_bytes.fetch_add(static_cast<int64_t>(length), std::memory_order_relaxed);
    ++worker_stats_.response_count;
    conn.last_send_time = now();
    bool was_empty = conn.output.empty();
    conn.output.append_file(file_fd, offset, length);
    if (conn.established && was_empty) {
        if (!flush(conn)) return conn.fd < 0 && conn.close_errno ? conn.close_errno : 0;
    } else {
        update_interest(conn);
    }
    return 0;
}

bool Server::flush(Connection &conn) {
    if (int err = drain_output(conn)) {
        conn.close_errno = err;
        conn.output.clear();
        if (!conn.closing) {
            close_conn(conn, true, conn.reactor_id);
        } else {
            destroy(conn);
        }
        return false;
    }
    const PortSettings &ps = conn.port->settings;
    if (!drain_waits_.empty() && conn.output.size() <= ps.buffer_low_watermark) notify_drained(conn, 0);
    if (conn.buffer_full && conn.output.size() <= ps.buffer_low_watermark) {
        conn.buffer_full = false;
        if (events_.on_buffer_empty) events_.on_buffer_empty(events_.ctx, *this, conn);
        if (conn.fd < 0) return false;
    }
    if (conn.closing && conn.output.empty()) {
        destroy(conn);
        return false;
    }
    update_interest(conn);
    return true;
}

void Server::update_interest(Connection &conn) {
    if (conn.fd < 0 || !reactor_) return;
    int want = 0;
    if (!conn.established) {
        want = conn.tls_io->want_events() ? conn.tls_io->want_events() : kEventRead;
    } else {
        if (!conn.paused && !conn.closing && !stopping_) want |= kEventRead;
        if (!conn.output.empty()) want |= kEventWrite;
    }
    if (want == conn.interest) return;
    if (conn.interest == 0) {
        reactor_->add(conn.fd, want, on_conn_ready, &conn);
    } else if (want == 0) {
        reactor_->remove(conn.fd);
    } else {
        reactor_->modify(conn.fd, want);
    }
    conn.interest = want;
}

// ---- closing

bool Server::close_conn(Connection &conn, bool reset, int reactor_id) {
    if (pm_) return pm_->thread(conn.reactor_id).close_conn(conn, reset, reactor_id);
    if (conn.closing) {
        set_last_error(SW_ERROR_SESSION_CLOSING);
        return false;
    }
    conn.closing = true;
    const ServerProtocol *proto = conn.port->settings.protocol;
    if (conn.proto_open && proto && proto->close) proto->close(proto->self, conn.proto_state, &conn);
    conn.proto_open = false;
    if (conn.established && !conn.close_notified) {
        conn.close_notified = true;
        if (events_.on_close) events_.on_close(events_.ctx, *this, conn, reactor_id);
    }
    if (conn.fd < 0) return true;
    if (reset || conn.output.empty() || conn.peer_closed) {
        if (reset) {
            linger lg{1, 0};  // RST: the queued output is dropped
            setsockopt(conn.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        }
        if (conn.peer_closed && !reset && !conn.output.empty()) flush(conn);
        if (conn.fd >= 0) destroy(conn);
    } else {
        update_interest(conn);
    }
    return true;
}

void Server::on_free_deferred(void *arg) {
    auto *conn = static_cast<Connection *>(arg);
    --conn->server->pending_frees_;
    delete conn;
}

void Server::destroy(Connection &conn) {
    if (conn.fd < 0) return;
    if (conn.interest && reactor_) reactor_->remove(conn.fd);
    conn.interest = 0;
    ::close(conn.fd);
    conn.fd = -1;
    conn.closing = true;
    conn.output.clear();
    if (!drain_waits_.empty()) notify_drained(conn, SW_ERROR_SESSION_CLOSED);
    sessions_.erase(conn.session);
    stats_->connection_num.fetch_sub(1, std::memory_order_relaxed);
    stats_->close_count.fetch_add(1, std::memory_order_relaxed);
    --conn.port->connection_num;
    // Callbacks up the stack may still hold the connection: free it next turn.
    if (reactor_) {
        ++pending_frees_;
        reactor_->defer(on_free_deferred, &conn);
    } else {
        delete &conn;
    }
}

// ---- the session API

Connection *Server::lookup(SessionId session, bool allow_closing) const {
    if (session <= 0) {
        set_last_error(SW_ERROR_SESSION_INVALID_ID);
        return nullptr;
    }
    auto it = sessions_.find(session);
    if (it == sessions_.end()) {
        set_last_error(SW_ERROR_SESSION_NOT_EXIST);
        return nullptr;
    }
    if (it->second->closing && !allow_closing) {
        set_last_error(SW_ERROR_SESSION_CLOSING);
        return nullptr;
    }
    return it->second;
}

Connection *Server::find(SessionId session) const {
    SW_PROCESS_WORKER_CALL(find(session), nullptr);
    return lookup(session, false);
}

// A coroutine parked until its connection's output drained (sendwait: all
// of it; send_yield: down to the port's low watermark).
struct Server::DrainWait {
    SessionId session;
    int64_t co;
    int result = -1;  // -1 waiting, 0 drained, else the error
    bool room = false;  // send_yield: wake at the low watermark
    Server *server = nullptr;
};

bool Server::send(SessionId session, std::string_view data) {
    SW_PROCESS_WORKER_CALL(send(session, data), false);
    Connection *conn = lookup(session, false);
    if (!conn) return false;
    int rc = send_to_conn(*conn, data.data(), data.size());
    // send_yield: a coroutine waits for room instead of failing with 1009 (as
    // PROCESS mode: process_worker.h), until send_timeout (ETIMEDOUT). One
    // send bigger than the whole buffer never fits: no use waiting.
    while (rc == SW_ERROR_OUTPUT_BUFFER_OVERFLOW && settings.send_yield && reactor_ && Coroutine::current() &&
           data.size() <= conn->port->settings.socket_buffer_size) {
        DrainWait w{session, Coroutine::current_id()};
        w.room = true;
        w.server = this;
        drain_waits_.push_back(&w);
        TimerId timer = 0;
        if (settings.send_timeout > 0) {
            auto on_timeout = [](TimerId, void *arg) {
                auto *wait = static_cast<DrainWait *>(arg);
                if (wait->result >= 0) return;  // notified: its wake is on the way
                wait->result = ETIMEDOUT;
                auto &list = wait->server->drain_waits_;
                list.erase(std::remove(list.begin(), list.end(), wait), list.end());
                Coroutine::wake(wait->co);
            };
            timer = reactor_->after(static_cast<uint64_t>(std::max(1.0, settings.send_timeout * 1000)), on_timeout, &w);
        }
        while (w.result < 0) {
            if (Coroutine::park() != WaitResult::ready) break;  // canceled
        }
        if (w.result < 0) {
            drain_waits_.erase(std::remove(drain_waits_.begin(), drain_waits_.end(), &w), drain_waits_.end());
            w.result = SW_ERROR_CO_CANCELED;
        }
        if (timer && w.result != ETIMEDOUT) reactor_->clear(timer);
        if (w.result != 0) {
            rc = w.result;
            break;
        }
        conn = lookup(session, false);
        if (!conn) return false;
        rc = send_to_conn(*conn, data.data(), data.size());
    }
    if (rc != 0) set_last_error(rc);
    return rc == 0;
}

bool Server::send_file(SessionId session, const char *path, off_t offset, size_t length) {
    SW_PROCESS_WORKER_CALL(send_file(session, path, offset, length), false);
    Connection *conn = lookup(session, false);
    if (!conn) return false;
    int file = ::open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        set_last_error(errno);
        return false;
    }
    int rc = queue_file(*conn, file, offset, length);
    if (rc != 0) set_last_error(rc);
    return rc == 0;
}

// ---- sendwait

void Server::on_drained_deferred(void *arg) { Coroutine::wake(static_cast<int64_t>(reinterpret_cast<intptr_t>(arg))); }

// The waiters of conn whose wait is over, resumed next turn (not from inside
// flush/destroy): all of them on an error, else the send_yield ones and,
// once nothing is queued, the sendwait ones.
void Server::notify_drained(Connection &conn, int result) {
    for (size_t i = 0; i < drain_waits_.size();) {
        DrainWait *w = drain_waits_[i];
        if (w->session != conn.session || (result == 0 && !w->room && !conn.output.empty())) {
            ++i;
            continue;
        }
        w->result = result;
        drain_waits_.erase(drain_waits_.begin() + static_cast<long>(i));
        if (reactor_) reactor_->defer(on_drained_deferred, reinterpret_cast<void *>(static_cast<intptr_t>(w->co)));
    }
}

bool Server::send_wait(SessionId session, std::string_view data) {
    if (pm_) {
        set_last_error(SW_ERROR_OPERATION_NOT_SUPPORT);
        return false;
    }
    Connection *conn = lookup(session, false);
    if (!conn) return false;
    int rc = send_to_conn(*conn, data.data(), data.size());
    if (rc != 0) {
        set_last_error(rc);
        return false;
    }
    if (conn->output.empty()) return true;
    if (Coroutine::current() && reactor_) {
        DrainWait w{session, Coroutine::current_id()};
        drain_waits_.push_back(&w);
        while (w.result < 0) {
            if (Coroutine::park() != WaitResult::ready) break;  // canceled
        }
        if (w.result < 0) {
            for (size_t i = 0; i < drain_waits_.size(); ++i) {
                if (drain_waits_[i] == &w) drain_waits_.erase(drain_waits_.begin() + static_cast<long>(i));
            }
            set_last_error(SW_ERROR_CO_CANCELED);
            return false;
        }
        if (w.result != 0) set_last_error(w.result);
        return w.result == 0;
    }
    // No coroutine: write here, blocking, as the loop would.
    while (conn->fd >= 0 && !conn->output.empty()) {
        short events = POLLOUT;
        if (conn->tls && conn->tls_io->want_events() == kEventRead) events = POLLIN;
        pollfd p{conn->fd, events, 0};
        if (::poll(&p, 1, -1) < 0 && errno != EINTR) break;
        if (!flush(*conn)) break;
    }
    if (!conn->output.empty() || (conn->fd < 0 && conn->close_errno != 0)) {
        set_last_error(conn->close_errno ? conn->close_errno : SW_ERROR_SESSION_CLOSED);
        return false;
    }
    return true;
}

bool Server::sendto(const SocketAddress &addr, std::string_view data, const ListenPort *port) {
    if (!port) {
        for (auto &p : ports_) {
            if (p->is_dgram() && p->family() == addr.family() && p->fd() >= 0) {
                port = p.get();
                break;
            }
        }
    }
    if (!port || !port->is_dgram() || port->fd() < 0) {
        set_last_error(SW_ERROR_SERVER_INVALID_LISTEN_PORT);
        return false;
    }
    if (data.size() > settings.buffer_output_size) {
        set_last_error(SW_ERROR_DATA_LENGTH_TOO_LARGE);
        return false;
    }
    ssize_t n = ::sendto(port->fd(), data.data(), data.size(), MSG_DONTWAIT | MSG_NOSIGNAL, addr.sa(), addr.length);
    if (n < 0) {
        set_last_error(errno);
        return false;
    }
    stats_->total_send_bytes.fetch_add(n, std::memory_order_relaxed);
    return true;
}

bool Server::close(SessionId session, bool reset) {
    SW_PROCESS_WORKER_CALL(close(session, reset), false);
    Connection *conn = lookup(session, true);
    if (!conn) return false;
    return close_conn(*conn, reset, -1);
}

void Server::on_resume_deferred(void *arg) {
    auto *conn = static_cast<Connection *>(arg);
    if (conn->fd >= 0 && !conn->closing && !conn->paused && conn->input.buffered() > 0) conn->server->run_input(*conn);
}

bool Server::pause(SessionId session) {
    SW_PROCESS_WORKER_CALL(pause(session), false);
    Connection *conn = lookup(session, false);
    if (!conn || conn->paused) return false;
    conn->paused = true;
    update_interest(*conn);
    return true;
}

bool Server::resume(SessionId session) {
    SW_PROCESS_WORKER_CALL(resume(session), false);
    Connection *conn = lookup(session, false);
    if (!conn || !conn->paused) return false;
    conn->paused = false;
    update_interest(*conn);
    // Packets framed before the pause are still buffered: hand them out next turn.
    if (conn->input.buffered() > 0 && reactor_) reactor_->defer(on_resume_deferred, conn);
    return true;
}

bool Server::exist(SessionId session) const {
    SW_PROCESS_WORKER_CALL(exist(session), false);
    auto it = session > 0 ? sessions_.find(session) : sessions_.end();
    return it != sessions_.end() && !it->second->closing;
}

bool Server::protect(SessionId session, bool value) {
    SW_PROCESS_WORKER_CALL(protect(session, value), false);
    Connection *conn = lookup(session, false);
    if (!conn) return false;
    conn->protect = value;
    return true;
}

bool Server::bind_uid(SessionId session, uint32_t uid) {
    SW_PROCESS_WORKER_CALL(bind_uid(session, uid), false);
    Connection *conn = lookup(session, false);
    if (!conn || conn->uid_bound) return false;
    conn->uid = uid;
    conn->uid_bound = true;
    return true;
}

bool Server::client_info(SessionId session, ClientInfo &info, bool ignore_error) const {
    SW_PROCESS_WORKER_CALL(client_info(session, info, ignore_error), false);
    Connection *conn = lookup(session, true);
    if (!conn) return false;
    // Inside the close callback the record is still there; afterwards only
    // ignore_error shows a closing one.
    if (conn->closing && !conn->close_notified && !ignore_error) return false;
    info.uid_bound = conn->uid_bound;
    info.uid = conn->uid;
    info.worker_id = worker_id_;
    info.server_port = conn->port->port();
    info.server_fd = conn->port->fd();
    info.socket_fd = conn->fd;
    info.socket_type = conn->port->type();
    info.remote_port = conn->peer.port();
    info.remote_ip = conn->peer.host();
    info.reactor_id = conn->reactor_id;
    info.connect_time = conn->connect_time;
    info.last_recv_time = conn->last_recv_time;
    info.last_send_time = conn->last_send_time;
    info.last_dispatch_time = conn->last_dispatch_time;
    info.close_errno = conn->close_errno;
    info.recv_queued_bytes = conn->input.buffered();
    info.send_queued_bytes = conn->output.size();
    info.ssl = conn->tls != nullptr;
    return true;
}

bool Server::client_list(SessionId start, size_t count, std::vector<SessionId> &out) const {
    SW_PROCESS_WORKER_CALL(client_list(start, count, out), false);
    out.clear();
    if (start < 0 || (start > 0 && !sessions_.count(start))) {
        set_last_error(SW_ERROR_SESSION_NOT_EXIST);
        return false;
    }
    for (auto &[id, conn] : sessions_) {
        if (id > start && !conn->closing) out.push_back(id);
    }
    std::sort(out.begin(), out.end());
    if (out.size() > count) out.resize(count);
    return !out.empty();
}

bool Server::heartbeat(bool close_them, std::vector<SessionId> *idle) {
    SW_PROCESS_WORKER_CALL(heartbeat(close_them, idle), false);
    int interval = settings.heartbeat_check_interval;
    int max_idle = 0;
    for (auto &p : ports_) max_idle = std::max(max_idle, p->settings.heartbeat_idle_time);
    if (interval < 1 && max_idle > 0) interval = std::max(1, max_idle / 2);
    if (interval < 1) return false;
    double t = now();
    std::vector<SessionId> found;
    for (auto &[id, conn] : sessions_) {
        if (conn->closing || conn->protect || !conn->port->is_stream()) continue;
        int limit = conn->port->settings.heartbeat_idle_time;
        if (limit <= 0) limit = interval * 2;
        double last = conn->last_recv_time > 0 ? conn->last_recv_time : conn->connect_time;
        if (t - last > limit) found.push_back(id);
    }
    std::sort(found.begin(), found.end());
    if (close_them) {
        for (SessionId id : found) {
            auto it = sessions_.find(id);
            if (it != sessions_.end()) close_conn(*it->second, false, it->second->reactor_id);
        }
    }
    if (idle) *idle = std::move(found);
    return true;
}

void Server::on_heartbeat(TimerId, void *arg) { static_cast<Server *>(arg)->heartbeat(true); }

// ---- datagrams

void Server::on_dgram_ready(int, int, void *arg) {
    auto *port = static_cast<ListenPort *>(arg);
    port->server->read_dgram(*port);
}

void Server::read_dgram(ListenPort &port) {
    for (int i = 0; i < kDgramBatch; ++i) {
        SocketAddress from;
        from.length = sizeof from.storage;
        ssize_t n = ::recvfrom(port.fd(), io_buf_.get(), kRawReadSize, MSG_DONTWAIT, from.sa(), &from.length);
        if (n < 0) return;
        stats_->request_count.fetch_add(1, std::memory_order_relaxed);
        stats_->total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
        ++worker_stats_.request_count;
        PacketInfo info{&port, &from, now()};
        if (events_.on_packet) events_.on_packet(events_.ctx, *this, {io_buf_.get(), static_cast<size_t>(n)}, info);
        if (settings.max_request > 0 && worker_stats_.request_count >= settings.max_request && !single()) {
            stop_worker();
        }
        if (stopping_) return;
    }
}

}  // namespace swoole::kernel
