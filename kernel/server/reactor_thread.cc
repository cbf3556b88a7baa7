#include "server/reactor_thread.h"

#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/error.h"
#include "base/log.h"
#include "server/conn_io.h"
#include "server/master.h"
#include "server/protocol.h"
#include "server/server.h"
#include "server/session_table.h"
#include "tls/tls_fd.h"
#include "tls/tls_session.h"

namespace swoole::kernel {

namespace {
constexpr size_t kRawReadSize = 64 * 1024;
constexpr int kPipeBatch = 64;   // records per readiness of a pipe
constexpr int kDgramBatch = 64;
constexpr double kConfirmTimeout = 30;  // seconds an unconfirmed close may hold its record
}  // namespace

struct ReactorThread::Conn : Connection {
    ReactorThread *owner = nullptr;
    SessionRecord *rec = nullptr;
    bool await_confirm = false;  // a worker runs on_close: the record stays until it confirms
};

ReactorThread::ReactorThread(ProcessMode &pm, int id) : pm_(pm), server_(pm.server()), id_(id) {}

ReactorThread::~ReactorThread() {
    join();
    if (wake_fd_ >= 0) ::close(wake_fd_);
}

bool ReactorThread::start() {
    wake_fd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (wake_fd_ < 0) return false;
    io_buf_.reset(new char[sizeof(PacketPrefix) + kRawReadSize]);
    pipe_buf_.reset(new char[kMaxRecord]);
    // Every process has a pipe here; events go to the event workers only.
    pipes_.resize(static_cast<size_t>(pm_.sender_num()));
    for (int w = 0; w < pm_.sender_num(); ++w) {
        pipes_[w].fd = pm_.pipe_fd(w, id_, ProcessMode::master_end);
        pipes_[w].worker = w;
        pipes_[w].owner = this;
    }
    stream_.owner = this;
    stream_.fd = pm_.stream_fd(id_, ProcessMode::master_end);
    for (auto &p : server_.ports()) {
        if (p->is_dgram() && p->index() % pm_.reactor_num() == id_) dgram_ports_.push_back(p.get());
    }
    dispatcher_ = std::make_unique<Dispatcher>(server_, &pm_.load());
    // Signals belong to the main thread.
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    try {
        thread_ = std::thread([this] { main(); });
    } catch (...) {
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
        return false;
    }
    pthread_sigmask(SIG_SETMASK, &old, nullptr);
    while (!ready_.load(std::memory_order_acquire)) std::this_thread::yield();
    return true;
}

void ReactorThread::main() {
    Reactor reactor;
    reactor_ = &reactor;
    reactor.add(wake_fd_, kEventRead, on_wake, this);
    for (Pipe &p : pipes_) reactor.add(p.fd, kEventRead, on_pipe_ready, &p);
    for (ListenPort *port : dgram_ports_) reactor.add(port->fd(), kEventRead, on_dgram_ready, port);
    tick_ = reactor.tick(1000, on_tick, this);
    last_heartbeat_ = Server::now();
    ready_.store(true, std::memory_order_release);
    reactor.run();
    reactor.run_once();  // the deferred frees of the connections closed last
    reactor_ = nullptr;
}

void ReactorThread::post_accept(int fd, ListenPort *port, const SocketAddress &peer) {
    bool wake;
    {
        std::lock_guard<std::mutex> lock(inbox_lock_);
        wake = inbox_.empty();
        inbox_.push_back({fd, port, peer});
    }
    uint64_t one = 1;
    if (wake) (void)!::write(wake_fd_, &one, sizeof one);
}

void ReactorThread::post_stop() {
    {
        std::lock_guard<std::mutex> lock(inbox_lock_);
        stop_requested_ = true;
    }
    uint64_t one = 1;
    (void)!::write(wake_fd_, &one, sizeof one);
}

void ReactorThread::join() {
    if (thread_.joinable()) thread_.join();
}

void ReactorThread::on_wake(int fd, int, void *arg) {
    uint64_t n;
    (void)!::read(fd, &n, sizeof n);
    static_cast<ReactorThread *>(arg)->drain_inbox();
}

void ReactorThread::drain_inbox() {
    bool stop;
    {
        std::lock_guard<std::mutex> lock(inbox_lock_);
        inbox_work_.swap(inbox_);
        stop = stop_requested_;
    }
    for (const Accepted &a : inbox_work_) {
        if (stop) {
            ::close(a.fd);
            const_cast<ServerStats &>(server_.stats()).connection_num.fetch_sub(1, std::memory_order_relaxed);
        } else {
            adopt(a);
        }
    }
    inbox_work_.clear();
    if (stop) shutdown_all();
}

// ---- connections

ReactorThread::Conn *ReactorThread::find(int64_t session) {
    auto it = conns_.find(session);
    return it == conns_.end() ? nullptr : it->second;
}

void ReactorThread::adopt(const Accepted &a) {
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    int64_t session = stats.last_session_id.fetch_add(1, std::memory_order_relaxed) + 1;
    SessionRecord *rec = pm_.sessions().claim(session);
    if (!rec) {
        SW_WARN("session table full: connection from %s:%d dropped", a.peer.host().c_str(), a.peer.port());
        stats.abort_count.fetch_add(1, std::memory_order_relaxed);
        stats.connection_num.fetch_sub(1, std::memory_order_relaxed);
        ::close(a.fd);
        return;
    }
    auto *conn = new Conn();
    conn->server = &server_;
    conn->fd = a.fd;
    conn->port = a.port;
    conn->reactor_id = id_;
    conn->peer = a.peer;
    conn->session = session;
    conn->connect_time = Server::now();
    conn->rec = rec;
    conn->owner = this;
    const PortSettings &ps = a.port->settings;
    if (!ps.protocol && ps.framing) {
        conn->input.configure(ps.framing_options);
    } else {
        FramingOptions raw;
        raw.package_max_length = ps.framing_options.package_max_length;
        conn->input.configure(raw);
    }
    rec->fd = a.fd;
    rec->port_index = a.port->index();
    rec->reactor_id = id_;
    rec->ssl = ps.tls != nullptr;
    rec->connect_time = conn->connect_time;
    rec->peer = a.peer;
    SessionTable::publish(*rec, session);
    pm_.sessions().port_opened(a.port->index());
    conns_.emplace(session, conn);
    if (ps.tls) {
        conn->tls = std::make_unique<TlsSession>(ps.tls);
        conn->tls_io = std::make_unique<TlsFdIo>(*conn->tls);
        update_interest(*conn);
    } else {
        establish(*conn);
    }
}

void ReactorThread::establish(Conn &conn) {
    conn.established = true;
    const ServerProtocol *proto = conn.port->settings.protocol;
    if (proto && proto->open) {
        int rc = proto->open(proto->self, &conn, &conn.proto_state);
        if (rc != 0) {
            close_conn(conn, true, id_);
            return;
        }
    }
    conn.proto_open = true;
    conn.paused = server_.settings.enable_delay_receive;
    if (conn.paused) conn.rec->flags.fetch_or(kSessionPaused, std::memory_order_relaxed);
    if (server_.events_.on_connect && !pm_.callbacks_dropped()) {
        post_event(&conn, conn.rec, conn.session, PipeType::connect, kDispatchConnect, {}, static_cast<int16_t>(id_));
        if (conn.closing) return;
    }
    update_interest(conn);
    if (conn.tls && !conn.paused && conn.tls_io->pending() > 0) read_conn(conn);
}

void ReactorThread::on_conn_ready(int, int events, void *arg) {
    auto *conn = static_cast<Conn *>(arg);
    conn->owner->handle_conn(*conn, events);
}

void ReactorThread::handle_conn(Conn &conn, int events) {
    if (!conn.established) {
        ssize_t rc = conn.tls_io->handshake(conn.fd);
        if (rc == 0) {
            establish(conn);
        } else if (errno == EAGAIN) {
            update_interest(conn);
        } else {
            conn.close_errno = errno;
            close_conn(conn, true, id_);
        }
        return;
    }
    if ((events & kEventWrite) && !flush(conn)) return;
    if (!(events & kEventRead)) return;
    for (int i = 0; i < 16 && conn.fd >= 0 && !conn.closing && !conn.paused; ++i) {
        if (!read_conn(conn) || !conn.tls || conn.tls_io->pending() == 0) break;
    }
}

bool ReactorThread::read_conn(Conn &conn) {
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    const PortSettings &ps = conn.port->settings;
    if (!ps.protocol && !ps.framing && conn.input.buffered() == 0) {
        char *buf = io_buf_.get();
        ssize_t n = conn.tls ? conn.tls_io->read(conn.fd, buf, kRawReadSize) : ::recv(conn.fd, buf, kRawReadSize, 0);
        if (n > 0) {
            conn.last_recv_time = Server::now();
            conn.rec->last_recv_time.store(conn.last_recv_time, std::memory_order_relaxed);
            stats.total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
            deliver(conn, {buf, static_cast<size_t>(n)});
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
        conn.last_recv_time = Server::now();
        conn.rec->last_recv_time.store(conn.last_recv_time, std::memory_order_relaxed);
        stats.total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
        run_input(conn);
        if (conn.rec) conn.rec->recv_queued.store(static_cast<int64_t>(conn.input.buffered()), std::memory_order_relaxed);
        return true;
    }
    read_failed(conn, n);
    return false;
}

void ReactorThread::read_failed(Conn &conn, ssize_t n) {
    if (n == 0) {
        conn.peer_closed = true;
        close_conn(conn, false, id_);
        return;
    }
    if (errno == EAGAIN || errno == EINTR) return;
    conn.close_errno = errno;
    close_conn(conn, true, id_);
}

void ReactorThread::run_input(Conn &conn) {
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
        SW_WARN("session#%lld from %s:%d closed: %s", static_cast<long long>(conn.session), conn.peer.host().c_str(),
                conn.peer.port(), error_text(rc));
        conn.close_errno = rc;
        close_conn(conn, true, id_);
    }
}

int ReactorThread::deliver(Connection &c, std::string_view packet) {
    auto &conn = static_cast<Conn &>(c);
    if (conn.closing || conn.paused) return 1;
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    stats.request_count.fetch_add(1, std::memory_order_relaxed);
    conn.last_dispatch_time = conn.last_recv_time;
    conn.rec->last_dispatch_time.store(conn.last_dispatch_time, std::memory_order_relaxed);
    post_event(&conn, conn.rec, conn.session, PipeType::data, kDispatchData, packet, static_cast<int16_t>(id_));
    return (conn.closing || conn.paused) ? 1 : 0;
}

// Sends an event to the worker the dispatcher picks. False when it was
// dropped (dispatch_func said so, or the pipe failed).
bool ReactorThread::post_event(Conn *conn, SessionRecord *rec, int64_t session, PipeType type, int event,
                               std::string_view data, int16_t reactor_id, uint32_t aux) {
    int w = event < 0 ? dispatcher_->choose_internal(session, rec) : dispatcher_->choose(event, session, rec, data);
    if (w == kDispatchCloseConnection) {
        if (conn && !conn->closing) close_conn(*conn, false, id_);
        return false;
    }
    if (w == kDispatchDiscard) return false;
    PipeHeader h{};
    h.session = session;
    h.type = static_cast<uint8_t>(type);
    h.reactor_id = reactor_id;
    h.aux = aux;
    if (w == kDispatchStream) {
        // Idle workers pull whole records only: a bigger one keeps to its session's worker.
        if (data.size() <= kMaxRecordPayload) return write_pipe(stream_, h, data);
        w = static_cast<int>(session % pm_.worker_num());
    }
    return write_pipe(pipes_[static_cast<size_t>(w)], h, data);
}

bool ReactorThread::write_pipe(Pipe &pipe, const PipeHeader &h, std::string_view payload) {
    bool queued = false;
    if (!pipe_send(pipe.fd, pipe.queue, h, payload, queued)) {
        // EPIPE: the manager and the workers are gone, the server is stopping.
        if (errno != EPIPE && errno != ECONNRESET) SW_WARN("pipe to worker #%d failed: %s", pipe.worker, strerror(errno));
        return false;
    }
    if (queued && !pipe.watching_write && reactor_) {
        if (pipe.worker < 0) {
            reactor_->add(pipe.fd, kEventWrite, on_pipe_ready, &pipe);
        } else {
            reactor_->modify(pipe.fd, kEventRead | kEventWrite);
        }
        pipe.watching_write = true;
    }
    return true;
}

// ---- writing

// A protocol's write on this thread: bounded by socket_buffer_size as in BASE.
int ReactorThread::send_to_conn(Connection &c, const char *data, size_t length) {
    auto &conn = static_cast<Conn &>(c);
    if (conn.closing) return SW_ERROR_SESSION_CLOSING;
    if (length == 0) return 0;
    if (length > server_.settings.buffer_output_size) return SW_ERROR_DATA_LENGTH_TOO_LARGE;
    const PortSettings &ps = conn.port->settings;
    if (ps.socket_buffer_size > 0 && conn.output.size() + length > ps.socket_buffer_size) {
        return SW_ERROR_OUTPUT_BUFFER_OVERFLOW;
    }
    return write_out(conn, data, length);
}

// A worker's send(): its room was reserved, so it is queued even past the
// cap (a race with this thread filling up), up to twice the cap.
void ReactorThread::accept_send(Conn &conn, std::string_view data) {
    SessionRecord &rec = *conn.rec;
    size_t cap = conn.port->settings.socket_buffer_size;
    if (cap > 0 && conn.output.size() + data.size() > 2 * cap) {
        SW_WARN("session#%lld: %zu bytes queued and %zu more sent, over twice socket_buffer_size (%zu): connection "
                "closed",
                static_cast<long long>(conn.session), conn.output.size(), data.size(), cap);
        rec.send_pending.fetch_sub(static_cast<int64_t>(data.size()), std::memory_order_seq_cst);
        conn.close_errno = SW_ERROR_OUTPUT_BUFFER_OVERFLOW;
        close_conn(conn, true, id_);
        return;
    }
    int rc = write_out(conn, data.data(), data.size());
    // Queued (send_queued published) before the reservation goes: a sender
    // never sees the bytes in neither count.
    rec.send_pending.fetch_sub(static_cast<int64_t>(data.size()), std::memory_order_seq_cst);
    if (rc == 0 && conn.fd >= 0 && !conn.buffer_full) output_shrank(conn);
}

// A worker's sendfile(): the range goes behind the queued output. The worker
// checked the file; should it be gone by now, the connection is closed (its
// peer would otherwise wait for bytes that never come).
void ReactorThread::accept_sendfile(Conn &conn, std::string_view message) {
    SendfilePrefix p;
    if (message.size() <= sizeof p || message.size() - sizeof p >= PATH_MAX) return;
    std::memcpy(&p, message.data(), sizeof p);
    char path[PATH_MAX];
    size_t path_len = message.size() - sizeof p;
    std::memcpy(path, message.data() + sizeof p, path_len);
    path[path_len] = '\0';
    int file = ::open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) {
        int e = errno;
        SW_WARN("sendfile to session#%lld: open(%s) failed, Error: %s[%d]", static_cast<long long>(conn.session), path,
                strerror(e), e);
        conn.close_errno = e;
        close_conn(conn, true, id_);
        return;
    }
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    stats.response_count.fetch_add(1, std::memory_order_relaxed);
    stats.total_send_bytes.fetch_add(static_cast<int64_t>(p.length), std::memory_order_relaxed);
    conn.last_send_time = Server::now();
    conn.rec->last_send_time.store(conn.last_send_time, std::memory_order_relaxed);
    bool was_empty = conn.output.empty();
    conn.output.append_file(file, static_cast<off_t>(p.offset), static_cast<size_t>(p.length));
    if (conn.established && was_empty) {
        flush(conn);
    } else {
        update_interest(conn);
    }
}

