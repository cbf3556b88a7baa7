#include "server/task_ipc.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <ctime>

#include "base/error.h"
#include "aio/aio.h"
#include "base/log.h"
#include "coroutine/coroutine.h"
#include "process/process_manager.h"

namespace swoole::kernel {

namespace {

double wall_now() {
    timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

double steady_now() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// One datagram of header + payload; waits (the coroutine's loop, or poll)
// while the peer's buffer is full.
bool send_datagram(int fd, const MessageHeader &h, std::string_view payload) {
    iovec iov[2] = {{const_cast<MessageHeader *>(&h), sizeof h},
                    {const_cast<char *>(payload.data()), payload.size()}};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = payload.empty() ? 1 : 2;
    for (;;) {
        if (::sendmsg(fd, &msg, MSG_DONTWAIT | MSG_NOSIGNAL) >= 0) return true;
        if (errno == EINTR) continue;
        if (errno != EAGAIN) return false;
        if (Coroutine::current() && Reactor::current()) {
            if (Coroutine::wait_fd(fd, kEventWrite, -1) != WaitResult::ready) {
                errno = ECANCELED;
                return false;
            }
        } else {
            pollfd p{fd, POLLOUT, 0};
            if (::poll(&p, 1, -1) < 0 && errno != EINTR) return false;
        }
    }
}

bool make_dir(const std::string &dir) {
    if (dir.empty()) return true;
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (S_ISDIR(st.st_mode)) return true;
        errno = ENOTDIR;
        return false;
    }
    // Parents first (mkdir -p).
    for (size_t pos = 1; pos <= dir.size(); ++pos) {
        if (pos == dir.size() || dir[pos] == '/') {
            std::string part = dir.substr(0, pos);
            if (::mkdir(part.c_str(), 0777) != 0 && errno != EEXIST) return false;
        }
    }
    return true;
}

}  // namespace

TaskIpc::~TaskIpc() {
    detach();
    close(false);
}

bool TaskIpc::open(int event_num, const TaskSettings &settings) {
    close(true);
    settings_ = settings;
    if (settings_.ipc_mode < 1 || settings_.ipc_mode > 3) settings_.ipc_mode = 1;
    event_num_ = event_num > 0 ? event_num : 0;
    if (settings_.worker_num > 0 && !make_dir(settings_.tmpdir)) return false;
    int total = event_num_ + settings_.worker_num;
    pipes_.clear();
    pipes_.resize(total);
    for (int id = 0; id < total; ++id) {
        if (is_task_worker(id) && settings_.ipc_mode != 1) continue;
        auto pipe = std::make_unique<UnixPipe>();
        if (!pipe->open(SOCK_DGRAM)) {
            int err = errno;
            pipes_.clear();
            errno = err;
            return false;
        }
        pipes_[id] = std::move(pipe);
    }
    if (settings_.worker_num > 0 && settings_.ipc_mode != 1) {
        if (!queue_.open(settings_.message_queue_key)) {
            int err = errno;
            pipes_.clear();
            errno = err;
            return false;
        }
        queue_.set_blocking(true);
        doorbells_.resize(settings_.ipc_mode == 2 ? settings_.worker_num : 1);
        for (auto &bell : doorbells_) {
            bell = std::make_unique<UnixPipe>();
            if (!bell->open(SOCK_STREAM)) {
                int err = errno;
                pipes_.clear();
                doorbells_.clear();
                queue_.destroy();
                errno = err;
                return false;
            }
        }
    }
    owner_pid_ = ::getpid();
    rbuf_.reset(new char[kMessageMax]);
    wbuf_.reset(new char[kMessageMax]);
    opened_ = true;
    return true;
}

void TaskIpc::close(bool remove_queue) {
    if (!opened_) return;
    pipes_.clear();
    doorbells_.clear();
    if (queue_.is_open()) {
        // A queue of our own (key 0) goes; a named one stays for the next run.
        if (remove_queue && settings_.message_queue_key == 0 && ::getpid() == owner_pid_) {
            queue_.destroy();
        } else {
            queue_.detach();
        }
    }
    opened_ = false;
}

bool TaskIpc::reads_queue() const { return is_task_worker(self_) && settings_.ipc_mode != 1; }

bool TaskIpc::attach(int self_id, Reactor *reactor, const Events &events) {
    detach();
    self_ = self_id;
    reactor_ = reactor;
    events_ = events;
    next_task_id_ = 0;
    tasks_done_ = 0;
    if (opened_ && reads_queue()) {
        int fd = doorbells_[doorbell_index(self_id - event_num_)]->fd(UnixPipe::worker);
        queue_.set_blocking(false);  // this process only takes what is there
        if (!reactor_ || !reactor_->add(fd, kEventRead, on_doorbell, this)) return false;
        doorbell_fd_ = fd;
        reactor_->defer(on_queue_leftovers, this);
        return true;
    }
    if (!opened_ || self_id < 0 || self_id >= static_cast<int>(pipes_.size()) || !pipes_[self_id]) return true;
    int fd = pipes_[self_id]->fd(UnixPipe::worker);
    if (!reactor_ || !reactor_->add(fd, kEventRead, on_inbox, this)) return false;
    inbox_fd_ = fd;
    return true;
}

void TaskIpc::detach() {
    if (inbox_fd_ >= 0 && reactor_ && reactor_->exists(inbox_fd_)) reactor_->remove(inbox_fd_);
    inbox_fd_ = -1;
    if (doorbell_fd_ >= 0 && reactor_ && reactor_->exists(doorbell_fd_)) reactor_->remove(doorbell_fd_);
    doorbell_fd_ = -1;
}

// ---- sending

// A coroutine's spill runs on the aio pool while it is parked. The job owns
// a copy of the payload: after a cancel the caller's buffer is gone while the
// write still runs; the job then removes the file it made.
bool TaskIpc::spill_in_pool(std::string_view payload, std::string &path) {
    struct Job {
        std::string dir, data, path;
        bool ok = false;
        int err = 0;
        bool abandoned = false;
        ~Job() {
            if (abandoned && ok) ::unlink(path.c_str());
        }
    };
    auto job = std::make_shared<Job>();
    job->dir = settings_.tmpdir;
    job->data.assign(payload);
    WaitResult r = Aio::run([job] {
        job->ok = spill_payload(job->dir, job->data, job->path);
        job->err = job->ok ? 0 : errno;
    });
    if (r != WaitResult::ready) {
        job->abandoned = true;
        errno = ECANCELED;
        return false;
    }
    if (!job->ok) {
        errno = job->err;
        return false;
    }
    path = std::move(job->path);
    return true;
}

// Sends from coroutines pass one at a time, in the order they came (a spill
// parks its sender): a small task cannot overtake a large one sent before it.
// A send from outside any coroutine never waits (it could not), so it may
// overtake a coroutine's send in flight.
bool TaskIpc::send(int dst, MessageHeader &h, std::string_view payload, long queue_type) {
    Coroutine *co = reactor_ && Reactor::current() == reactor_ ? Coroutine::current() : nullptr;
    if (!co) return send_now(dst, h, payload, queue_type, false);
    if (gate_held_) {
        bool granted = false;
        gate_waits_.push_back({co->id(), &granted});
        while (!granted) {
            if (Coroutine::park() != WaitResult::ready && !granted) {
                for (auto it = gate_waits_.begin(); it != gate_waits_.end(); ++it) {
                    if (it->granted == &granted) {
                        gate_waits_.erase(it);
                        break;
                    }
                }
                set_last_error(SW_ERROR_CO_CANCELED);
                return false;
            }
        }
    }
    gate_held_ = true;
    bool ok = send_now(dst, h, payload, queue_type, true);
    int err = last_error();
    // Hand the gate to the next coroutine in line (resumed next turn).
    if (gate_waits_.empty()) {
        gate_held_ = false;
    } else {
        GateWait next = gate_waits_.front();
        gate_waits_.pop_front();
        *next.granted = true;
        reactor_->defer(on_deferred_wake, reinterpret_cast<void *>(static_cast<intptr_t>(next.co)));
    }
    if (!ok) set_last_error(err);
    return ok;
}

bool TaskIpc::send_now(int dst, MessageHeader &h, std::string_view payload, long queue_type, bool in_pool) {
    std::string_view body = payload;
    std::string pool_path;  // the member path buffer may be reused by others while this one is parked
    std::string *path = in_pool ? &pool_path : &spill_path_;
    if (payload.size() > kInlineMax) {
        bool spilled = in_pool ? spill_in_pool(payload, pool_path) : spill_payload(settings_.tmpdir, payload, spill_path_);
        if (!spilled) {
            int err = errno;
            SW_WARN("TaskIpc::send(): cannot write the payload to a file in %s, Error: %s[%d]",
                    settings_.tmpdir.c_str(), strerror(err), err);
            set_last_error(err);
            return false;
        }
        h.flags |= kTaskTmpfile;
        body = *path;
    }
    h.length = static_cast<uint32_t>(body.size());
    h.dst_worker_id = dst;
    h.dispatch_time = wall_now();
    bool ok;
    if (queue_type > 0) {
        // The queue wants one buffer: header then body (at most kMessageMax).
        char buf[kMessageMax];
        std::memcpy(buf, &h, sizeof h);
        std::memcpy(buf + sizeof h, body.data(), body.size());
        ok = queue_.push(queue_type, buf, sizeof h + body.size());
        if (ok) {
            // Ring the reader's doorbell: one byte per message. The socket
            // holds far more bytes than the queue holds messages, so it is
            // never full while the queue is not.
            int task_index = settings_.ipc_mode == 2 ? static_cast<int>(queue_type) - 1 : 0;
            char one = 1;
            ssize_t n = ::send(doorbells_[doorbell_index(task_index)]->fd(UnixPipe::master), &one, 1,
                               MSG_DONTWAIT | MSG_NOSIGNAL);
            (void)n;
        }
    } else {
        ok = dst >= 0 && dst < static_cast<int>(pipes_.size()) && pipes_[dst] &&
             send_datagram(pipes_[dst]->fd(UnixPipe::master), h, body);
        if (!ok && errno == 0) errno = EINVAL;
    }
    if (!ok) {
        int err = errno;
        if (h.flags & kTaskTmpfile) ::unlink(path->c_str());
        set_last_error(err);
    }
    return ok;
}

int TaskIpc::pick_task_worker(int dst) {
    int n = settings_.worker_num;
    if (dst >= 0) return dst;
    // The first idle task worker (nothing queued, not running a task) after the
    // last one chosen; round robin when all are busy.
    for (int i = 0; i < n; ++i) {
        int idx = static_cast<int>((rr_ + i) % n);
        if (!pm_ || (pm_->pending(event_num_ + idx) <= 0 && pm_->worker_status(event_num_ + idx) == ProcessManager::kIdle)) {
            rr_ = idx + 1;
            return idx;
        }
    }
    return static_cast<int>(rr_++ % n);
}

int64_t TaskIpc::dispatch(std::string_view data, uint32_t data_flags, int dst, uint32_t flags) {
    if (!opened_ || settings_.worker_num <= 0 || dst >= settings_.worker_num) {
        set_last_error(SW_ERROR_TASK_DISPATCH_FAIL);
        return -1;
    }
    int idx = pick_task_worker(dst);
    MessageHeader h{};
    h.kind = MessageKind::task;
    h.flags = (flags | data_flags) & ~kTaskTmpfile;
    // Only event workers get results back.
    if (self_ < 0 || self_ >= event_num_) h.flags = (h.flags & ~(kTaskNonblock | kTaskWaitedFlags)) | kTaskNoreply;
    h.task_id = next_task_id_++;
    h.src_worker_id = self_;
    long type = settings_.ipc_mode == 1 ? 0 : settings_.ipc_mode == 2 ? idx + 1 : 1;
    if (!send(event_num_ + idx, h, data, type)) {
        SW_WARN("TaskIpc::dispatch(): failed to send task %lld to task worker #%d, Error: %s[%d]",
                static_cast<long long>(h.task_id), event_num_ + idx, error_text(last_error()), last_error());
        set_last_error(SW_ERROR_TASK_DISPATCH_FAIL);
        return -1;
    }
    if (pm_ && settings_.ipc_mode != 3) pm_->add_pending(event_num_ + idx, 1);
    return h.task_id;
}

bool TaskIpc::finish(const TaskInfo &task, std::string_view data, uint32_t data_flags) {
    if ((task.flags & kTaskNoreply) || task.src_worker_id < 0 || task.src_worker_id >= event_num_) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return false;
    }
    MessageHeader h{};
    h.kind = MessageKind::result;
    h.flags = (task.flags & ~(kTaskTmpfile | kTaskSerialize)) | (data_flags & kTaskSerialize);
    h.task_id = task.id;
    h.src_worker_id = self_;
    return send(task.src_worker_id, h, data, 0);
}

