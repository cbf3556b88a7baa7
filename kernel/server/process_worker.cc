#include "server/process_worker.h"

#include <limits.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "base/error.h"
#include "base/log.h"
#include "coroutine/coroutine.h"
#include "server/dispatch.h"
#include "server/master.h"
#include "server/server.h"
#include "server/session_table.h"

namespace swoole::kernel {

namespace {
constexpr int kPipeBatch = 64;

bool fail(int code) {
    set_last_error(code);
    return false;
}
}  // namespace

ProcessWorker::ProcessWorker(ProcessMode &pm, int worker_id)
    : pm_(pm), server_(pm.server()), worker_id_(worker_id) {}

ProcessWorker::~ProcessWorker() {
    if (reactor_) {
        for (auto *list : {&pipes_, &streams_}) {
            for (Pipe &p : *list) {
                if (p.interest) reactor_->remove(p.fd);
            }
        }
        if (turn_hook_) reactor_->remove_turn_hook(turn_hook_);
    }
}

bool ProcessWorker::attach(Reactor &reactor) {
    attach_sender();
    event_worker_ = true;
    reactor_ = &reactor;
    int n = pm_.reactor_num();
    for (Pipe &p : pipes_) {
        update(p);
        if (!p.interest) return false;
    }
    if (server_.settings.dispatch_mode == 7) {
        streams_.resize(static_cast<size_t>(n));
        for (int r = 0; r < n; ++r) {
            Pipe &p = streams_[static_cast<size_t>(r)];
            p.owner = this;
            p.fd = pm_.stream_fd(r, ProcessMode::worker_end);
            p.reactor = r;
            p.shared = true;
            update(p);
        }
    }
    // The live coroutine count, for dispatch_mode 8/9.
    turn_hook_ = reactor.add_turn_hook(on_turn, this);
    return true;
}

// The pipes to each reactor thread; an event worker then registers them (attach).
void ProcessWorker::attach_sender() {
    event_worker_ = false;
    buf_.reset(new char[kMaxRecord]);
    int n = pm_.reactor_num();
    pipes_.resize(static_cast<size_t>(n));
    for (int r = 0; r < n; ++r) {
        Pipe &p = pipes_[static_cast<size_t>(r)];
        p.owner = this;
        p.fd = pm_.pipe_fd(worker_id_, r, ProcessMode::worker_end);
        p.reactor = r;
    }
}

void ProcessWorker::on_turn(void *arg) {
    auto *self = static_cast<ProcessWorker *>(arg);
    self->pm_.load().load()[self->worker_id_].coroutines.store(static_cast<int32_t>(Coroutine::count()),
                                                                std::memory_order_relaxed);
}

// The pipes stay readable while a coroutine is parked in send(): its
// send_wake comes that way (what else arrives meanwhile is handled as usual,
// this worker is still alive). The shared mode 7 pipes are left at once.
void ProcessWorker::stop() {
    stopping_ = true;
    for (Pipe &p : streams_) {
        p.reading = false;
        update(p);
    }
    for (Pipe &p : pipes_) update(p);
    if (turn_hook_ && reactor_) reactor_->remove_turn_hook(turn_hook_);
    turn_hook_ = 0;
}

void ProcessWorker::update(Pipe &p) {
    if (!reactor_) return;
    // A sender process (or a stopping worker) reads only for its parked
    // coroutines; a sender flushes at once.
    bool read = p.reading && ((event_worker_ && !stopping_) || !waiters_.empty());
    int want = (read ? kEventRead : 0) | (p.queue.empty() || !event_worker_ ? 0 : kEventWrite);
    if (want == p.interest) return;
    if (p.interest == 0) {
        reactor_->add(p.fd, want, on_pipe_ready, &p);
    } else if (want == 0) {
        reactor_->remove(p.fd);
    } else {
        reactor_->modify(p.fd, want);
    }
    p.interest = want;
}

void ProcessWorker::on_pipe_ready(int, int events, void *arg) {
    auto *p = static_cast<Pipe *>(arg);
    ProcessWorker *self = p->owner;
    if (events & kEventWrite) {
        if (!p->queue.flush(p->fd)) SW_WARN("pipe to reactor thread %d: %s", p->reactor, strerror(errno));
        self->update(*p);
    }
    if ((events & kEventRead) && p->reading) self->read_pipe(*p);
}

void ProcessWorker::read_pipe(Pipe &pipe) {
    // A shared stream pipe: one record per turn, so idle workers share the work.
    int batch = pipe.shared ? 1 : kPipeBatch;
    // A stopping worker takes no more than its parked senders need.
    for (int i = 0; i < batch && pipe.reading && (!stopping_ || !waiters_.empty()); ++i) {
        ssize_t n = pipe_recv_record(pipe.fd, buf_.get());
        if (n == 0) return;
        if (n < 0) {
            SW_WARN("pipe from reactor thread %d: %s", pipe.reactor, strerror(errno));
            pipe.reading = false;
            update(pipe);
            return;
        }
        if (static_cast<size_t>(n) < sizeof(PipeHeader)) continue;
        PipeHeader h;
        std::memcpy(&h, buf_.get(), sizeof h);
        std::string_view chunk(buf_.get() + sizeof h, static_cast<size_t>(n) - sizeof h);
        std::string_view payload;
        if (pipe.reasm.feed(h, chunk, payload)) handle(pipe, h, payload);
    }
}

bool ProcessWorker::fill(Connection &conn, SessionId session, const SessionRecord *rec, int reactor_id) const {
    conn.server = &server_;
    conn.session = session;
    conn.reactor_id = reactor_id;
    if (!rec) {
        conn.fd = -1;
        conn.port = server_.ports_.empty() ? nullptr : server_.ports_[0].get();
        conn.peer = SocketAddress{};
        conn.uid = 0;
        conn.uid_bound = false;
        conn.protect = false;
        return false;
    }
    conn.fd = rec->fd;
    size_t idx = static_cast<size_t>(rec->port_index);
    conn.port = idx < server_.ports_.size() ? server_.ports_[idx].get() : nullptr;
    conn.peer = rec->peer;
    uint32_t flags = rec->flags.load(std::memory_order_acquire);
    conn.uid = rec->uid.load(std::memory_order_relaxed);
    conn.uid_bound = (flags & kSessionUidBound) != 0;
    conn.protect = (flags & kSessionProtected) != 0;
    conn.paused = (flags & kSessionPaused) != 0;
    conn.closing = (flags & (kSessionClosing | kSessionCloseRequested)) != 0;
    conn.connect_time = rec->connect_time;
    conn.last_recv_time = rec->last_recv_time.load(std::memory_order_relaxed);
    conn.last_send_time = rec->last_send_time.load(std::memory_order_relaxed);
    conn.last_dispatch_time = rec->last_dispatch_time.load(std::memory_order_relaxed);
    conn.close_errno = rec->close_errno.load(std::memory_order_relaxed);
    conn.established = true;
    // The slot may have been reused while we copied.
    return rec->session.load(std::memory_order_acquire) == session;
}

void ProcessWorker::handle(Pipe &pipe, const PipeHeader &h, std::string_view payload) {
    const ServerEvents &ev = server_.events_;
    if (h.type == static_cast<uint8_t>(PipeType::send_wake)) {
        wake_senders(h.session);
        return;
    }
    if (!event_worker_) return;
    WorkerLoad &load = pm_.load().load()[worker_id_];
    auto type = static_cast<PipeType>(h.type);
    if (type == PipeType::packet) {
        if (payload.size() < sizeof(PacketPrefix) || h.aux >= server_.ports_.size()) return;
        PacketPrefix prefix;
        std::memcpy(&prefix, payload.data(), sizeof prefix);
        ++server_.worker_stats_.request_count;
        PacketInfo info{server_.ports_[h.aux].get(), &prefix.from, prefix.time};
        load.busy.store(1, std::memory_order_relaxed);
        if (ev.on_packet) ev.on_packet(ev.ctx, server_, payload.substr(sizeof prefix), info);
        load.busy.store(0, std::memory_order_relaxed);
    } else {
        SessionRecord *rec = pm_.sessions().find(h.session);
        bool known = fill(event_conn_, h.session, rec, h.reactor_id);
        if (type == PipeType::data) {
            if (!known && server_.settings.discard_timeout_request) {
                set_last_error(SW_ERROR_SESSION_DISCARD_TIMEOUT_DATA);
                SW_WARN("Worker::onData() (ERRNO %d): [2] ignore data[%zu bytes] received from session#%lld",
                        SW_ERROR_SESSION_DISCARD_TIMEOUT_DATA, payload.size(), static_cast<long long>(h.session));
                return;
            }
            // This worker (or another) closed it: the data has no one to answer.
            if (known && (rec->flags.load(std::memory_order_relaxed) & kSessionCloseRequested)) return;
            ++server_.worker_stats_.request_count;
            ++server_.worker_stats_.dispatch_count;
            load.busy.store(1, std::memory_order_relaxed);
            if (ev.on_receive) ev.on_receive(ev.ctx, server_, event_conn_, payload);
            load.busy.store(0, std::memory_order_relaxed);
            on_turn(this);  // the coroutine count right away (dispatch_mode 8/9), not only at the turn's end
            int max = server_.settings.max_request;
            if (max > 0 && server_.worker_stats_.request_count >= max) server_.stop_worker();
            return;
        }
        load.busy.store(1, std::memory_order_relaxed);
        switch (type) {
        case PipeType::connect:
            if (ev.on_connect) ev.on_connect(ev.ctx, server_, event_conn_);
            break;
        case PipeType::close: {
            event_conn_.closing = true;
            if (ev.on_close) ev.on_close(ev.ctx, server_, event_conn_, h.reactor_id);
            // The record may go now; the confirm goes to the thread the event came from.
            PipeHeader c{};
            c.session = h.session;
            c.type = static_cast<uint8_t>(PipeType::close_confirm);
            Pipe &back = pipes_[static_cast<size_t>(pipe.reactor)];
            bool queued = false;
            pipe_send(back.fd, back.queue, c, {}, queued);
            if (queued) update(back);
            break;
        }
        case PipeType::buffer_full:
            if (ev.on_buffer_full) ev.on_buffer_full(ev.ctx, server_, event_conn_);
            break;
        case PipeType::buffer_empty:
            if (ev.on_buffer_empty) ev.on_buffer_empty(ev.ctx, server_, event_conn_);
            break;
        default:
            SW_WARN("unexpected pipe message type %d from reactor thread %d", h.type, pipe.reactor);
        }
        load.busy.store(0, std::memory_order_relaxed);
    }
}

// ---- the session API

SessionRecord *ProcessWorker::live(SessionId session, bool allow_closing) const {
    if (session <= 0) {
        set_last_error(SW_ERROR_SESSION_INVALID_ID);
        return nullptr;
    }
    SessionRecord *rec = pm_.sessions().find(session);
    if (!rec) {
        set_last_error(SW_ERROR_SESSION_NOT_EXIST);
        return nullptr;
    }
    if (!allow_closing && (rec->flags.load(std::memory_order_acquire) & (kSessionClosing | kSessionCloseRequested))) {
        set_last_error(SW_ERROR_SESSION_CLOSING);
        return nullptr;
    }
    return rec;
}

bool ProcessWorker::request(SessionRecord &rec, SessionId session, PipeType type, std::string_view payload,
                            uint32_t aux) {
    int r = rec.reactor_id;
    if (r < 0 || r >= static_cast<int>(pipes_.size())) return fail(SW_ERROR_SESSION_NOT_EXIST);
    Pipe &p = pipes_[static_cast<size_t>(r)];
    PipeHeader h{};
    h.session = session;
    h.type = static_cast<uint8_t>(type);
    h.aux = aux;
    bool queued = false;
    if (!pipe_send(p.fd, p.queue, h, payload, queued)) return fail(errno);
    if (queued) {
        if (!event_worker_) return flush_blocking(p);
        update(p);
    }
    return true;
}

// A sender process's loop may not run while it works (a task in a blocking
// queue loop, a user process without coroutines): its requests go out now.
bool ProcessWorker::flush_blocking(Pipe &p) {
    while (!p.queue.empty()) {
        if (!p.queue.flush(p.fd)) return fail(errno);
        if (p.queue.empty()) break;
        pollfd pfd{p.fd, POLLOUT, 0};
        if (::poll(&pfd, 1, 1000) < 0 && errno != EINTR) return fail(errno);
    }
    return true;
}

bool ProcessWorker::send(SessionId session, std::string_view data) {
    SessionRecord *rec = live(session, true);
    if (!rec) return false;
    uint32_t flags = rec->flags.load(std::memory_order_acquire);
    if (flags & kSessionCloseRequested) return fail(SW_ERROR_SESSION_CLOSED);
    if (flags & kSessionClosing) return fail(SW_ERROR_SESSION_CLOSING);
    if (data.empty()) return true;
    if (data.size() > server_.settings.buffer_output_size) return fail(SW_ERROR_DATA_LENGTH_TOO_LARGE);
    if (!reserve(*rec, data.size())) {
        // One send bigger than the whole buffer never fits: no use waiting.
        size_t cap = output_cap(*rec);
        if (!can_yield() || (cap > 0 && data.size() > cap)) return fail(SW_ERROR_OUTPUT_BUFFER_OVERFLOW);
        if (!wait_output(*rec, session, data.size())) return false;
    }
    if (!request(*rec, session, PipeType::send, data)) {
        rec->send_pending.fetch_sub(static_cast<int64_t>(data.size()), std::memory_order_acq_rel);
        return false;
    }
    ++server_.worker_stats_.response_count;
    return true;
}

// The owning reactor thread opens the file and queues the range, in order
// with this process's sends (same pipe). No room is reserved: a file range
// holds no memory there.
bool ProcessWorker::send_file(SessionId session, const char *path, off_t offset, size_t length) {
    SessionRecord *rec = live(session, true);
    if (!rec) return false;
    uint32_t flags = rec->flags.load(std::memory_order_acquire);
    if (flags & kSessionCloseRequested) return fail(SW_ERROR_SESSION_CLOSED);
    if (flags & kSessionClosing) return fail(SW_ERROR_SESSION_CLOSING);
    if (length == 0) return true;
    size_t path_len = std::strlen(path);
    if (path_len == 0 || path_len >= PATH_MAX) return fail(path_len ? ENAMETOOLONG : ENOENT);
    char msg[sizeof(SendfilePrefix) + PATH_MAX];
    SendfilePrefix prefix{static_cast<uint64_t>(offset), static_cast<uint64_t>(length)};
    std::memcpy(msg, &prefix, sizeof prefix);
    std::memcpy(msg + sizeof prefix, path, path_len);
    if (!request(*rec, session, PipeType::sendfile, {msg, sizeof prefix + path_len})) return false;
    ++server_.worker_stats_.response_count;
    return true;
}

// Takes `bytes` of the session's output room: false while the owning thread
// flags the output full, or when queued + reserved bytes would pass the
// port's socket_buffer_size (0: no cap). The thread gives the reservation
// back when it queued the data.
bool ProcessWorker::reserve(SessionRecord &rec, size_t bytes) const {
    if (rec.flags.load(std::memory_order_seq_cst) & kSessionOutputFull) return false;
    size_t cap = output_cap(rec);
    auto n = static_cast<int64_t>(bytes);
    int64_t before = rec.send_pending.fetch_add(n, std::memory_order_seq_cst);
    if (cap == 0) return true;
    int64_t queued = rec.send_queued.load(std::memory_order_seq_cst);
    if (static_cast<size_t>(std::max<int64_t>(0, queued + before)) + bytes <= cap) return true;
    rec.send_pending.fetch_sub(n, std::memory_order_seq_cst);
    return false;
}

size_t ProcessWorker::output_cap(const SessionRecord &rec) const {
    size_t idx = static_cast<size_t>(rec.port_index);
    return idx < server_.ports_.size() ? server_.ports_[idx]->settings.socket_buffer_size : 0;
}

bool ProcessWorker::can_yield() const {
    const ServerSettings &s = server_.settings;
    if (!s.send_yield || (s.dispatch_mode != 2 && s.dispatch_mode != 4)) return false;
    return Coroutine::current() && (server_.reactor_ || Reactor::current());
}

void ProcessWorker::on_send_timeout(TimerId, void *arg) {
    auto *w = static_cast<SendWaiter *>(arg);
    w->timed_out = true;
    Coroutine::wake(w->co);
}

// send_yield: parks the calling coroutine until `bytes` fit (then they are
// reserved), send_timeout passes (ETIMEDOUT) or the session closes.
bool ProcessWorker::wait_output(SessionRecord &rec, SessionId session, size_t bytes) {
    if (!reactor_) reactor_ = server_.reactor_ ? server_.reactor_ : Reactor::current();
    SendWaiter w{Coroutine::current(), session, 0, false};
    TimerId timer = 0;
    double timeout = server_.settings.send_timeout;
    if (timeout > 0) timer = reactor_->after(static_cast<uint64_t>(std::max(1.0, timeout * 1000)), on_send_timeout, &w);
    uint64_t bit = uint64_t{1} << (worker_id_ % 64);
    int error = 0;
    for (;;) {
        // Announce first, then look again: the thread clears the full flag
        // before it takes the waiter mask, so one of the two sees the other.
        rec.send_waiters.fetch_or(bit, std::memory_order_seq_cst);
        if (reserve(rec, bytes)) break;
        waiters_.push_back(&w);
        if (!event_worker_ || stopping_) {
            for (Pipe &p : pipes_) update(p);
        }
        WaitResult r = Coroutine::park();
        waiters_.erase(std::remove(waiters_.begin(), waiters_.end(), &w), waiters_.end());
        if (!event_worker_ || stopping_) {
            for (Pipe &p : pipes_) update(p);
        }
        if (w.timed_out) {
            error = ETIMEDOUT;
            break;
        }
        if (r == WaitResult::canceled) {
            error = SW_ERROR_CO_CANCELED;
            break;
        }
        if (rec.session.load(std::memory_order_acquire) != session) {
            error = SW_ERROR_SESSION_NOT_EXIST;
            break;
        }
        uint32_t flags = rec.flags.load(std::memory_order_acquire);
        if (flags & (kSessionClosing | kSessionCloseRequested)) {
            error = (flags & kSessionCloseRequested) ? SW_ERROR_SESSION_CLOSED : SW_ERROR_SESSION_CLOSING;
            break;
        }
    }
    if (timer && !w.timed_out) reactor_->clear(timer);
    return error == 0 || fail(error);
}

// A send_wake: every coroutine parked on that session tries again (once per
// message: one that parks again waits for the next).
void ProcessWorker::wake_senders(SessionId session) {
    uint64_t gen = ++wake_generation_;
    for (;;) {
        auto it = std::find_if(waiters_.begin(), waiters_.end(),
                               [&](SendWaiter *w) { return w->session == session && w->generation != gen; });
        if (it == waiters_.end()) return;
        SendWaiter *w = *it;
        w->generation = gen;
        Coroutine::wake(w->co);
    }
}

bool ProcessWorker::close(SessionId session, bool reset) {
    SessionRecord *rec = live(session, true);
    if (!rec) return false;
    uint32_t flags = rec->flags.load(std::memory_order_acquire);
    do {
        if (flags & (kSessionClosing | kSessionCloseRequested)) return fail(SW_ERROR_SESSION_CLOSING);
    } while (!rec->flags.compare_exchange_weak(flags, flags | kSessionCloseRequested, std::memory_order_acq_rel));
    return request(*rec, session, PipeType::close_request, {}, reset ? kCloseReset : 0);
}

bool ProcessWorker::pause(SessionId session) {
    SessionRecord *rec = live(session, false);
    return rec && request(*rec, session, PipeType::pause, {});
}

bool ProcessWorker::resume(SessionId session) {
    SessionRecord *rec = live(session, false);
    return rec && request(*rec, session, PipeType::resume, {});
}

bool ProcessWorker::exist(SessionId session) const {
    SessionRecord *rec = session > 0 ? pm_.sessions().find(session) : nullptr;
    return rec && !(rec->flags.load(std::memory_order_acquire) & (kSessionClosing | kSessionCloseRequested));
}

bool ProcessWorker::protect(SessionId session, bool value) {
    SessionRecord *rec = live(session, false);
    if (!rec) return false;
    if (value) {
        rec->flags.fetch_or(kSessionProtected, std::memory_order_relaxed);
    } else {
        rec->flags.fetch_and(~kSessionProtected, std::memory_order_relaxed);
    }
    return true;
}

bool ProcessWorker::bind_uid(SessionId session, uint32_t uid) {
    SessionRecord *rec = live(session, false);
    if (!rec) return false;
    if (rec->flags.load(std::memory_order_acquire) & kSessionUidBound) return false;
    rec->uid.store(uid, std::memory_order_relaxed);
    uint32_t old = rec->flags.fetch_or(kSessionUidBound, std::memory_order_acq_rel);
    return !(old & kSessionUidBound);
}

bool ProcessWorker::client_info(SessionId session, ClientInfo &info, bool ignore_error) const {
    SessionRecord *rec = live(session, true);
    if (!rec) return false;
    uint32_t flags = rec->flags.load(std::memory_order_acquire);
    // After this side's close() and before the close event, only ignore_error shows it.
    if ((flags & kSessionCloseRequested) && !(flags & kSessionClosing) && !ignore_error) {
        return fail(SW_ERROR_SESSION_CLOSED);
    }
    info.uid_bound = (flags & kSessionUidBound) != 0;
    info.uid = rec->uid.load(std::memory_order_relaxed);
    int pinned = rec->worker_id.load(std::memory_order_relaxed);
    info.worker_id = pinned >= 0 ? pinned : worker_id_;
    size_t idx = static_cast<size_t>(rec->port_index);
    const ListenPort *port = idx < server_.ports_.size() ? server_.ports_[idx].get() : nullptr;
    info.server_port = port ? port->port() : 0;
    info.server_fd = port ? port->fd() : -1;
    info.socket_fd = rec->fd;
    info.socket_type = port ? port->type() : 0;
    info.remote_port = rec->peer.port();
    info.remote_ip = rec->peer.host();
    info.reactor_id = rec->reactor_id;
    info.connect_time = rec->connect_time;
    info.last_recv_time = rec->last_recv_time.load(std::memory_order_relaxed);
    info.last_send_time = rec->last_send_time.load(std::memory_order_relaxed);
    info.last_dispatch_time = rec->last_dispatch_time.load(std::memory_order_relaxed);
    info.close_errno = rec->close_errno.load(std::memory_order_relaxed);
    info.recv_queued_bytes = static_cast<size_t>(rec->recv_queued.load(std::memory_order_relaxed));
    info.send_queued_bytes = static_cast<size_t>(rec->send_queued.load(std::memory_order_relaxed));
    info.ssl = rec->ssl;
    if (rec->session.load(std::memory_order_acquire) != session) return fail(SW_ERROR_SESSION_NOT_EXIST);
    return true;
}

bool ProcessWorker::client_list(SessionId start, size_t count, std::vector<SessionId> &out) const {
    out.clear();
    if (start < 0 || (start > 0 && !pm_.sessions().find(start))) return fail(SW_ERROR_SESSION_NOT_EXIST);
    std::vector<int64_t> all;
    pm_.sessions().list(start, all);
    for (int64_t id : all) {
        if (out.size() >= count) break;
        if (exist(id)) out.push_back(id);
    }
    return !out.empty();
}

bool ProcessWorker::heartbeat(bool close_them, std::vector<SessionId> *idle) {
    int interval = server_.settings.heartbeat_check_interval;
    int max_idle = 0;
    for (auto &p : server_.ports_) max_idle = std::max(max_idle, p->settings.heartbeat_idle_time);
    if (interval < 1 && max_idle > 0) interval = std::max(1, max_idle / 2);
    if (interval < 1) return false;
    double t = Server::now();
    std::vector<int64_t> all;
    pm_.sessions().list(0, all);
    std::vector<SessionId> found;
    for (int64_t id : all) {
        SessionRecord *rec = pm_.sessions().find(id);
        if (!rec) continue;
        uint32_t flags = rec->flags.load(std::memory_order_acquire);
        if (flags & (kSessionClosing | kSessionCloseRequested | kSessionProtected)) continue;
        size_t idx = static_cast<size_t>(rec->port_index);
        if (idx >= server_.ports_.size() || !server_.ports_[idx]->is_stream()) continue;
        int limit = server_.ports_[idx]->settings.heartbeat_idle_time;
        if (limit <= 0) limit = interval * 2;
        double last = rec->last_recv_time.load(std::memory_order_relaxed);
        if (last <= 0) last = rec->connect_time;
        if (t - last > limit) found.push_back(id);
    }
    if (close_them) {
        for (SessionId id : found) {
            SessionRecord *rec = pm_.sessions().find(id);
            if (rec) request(*rec, id, PipeType::close_request, {}, kCloseIdle);
        }
    }
    if (idle) *idle = std::move(found);
    return true;
}

Connection *ProcessWorker::find(SessionId session) {
    SessionRecord *rec = live(session, false);
    if (!rec) return nullptr;
    if (!fill(found_, session, rec, rec->reactor_id)) {
        set_last_error(SW_ERROR_SESSION_NOT_EXIST);
        return nullptr;
    }
    return &found_;
}

}  // namespace swoole::kernel