int ReactorThread::write_out(Conn &conn, const char *data, size_t length) {
    const PortSettings &ps = conn.port->settings;
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    stats.response_count.fetch_add(1, std::memory_order_relaxed);
    stats.total_send_bytes.fetch_add(static_cast<int64_t>(length), std::memory_order_relaxed);
    conn.last_send_time = Server::now();
    conn.rec->last_send_time.store(conn.last_send_time, std::memory_order_relaxed);
    ssize_t n = send_direct(conn, data, length);
    if (n == static_cast<ssize_t>(length)) return 0;
    if (n < 0) {
        int e = errno;
        conn.close_errno = e;
        close_conn(conn, true, id_);
        return e;
    }
    data += n;
    length -= static_cast<size_t>(n);
    bool was_empty = conn.output.empty();
    conn.output.append(data, length);
    conn.rec->send_queued.store(static_cast<int64_t>(conn.output.size()), std::memory_order_seq_cst);
    if (conn.tls && conn.established && was_empty) {
        if (!flush(conn)) return 0;
    } else {
        update_interest(conn);
    }
    if (ps.socket_buffer_size > 0) output_grew(conn);
    return 0;
}

// Past the high watermark: the flag senders check, and buffer_full.
void ReactorThread::output_grew(Conn &conn) {
    const PortSettings &ps = conn.port->settings;
    if (conn.buffer_full || conn.output.size() < ps.high_watermark()) return;
    conn.buffer_full = true;
    conn.rec->flags.fetch_or(kSessionOutputFull, std::memory_order_seq_cst);
    if (server_.events_.on_buffer_full && !dispatch_mode_stateless(server_.settings.dispatch_mode)) {
        post_event(&conn, conn.rec, conn.session, PipeType::buffer_full, -1, {}, static_cast<int16_t>(id_));
    }
}