// ---- waiting

bool TaskIpc::wait(std::string_view data, uint32_t data_flags, double timeout, int dst, Result &out) {
    uint32_t flag = Coroutine::current() ? kTaskCoroutine : kTaskWaitall;
    out = Result{};
    int64_t id = dispatch(data, data_flags, dst, flag);
    if (id < 0) return false;
    Waiter w{&id, &out, 1, 1};
    collect(w, timeout);
    if (!out.done) set_last_error(SW_ERROR_TASK_TIMEOUT);
    return out.done;
}

bool TaskIpc::wait_multi(const std::string_view *data, const uint32_t *data_flags, size_t n, double timeout,
                         Result *out, uint32_t flag) {
    if (n == 0 || n > kMaxConcurrent) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return false;
    }
    int64_t ids[kMaxConcurrent];
    size_t sent = 0;
    for (size_t i = 0; i < n; ++i) {
        out[i] = Result{};
        ids[i] = dispatch(data[i], data_flags ? data_flags[i] : 0, -1, flag);
        if (ids[i] >= 0) ++sent;
    }
    Waiter w{ids, out, n, sent};
    if (sent > 0) collect(w, timeout);
    return true;
}

void TaskIpc::collect(Waiter &w, double timeout) {
    waiters_.push_back(&w);
    if (Coroutine::current() && reactor_) {
        collect_parked(w, timeout);
    } else {
        collect_blocking(w, timeout);
    }
    for (size_t i = 0; i < waiters_.size(); ++i) {
        if (waiters_[i] == &w) {
            waiters_.erase(waiters_.begin() + static_cast<long>(i));
            break;
        }
    }
}

void TaskIpc::collect_parked(Waiter &w, double timeout) {
    w.co = Coroutine::current();
    if (timeout > 0) w.timer = reactor_->after(static_cast<uint64_t>(std::ceil(timeout * 1000)), on_wait_timeout, &w);
    while (w.remaining > 0 && !w.timed_out) {
        if (Coroutine::park() != WaitResult::ready) break;  // canceled
    }
    if (w.timer) reactor_->clear(w.timer);
    w.timer = 0;
    w.co = nullptr;
    for (size_t i = 0; i < w.n; ++i) {
        Result &r = w.results[i];
        if (!r.done || !(r.flags & kTaskTmpfile)) continue;
        std::string path = std::move(r.data);
        r.flags &= ~kTaskTmpfile;
        if (!load_spilled_async(path, r.data)) {
            int err = errno;
            r.data.clear();
            if (err != ECANCELED) {
                SW_WARN("TaskIpc: cannot read the result file %s, Error: %s[%d]", path.c_str(), strerror(err), err);
            }
        }
    }
}

void TaskIpc::on_wait_timeout(TimerId, void *arg) {
    auto *w = static_cast<Waiter *>(arg);
    w->timer = 0;
    w->timed_out = true;
    if (w->co) Coroutine::wake(w->co);
}