// Down to the low watermark: the flag goes, buffer_empty, and the parked
// senders (process_worker.h) try again.
void ReactorThread::output_shrank(Conn &conn) {
    const PortSettings &ps = conn.port->settings;
    if (conn.output.size() > ps.buffer_low_watermark) return;
    if (conn.buffer_full) {
        conn.buffer_full = false;
        conn.rec->flags.fetch_and(~kSessionOutputFull, std::memory_order_seq_cst);
        if (server_.events_.on_buffer_empty && !conn.closing &&
            !dispatch_mode_stateless(server_.settings.dispatch_mode)) {
            post_event(&conn, conn.rec, conn.session, PipeType::buffer_empty, -1, {}, static_cast<int16_t>(id_));
        }
    }
    wake_senders(*conn.rec, conn.session);
}

// One send_wake to each process that announced a parked sender (bit id % 64).
void ReactorThread::wake_senders(SessionRecord &rec, int64_t session) {
    if (rec.send_waiters.load(std::memory_order_seq_cst) == 0) return;
    uint64_t mask = rec.send_waiters.exchange(0, std::memory_order_seq_cst);
    PipeHeader h{};
    h.session = session;
    h.type = static_cast<uint8_t>(PipeType::send_wake);
    h.reactor_id = static_cast<int16_t>(id_);
    for (size_t i = 0; i < pipes_.size(); ++i) {
        if (mask & (uint64_t{1} << (i % 64))) write_pipe(pipes_[i], h, {});
    }
}