void TaskIpc::collect_blocking(Waiter &w, double timeout) {
    int fd = self_ >= 0 && self_ < static_cast<int>(pipes_.size()) && pipes_[self_] ? pipes_[self_]->fd(UnixPipe::worker) : -1;
    if (fd < 0) return;
    double deadline = timeout > 0 ? steady_now() + timeout : 0;
    ++blocking_depth_;
    while (w.remaining > 0) {
        int ms = -1;
        if (deadline > 0) {
            double left = deadline - steady_now();
            if (left <= 0) break;
            ms = static_cast<int>(std::ceil(left * 1000));
        }
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, ms);
        if (r < 0 && errno != EINTR) break;
        if (r <= 0) continue;
        ssize_t n = ::recv(fd, wbuf_.get(), kMessageMax, MSG_DONTWAIT);
        if (n < static_cast<ssize_t>(sizeof(MessageHeader))) continue;
        MessageHeader h;
        std::memcpy(&h, wbuf_.get(), sizeof h);
        if (h.kind == MessageKind::result && deliver_to_waiter(h, wbuf_.get() + sizeof h)) continue;
        // Not for a waiter: run it from the loop once this wait is over.
        stash_.emplace_back(wbuf_.get(), static_cast<size_t>(n));
    }
    --blocking_depth_;
    if (!stash_.empty() && !stash_scheduled_ && reactor_) {
        stash_scheduled_ = true;
        reactor_->defer(on_stash, this);
    }
}

void TaskIpc::on_stash(void *arg) {
    auto *self = static_cast<TaskIpc *>(arg);
    self->stash_scheduled_ = false;
    std::vector<std::string> batch;
    batch.swap(self->stash_);
    for (const std::string &m : batch) self->handle(m.data(), m.size());
}

void TaskIpc::on_deferred_wake(void *arg) {
    Coroutine::wake(static_cast<int64_t>(reinterpret_cast<intptr_t>(arg)));
}

// A result some waiter of this process collects: stored, and the waiter
// resumed when it has all of its results.
bool TaskIpc::deliver_to_waiter(const MessageHeader &h, const char *payload) {
    for (Waiter *w : waiters_) {
        for (size_t i = 0; i < w->n; ++i) {
            if (w->ids[i] != h.task_id || w->results[i].done) continue;
            Result &r = w->results[i];
            if ((h.flags & kTaskTmpfile) && w->co) {
                // A parked coroutine reads the file itself, on the aio pool
                // (collect_parked); the flag marks the path until then.
                r.data.assign(payload, h.length);
                r.flags = h.flags;
            } else if (h.flags & kTaskTmpfile) {
                if (!load_spilled(std::string_view(payload, h.length), r.data)) r.data.clear();
                r.flags = h.flags & ~kTaskTmpfile;
            } else {
                r.data.assign(payload, h.length);
                r.flags = h.flags;
            }
            r.task_worker_id = h.src_worker_id;
            r.done = true;
            if (--w->remaining == 0 && w->co) {
                if (w->timer) reactor_->clear(w->timer);
                w->timer = 0;
                if (blocking_depth_ > 0) {
                    reactor_->defer(on_deferred_wake, reinterpret_cast<void *>(static_cast<intptr_t>(w->co->id())));
                } else {
                    Coroutine::wake(w->co);
                }
            }
            return true;
        }
    }
    return false;
}

// ---- receiving

void TaskIpc::on_inbox(int fd, int, void *arg) {
    auto *self = static_cast<TaskIpc *>(arg);
    // A bounded batch per readiness so one busy inbox cannot starve the loop.
    for (int i = 0; i < 64 && self->inbox_fd_ == fd; ++i) {
        ssize_t n = ::recv(fd, self->rbuf_.get(), kMessageMax, MSG_DONTWAIT);
        if (n < 0) break;
        self->handle(self->rbuf_.get(), static_cast<size_t>(n));
    }
}