bool ReactorThread::flush(Conn &conn) {
    if (int err = drain_output(conn)) {
        conn.close_errno = err;
        conn.output.clear();
        if (!conn.closing) {
            close_conn(conn, true, id_);
        } else {
            destroy(conn);
        }
        return false;
    }
    conn.rec->send_queued.store(static_cast<int64_t>(conn.output.size()), std::memory_order_seq_cst);
    output_shrank(conn);
    if (conn.closing && conn.output.empty()) {
        destroy(conn);
        return false;
    }
    update_interest(conn);
    return true;
}

void ReactorThread::update_interest(Conn &conn) {
    if (conn.fd < 0 || !reactor_) return;
    int want = 0;
    if (!conn.established) {
        want = conn.tls_io->want_events() ? conn.tls_io->want_events() : kEventRead;
    } else {
        if (!conn.paused && !conn.closing) want |= kEventRead;
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

bool ReactorThread::close_conn(Connection &c, bool reset, int reactor_id) {
    auto &conn = static_cast<Conn &>(c);
    if (conn.closing) {
        set_last_error(SW_ERROR_SESSION_CLOSING);
        return false;
    }
    conn.closing = true;
    conn.rec->flags.fetch_or(kSessionClosing, std::memory_order_acq_rel);
    conn.rec->close_errno.store(conn.close_errno, std::memory_order_relaxed);
    const ServerProtocol *proto = conn.port->settings.protocol;
    if (conn.proto_open && proto && proto->close) proto->close(proto->self, conn.proto_state, &conn);
    conn.proto_open = false;
    if (conn.established && !conn.close_notified) {
        conn.close_notified = true;
        if (server_.events_.on_close && !pm_.callbacks_dropped()) {
            conn.await_confirm = post_event(&conn, conn.rec, conn.session, PipeType::close, kDispatchClose, {},
                                            static_cast<int16_t>(reactor_id));
        }
    }
    if (conn.fd < 0) return true;
    if (reset || conn.output.empty() || conn.peer_closed) {
        if (reset) {
            linger lg{1, 0};
            setsockopt(conn.fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg);
        }
        if (conn.peer_closed && !reset && !conn.output.empty()) flush(conn);
        if (conn.fd >= 0) destroy(conn);
    } else {
        update_interest(conn);
    }
    return true;
}

void ReactorThread::on_free_deferred(void *arg) { delete static_cast<Conn *>(arg); }

void ReactorThread::destroy(Conn &conn) {
    if (conn.fd < 0) return;
    if (conn.interest && reactor_) reactor_->remove(conn.fd);
    conn.interest = 0;
    ::close(conn.fd);
    conn.fd = -1;
    conn.closing = true;
    conn.output.clear();
    conns_.erase(conn.session);
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    stats.connection_num.fetch_sub(1, std::memory_order_relaxed);
    stats.close_count.fetch_add(1, std::memory_order_relaxed);
    pm_.sessions().port_closed(conn.port->index());
    // Senders parked on it learn that it closed.
    wake_senders(*conn.rec, conn.session);
    if (conn.await_confirm) {
        orphans_[conn.session] = {conn.rec, Server::now()};
    } else {
        SessionTable::free(*conn.rec);
    }
    conn.rec = nullptr;
    if (reactor_) {
        reactor_->defer(on_free_deferred, &conn);
    } else {
        delete &conn;
    }
}

// ---- the workers' requests

void ReactorThread::on_pipe_ready(int, int events, void *arg) {
    auto *pipe = static_cast<Pipe *>(arg);
    pipe->owner->pipe_ready(*pipe, events);
}

void ReactorThread::pipe_ready(Pipe &pipe, int events) {
    if (events & kEventWrite) {
        if (!pipe.queue.flush(pipe.fd)) SW_WARN("pipe to worker #%d: %s", pipe.worker, strerror(errno));
        if (pipe.queue.empty() && pipe.watching_write) {
            pipe.watching_write = false;
            if (pipe.worker < 0) {
                reactor_->remove(pipe.fd);
            } else {
                reactor_->modify(pipe.fd, kEventRead);
            }
        }
    }
    if ((events & kEventRead) && pipe.worker >= 0) read_pipe(pipe);
}

void ReactorThread::read_pipe(Pipe &pipe) {
    for (int i = 0; i < kPipeBatch; ++i) {
        ssize_t n = pipe_recv_record(pipe.fd, pipe_buf_.get());
        if (n == 0) return;
        if (n < 0) {
            // EOF / reset: the manager and its workers are gone (shutdown, or a crash the master handles).
            if (errno != EPIPE && errno != ECONNRESET) SW_WARN("pipe of worker #%d: %s", pipe.worker, strerror(errno));
            reactor_->remove(pipe.fd);
            return;
        }
        if (static_cast<size_t>(n) < sizeof(PipeHeader)) continue;
        PipeHeader h;
        std::memcpy(&h, pipe_buf_.get(), sizeof h);
        std::string_view chunk(pipe_buf_.get() + sizeof h, static_cast<size_t>(n) - sizeof h);
        std::string_view payload;
        if (pipe.reasm.feed(h, chunk, payload)) handle_message(pipe, h, payload);
    }
}

void ReactorThread::handle_message(Pipe &, const PipeHeader &h, std::string_view payload) {
    switch (static_cast<PipeType>(h.type)) {
    case PipeType::send: {
        Conn *conn = find(h.session);
        if (!conn) return;  // gone: its record (and the reservation) went with it
        if (conn->closing) {
            conn->rec->send_pending.fetch_sub(static_cast<int64_t>(payload.size()), std::memory_order_seq_cst);
            return;
        }
        accept_send(*conn, payload);
        return;
    }
    case PipeType::sendfile: {
        Conn *conn = find(h.session);
        if (conn && !conn->closing) accept_sendfile(*conn, payload);
        return;
    }
    case PipeType::close_request: {
        Conn *conn = find(h.session);
        if (conn && !conn->closing) close_conn(*conn, (h.aux & kCloseReset) != 0, (h.aux & kCloseIdle) ? id_ : -1);
        return;
    }
    case PipeType::pause: {
        Conn *conn = find(h.session);
        if (!conn || conn->closing) return;
        conn->paused = true;
        conn->rec->flags.fetch_or(kSessionPaused, std::memory_order_relaxed);
        update_interest(*conn);
        return;
    }
    case PipeType::resume: {
        Conn *conn = find(h.session);
        if (!conn || conn->closing || !conn->paused) return;
        conn->paused = false;
        conn->rec->flags.fetch_and(~kSessionPaused, std::memory_order_relaxed);
        update_interest(*conn);
        if (conn->input.buffered() > 0) reactor_->defer(on_resume_deferred, conn);
        return;
    }
    case PipeType::close_confirm: {
        if (Conn *conn = find(h.session)) {
            conn->await_confirm = false;
            return;
        }
        auto it = orphans_.find(h.session);
        if (it != orphans_.end()) {
            SessionTable::free(*it->second.rec);
            orphans_.erase(it);
        }
        return;
    }
    default:
        SW_WARN("unexpected pipe message type %d from a worker", h.type);
    }
}

void ReactorThread::on_resume_deferred(void *arg) {
    auto *conn = static_cast<Conn *>(arg);
    if (conn->fd < 0 || conn->closing || conn->paused || conn->input.buffered() == 0) return;
    conn->owner->run_input(*conn);
}

// ---- datagrams

void ReactorThread::on_dgram_ready(int, int, void *arg) {
    auto *port = static_cast<ListenPort *>(arg);
    ProcessMode &pm = *port->server->pm_;
    pm.thread(port->index() % pm.reactor_num()).read_dgram(*port);
}

void ReactorThread::read_dgram(ListenPort &port) {
    ServerStats &stats = const_cast<ServerStats &>(server_.stats());
    auto *prefix = reinterpret_cast<PacketPrefix *>(io_buf_.get());
    char *data = io_buf_.get() + sizeof(PacketPrefix);
    for (int i = 0; i < kDgramBatch; ++i) {
        SocketAddress from;
        from.length = sizeof from.storage;
        ssize_t n = ::recvfrom(port.fd(), data, kRawReadSize, MSG_DONTWAIT, from.sa(), &from.length);
        if (n < 0) return;
        stats.request_count.fetch_add(1, std::memory_order_relaxed);
        stats.total_recv_bytes.fetch_add(n, std::memory_order_relaxed);
        std::string_view bytes(data, static_cast<size_t>(n));
        int w = dispatcher_->choose_packet(from, bytes);
        if (w == kDispatchDiscard || w == kDispatchCloseConnection) continue;
        std::memcpy(&prefix->from, &from, sizeof from);
        prefix->time = Server::now();
        PipeHeader h{};
        h.type = static_cast<uint8_t>(PipeType::packet);
        h.reactor_id = static_cast<int16_t>(id_);
        h.aux = static_cast<uint32_t>(port.index());
        std::string_view payload(io_buf_.get(), sizeof(PacketPrefix) + static_cast<size_t>(n));
        if (w == kDispatchStream && payload.size() <= kMaxRecordPayload) {
            write_pipe(stream_, h, payload);
        } else {
            if (w == kDispatchStream) w = 0;
            write_pipe(pipes_[static_cast<size_t>(w)], h, payload);
        }
    }
}

// ---- timers, stop

void ReactorThread::on_tick(TimerId, void *arg) { static_cast<ReactorThread *>(arg)->heartbeat_tick(); }

void ReactorThread::heartbeat_tick() {
    double t = Server::now();
    for (auto it = orphans_.begin(); it != orphans_.end();) {
        if (t - it->second.since > kConfirmTimeout) {
            SessionTable::free(*it->second.rec);
            it = orphans_.erase(it);
        } else {
            ++it;
        }
    }
    int interval = server_.settings.heartbeat_check_interval;
    int max_idle = 0;
    for (auto &p : server_.ports()) max_idle = std::max(max_idle, p->settings.heartbeat_idle_time);
    if (interval < 1 && max_idle > 0) interval = std::max(1, max_idle / 2);
    if (interval < 1 || t - last_heartbeat_ < interval - 0.01) return;
    last_heartbeat_ = t;
    std::vector<Conn *> idle;
    for (auto &[id, conn] : conns_) {
        if (conn->closing || !conn->established || !conn->port->is_stream()) continue;
        if (conn->rec->flags.load(std::memory_order_relaxed) & kSessionProtected) continue;
        int limit = conn->port->settings.heartbeat_idle_time;
        if (limit <= 0) limit = interval * 2;
        double last = conn->last_recv_time > 0 ? conn->last_recv_time : conn->connect_time;
        if (t - last > limit) idle.push_back(conn);
    }
    for (Conn *conn : idle) close_conn(*conn, false, id_);
}

void ReactorThread::shutdown_all() {
    std::vector<Conn *> left;
    left.reserve(conns_.size());
    for (auto &[id, conn] : conns_) left.push_back(conn);
    for (Conn *conn : left) {
        if (!conn->output.empty() && conn->established && !conn->tls) conn->output.write_to(conn->fd);
        conn->await_confirm = false;
        conn->closing = true;
        const ServerProtocol *proto = conn->port->settings.protocol;
        if (conn->proto_open && proto && proto->close) proto->close(proto->self, conn->proto_state, conn);
        conn->proto_open = false;
        destroy(*conn);
    }
    for (auto &[id, orphan] : orphans_) SessionTable::free(*orphan.rec);
    orphans_.clear();
    reactor_->remove(wake_fd_);
    for (Pipe &p : pipes_) {
        if (reactor_->exists(p.fd)) reactor_->remove(p.fd);
    }
    if (reactor_->exists(stream_.fd)) reactor_->remove(stream_.fd);
    for (ListenPort *port : dgram_ports_) {
        if (reactor_->exists(port->fd())) reactor_->remove(port->fd());
    }
    if (tick_) reactor_->clear(tick_);
    tick_ = 0;
    reactor_->stop();
}

}  // namespace swoole::kernel