bool TaskIpc::pop_queue() {
    long type = settings_.ipc_mode == 2 ? self_ - event_num_ + 1 : 0;
    ssize_t n;
    do {
        n = queue_.pop(type, wbuf_.get(), kMessageMax);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return false;  // ENOMSG: another worker took it, or it was drained earlier
    handle(wbuf_.get(), static_cast<size_t>(n));
    return true;
}

// One message per doorbell byte, a bounded batch per readiness. Mode 3 reads
// a single byte so the other free task workers get the next ones.
void TaskIpc::on_doorbell(int fd, int, void *arg) {
    auto *self = static_cast<TaskIpc *>(arg);
    char bytes[64];
    ssize_t n = ::recv(fd, bytes, self->settings_.ipc_mode == 2 ? sizeof bytes : 1, MSG_DONTWAIT);
    for (ssize_t i = 0; i < n; ++i) {
        if (self->doorbell_fd_ != fd) {
            // Stopped in the middle (task_max_request): the rest stay rung for the next worker.
            std::memset(bytes, 1, static_cast<size_t>(n - i));
            ssize_t w = ::send(self->doorbells_[self->doorbell_index(self->self_ - self->event_num_)]->fd(UnixPipe::master),
                               bytes, static_cast<size_t>(n - i), MSG_DONTWAIT | MSG_NOSIGNAL);
            (void)w;
            return;
        }
        self->pop_queue();
    }
}

// What a previous task worker left in the queue (its doorbell bytes were read).
void TaskIpc::on_queue_leftovers(void *arg) {
    auto *self = static_cast<TaskIpc *>(arg);
    for (int i = 0; i < 64 && self->doorbell_fd_ >= 0 && self->pop_queue(); ++i) {
    }
}

bool TaskIpc::load_payload(const MessageHeader &h, const char *inline_payload, std::string_view &view) {
    if (!(h.flags & kTaskTmpfile)) {
        view = std::string_view(inline_payload, h.length);
        return true;
    }
    if (!load_spilled(std::string_view(inline_payload, h.length), spilled_)) {
        int err = errno;
        SW_WARN("TaskIpc: cannot read the payload file %.*s, Error: %s[%d]", static_cast<int>(h.length),
                inline_payload, strerror(err), err);
        return false;
    }
    view = spilled_;
    return true;
}

void TaskIpc::handle(const char *msg, size_t n) {
    MessageHeader h;
    if (n < sizeof h) return;
    std::memcpy(&h, msg, sizeof h);
    if (sizeof h + h.length != n) {
        set_last_error(SW_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA);
        SW_WARN("TaskIpc: malformed message of %zu bytes dropped", n);
        return;
    }
    const char *payload = msg + sizeof h;
    std::string_view data;
    switch (h.kind) {
    case MessageKind::task: {
        TaskInfo info;
        if (settings_.load_in_coroutine && (h.flags & kTaskTmpfile)) {
            info.spilled_path = std::string_view(payload, h.length);  // read by the task's coroutine
        } else if (!load_payload(h, payload, data)) {
            return;
        }
        info.id = h.task_id;
        info.src_worker_id = h.src_worker_id;
        info.task_worker_id = self_;
        info.flags = h.flags & ~kTaskTmpfile;
        info.dispatch_time = h.dispatch_time;
        if (pm_) pm_->set_worker_status(self_, ProcessManager::kBusy);
        const TaskInfo *outer = current_;
        current_ = &info;
        if (events_.on_task) {
            events_.on_task(events_.ctx, info, data);
        } else if (!info.spilled_path.empty()) {
            ::unlink(std::string(info.spilled_path).c_str());
        }
        current_ = outer;
        if (pm_) {
            pm_->set_worker_status(self_, ProcessManager::kIdle);
            if (settings_.ipc_mode != 3) pm_->add_pending(self_, -1);
        }
        ++tasks_done_;
        if (settings_.max_request > 0 && tasks_done_ == static_cast<unsigned long>(settings_.max_request) &&
            events_.on_task_limit) {
            events_.on_task_limit(events_.ctx);
        }
        return;
    }
    case MessageKind::result: {
        if (deliver_to_waiter(h, payload)) return;
        if (h.flags & kTaskWaitedFlags) {
            // Its waiter gave up (timeout): nobody wants it any more.
            if (h.flags & kTaskTmpfile) ::unlink(std::string(payload, h.length).c_str());
            set_last_error(SW_ERROR_TASK_TIMEOUT);
            SW_WARN("TaskIpc::handle() (ERRNO %d): task[%lld] has expired", SW_ERROR_TASK_TIMEOUT,
                    static_cast<long long>(h.task_id));
            return;
        }
        if (!load_payload(h, payload, data)) return;
        TaskInfo info;
        info.id = h.task_id;
        info.src_worker_id = self_;
        info.task_worker_id = h.src_worker_id;
        info.flags = h.flags & ~kTaskTmpfile;
        info.dispatch_time = h.dispatch_time;
        if (events_.on_finish) events_.on_finish(events_.ctx, info, data);
        return;
    }
    case MessageKind::pipe:
        if (!load_payload(h, payload, data)) return;
        if (events_.on_pipe_message) {
            events_.on_pipe_message(events_.ctx, h.src_worker_id, h.flags & ~kTaskTmpfile, h.dispatch_time, data);
        }
        return;
    }
    set_last_error(SW_ERROR_SERVER_WORKER_ABNORMAL_PIPE_DATA);
}

}  // namespace swoole::kernel
