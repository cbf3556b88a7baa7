#include "reactor/reactor.h"

#include <event2/event.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <ctime>
#include <limits>
#include <unordered_map>

namespace swoole::kernel {

namespace {

thread_local Reactor *t_current = nullptr;
std::atomic<uint64_t> g_reactor_serial{0};

short to_libevent(int events) {
    short what = 0;
    if (events & kEventRead) what |= EV_READ;
    if (events & kEventWrite) what |= EV_WRITE;
    return what;
}

int from_libevent(short what) {
    int events = 0;
    if (what & EV_READ) events |= kEventRead;
    if (what & EV_WRITE) events |= kEventWrite;
    return events;
}

timeval ms_to_timeval(uint64_t ms) {
    // Clamp so a huge delay cannot overflow time_t; it just never fires.
    constexpr uint64_t max_sec = static_cast<uint64_t>(std::numeric_limits<int32_t>::max());
    uint64_t sec = ms / 1000;
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(std::min(sec, max_sec));
    tv.tv_usec = static_cast<suseconds_t>((ms % 1000) * 1000);
    return tv;
}

// Owns a libevent event; frees it (which also deletes it) on destruction.
struct EventHandle {
    event *ev = nullptr;
    EventHandle() = default;
    EventHandle(const EventHandle &) = delete;
    EventHandle &operator=(const EventHandle &) = delete;
    ~EventHandle() {
        if (ev) event_free(ev);
    }
};

}  // namespace

struct Reactor::FdEntry {
    Reactor *owner;
    int fd;
    int events;
    FdCallback cb;
    void *arg;
    EventHandle handle;
};

struct Reactor::Timer {
    Reactor *owner;
    TimerId id;
    bool repeat;
    TimerCallback cb;
    void *arg;
    EventHandle handle;
};

struct Reactor::Signal {
    Reactor *owner;
    int signo;
    SignalCallback cb;
    void *arg;
    EventHandle handle;
};

struct Reactor::TimerTable {
    std::unordered_map<TimerId, std::unique_ptr<Timer>> map;
};

struct Reactor::Graveyard {
    std::vector<std::unique_ptr<FdEntry>> fds;
    std::vector<std::unique_ptr<Timer>> timers;
    std::vector<std::unique_ptr<Signal>> signals;

    void clear() {
        fds.clear();
        timers.clear();
        signals.clear();
    }
};

Reactor::Reactor() : timers_(std::make_unique<TimerTable>()), graveyard_(std::make_unique<Graveyard>()) {
    // The monotonic clock libevent picks by default is the coarse one (a few
    // ms granularity); timers promise millisecond resolution.
    event_config *cfg = event_config_new();
    if (cfg) {
        event_config_set_flag(cfg, EVENT_BASE_FLAG_PRECISE_TIMER);
        base_ = event_base_new_with_config(cfg);
        event_config_free(cfg);
    }
    if (!base_) base_ = event_base_new();
    serial_ = ++g_reactor_serial;
    if (!t_current) t_current = this;
}

Reactor::~Reactor() {
    // Every event must be freed before the base that it belongs to.
    fds_.clear();
    fd_count_ = 0;
    timers_.reset();
    signals_.clear();
    graveyard_.reset();
    deferred_.clear();
    deferred_running_.clear();
    hooks_.clear();
    if (base_) event_base_free(base_);
    base_ = nullptr;
    if (t_current == this) t_current = nullptr;
}

Reactor *Reactor::current() { return t_current; }

// ---- graveyard --------------------------------------------------------------

void Reactor::leave_dispatch() {
    if (--dispatch_depth_ == 0) graveyard_->clear();
}

void Reactor::retire(std::unique_ptr<FdEntry> entry) {
    event_del(entry->handle.ev);
    if (dispatch_depth_ > 0) graveyard_->fds.push_back(std::move(entry));
}

void Reactor::retire(std::unique_ptr<Timer> timer) {
    event_del(timer->handle.ev);
    if (dispatch_depth_ > 0) graveyard_->timers.push_back(std::move(timer));
}

void Reactor::retire(std::unique_ptr<Signal> signal) {
    event_del(signal->handle.ev);
    if (dispatch_depth_ > 0) graveyard_->signals.push_back(std::move(signal));
}

// ---- fds --------------------------------------------------------------------

bool Reactor::add(int fd, int events, FdCallback cb, void *arg) {
    if (fd < 0) {
        errno = EBADF;
        return false;
    }
    short what = to_libevent(events);
    if (!what || !cb || !base_) {
        errno = EINVAL;
        return false;
    }
    if (exists(fd)) {
        errno = EEXIST;
        return false;
    }
    auto entry = std::make_unique<FdEntry>(this, fd, events & (kEventRead | kEventWrite), cb, arg);
    entry->handle.ev = event_new(base_, fd, static_cast<short>(what | EV_PERSIST), &Reactor::fd_trampoline, entry.get());
    if (!entry->handle.ev) {
        errno = ENOMEM;
        return false;
    }
    errno = 0;
    if (event_add(entry->handle.ev, nullptr) != 0) {
        if (errno == 0) errno = EINVAL;
        return false;
    }
    if (static_cast<size_t>(fd) >= fds_.size()) fds_.resize(static_cast<size_t>(fd) + 1);
    fds_[fd] = std::move(entry);
    ++fd_count_;
    return true;
}

bool Reactor::modify(int fd, int events) {
    if (!exists(fd)) {
        errno = ENOENT;
        return false;
    }
    short what = to_libevent(events);
    if (!what) {
        errno = EINVAL;
        return false;
    }
    FdEntry *entry = fds_[fd].get();
    int bits = events & (kEventRead | kEventWrite);
    if (bits == entry->events) return true;
    // Re-assigning is allowed once the event is deleted, even from its own
    // callback: libevent copied what it needs before calling us.
    event_del(entry->handle.ev);
    event_assign(entry->handle.ev, base_, fd, static_cast<short>(what | EV_PERSIST), &Reactor::fd_trampoline, entry);
    errno = 0;
    if (event_add(entry->handle.ev, nullptr) != 0) {
        if (errno == 0) errno = EINVAL;
        // The fd is no longer watched at all: drop it rather than lie.
        remove(fd);
        return false;
    }
    entry->events = bits;
    return true;
}

bool Reactor::remove(int fd) {
    if (!exists(fd)) {
        errno = ENOENT;
        return false;
    }
    retire(std::move(fds_[fd]));
    --fd_count_;
    return true;
}

bool Reactor::exists(int fd) const { return fd >= 0 && static_cast<size_t>(fd) < fds_.size() && fds_[fd]; }

int Reactor::interest(int fd) const { return exists(fd) ? fds_[fd]->events : 0; }

void Reactor::fd_trampoline(int fd, short what, void *arg) {
    auto *entry = static_cast<FdEntry *>(arg);
    Reactor *self = entry->owner;
    // Copies: the callback may remove or re-add this fd.
    FdCallback cb = entry->cb;
    void *cb_arg = entry->arg;
    self->enter_dispatch();
    cb(fd, from_libevent(what), cb_arg);
    self->leave_dispatch();
}

// ---- timers -----------------------------------------------------------------

TimerId Reactor::after(uint64_t ms, TimerCallback cb, void *arg) { return add_timer(ms, false, cb, arg); }

TimerId Reactor::tick(uint64_t ms, TimerCallback cb, void *arg) {
    if (ms == 0) {
        errno = EINVAL;
        return -1;
    }
    return add_timer(ms, true, cb, arg);
}

TimerId Reactor::add_timer(uint64_t ms, bool repeat, TimerCallback cb, void *arg) {
    if (!cb || !base_) {
        errno = EINVAL;
        return -1;
    }
    auto timer = std::make_unique<Timer>(this, next_timer_id_, repeat, cb, arg);
    // EV_PERSIST re-arms a tick from its previous deadline, so it does not drift.
    timer->handle.ev = event_new(base_, -1, repeat ? EV_PERSIST : 0, &Reactor::timer_trampoline, timer.get());
    if (!timer->handle.ev) {
        errno = ENOMEM;
        return -1;
    }
    // Measure the delay from now, not from when this loop turn woke up.
    event_base_update_cache_time(base_);
    timeval tv = ms_to_timeval(ms);
    if (event_add(timer->handle.ev, &tv) != 0) {
        errno = EINVAL;
        return -1;
    }
    TimerId id = next_timer_id_++;
    timers_->map.emplace(id, std::move(timer));
    return id;
}

bool Reactor::clear(TimerId id) {
    auto it = timers_->map.find(id);
    if (it == timers_->map.end()) return false;
    std::unique_ptr<Timer> timer = std::move(it->second);
    timers_->map.erase(it);
    retire(std::move(timer));
    return true;
}

bool Reactor::timer_exists(TimerId id) const { return timers_->map.count(id) != 0; }

size_t Reactor::timer_count() const { return timers_->map.size(); }

void Reactor::timer_trampoline(int, short, void *arg) {
    auto *timer = static_cast<Timer *>(arg);
    Reactor *self = timer->owner;
    TimerId id = timer->id;
    bool repeat = timer->repeat;
    TimerCallback cb = timer->cb;
    void *cb_arg = timer->arg;
    self->enter_dispatch();
    // A one-shot timer still exists during its own callback (as in Swoole, where
    // Timer::exists/clear see it); it goes away once the callback returns.
    cb(id, cb_arg);
    if (!repeat) self->clear(id);  // no-op if the callback already cleared it
    self->leave_dispatch();
}

// ---- signals ----------------------------------------------------------------

bool Reactor::on_signal(int signo, SignalCallback cb, void *arg) {
    if (signo <= 0 || signo >= NSIG || !base_) {
        errno = EINVAL;
        return false;
    }
    if (signals_.size() < static_cast<size_t>(NSIG)) signals_.resize(NSIG);
    std::unique_ptr<Signal> &slot = signals_[signo];
    if (!cb) {
        if (slot) retire(std::move(slot));
        return true;
    }
    if (slot) {
        // Already watched: just swap the handler, the libevent event stays.
        slot->cb = cb;
        slot->arg = arg;
        return true;
    }
    auto sig = std::make_unique<Signal>(this, signo, cb, arg);
    sig->handle.ev = evsignal_new(base_, signo, &Reactor::signal_trampoline, sig.get());
    if (!sig->handle.ev) {
        errno = ENOMEM;
        return false;
    }
    if (event_add(sig->handle.ev, nullptr) != 0) {
        errno = EINVAL;
        return false;
    }
    slot = std::move(sig);
    return true;
}

void Reactor::signal_trampoline(int signo, short, void *arg) {
    auto *sig = static_cast<Signal *>(arg);
    Reactor *self = sig->owner;
    SignalCallback cb = sig->cb;
    void *cb_arg = sig->arg;
    self->enter_dispatch();
    cb(signo, cb_arg);
    self->leave_dispatch();
}

// ---- defer and turn hooks -----------------------------------------------------

void Reactor::defer(Callback cb, void *arg) {
    if (cb) deferred_.push_back(Deferred{cb, arg});
}

void Reactor::run_deferred() {
    // Take the current batch: what these callbacks defer goes to the next turn.
    deferred_running_.swap(deferred_);
    for (size_t i = 0; i < deferred_running_.size(); ++i) {
        Deferred d = deferred_running_[i];
        d.cb(d.arg);
    }
    deferred_running_.clear();
}

int Reactor::add_turn_hook(Callback cb, void *arg, bool at_start) {
    if (!cb) {
        errno = EINVAL;
        return -1;
    }
    int id = next_hook_id_++;
    hooks_.push_back(Hook{id, cb, arg, at_start});
    return id;
}

void Reactor::remove_turn_hook(int hook_id) {
    auto it = std::find_if(hooks_.begin(), hooks_.end(), [&](const Hook &h) { return h.id == hook_id; });
    if (it == hooks_.end()) return;
    // While hooks run, only blank the slot so the iteration stays valid.
    if (hooks_running_) {
        it->cb = nullptr;
    } else {
        hooks_.erase(it);
    }
}

void Reactor::run_hooks(bool at_start) {
    if (hooks_.empty()) return;
    hooks_running_ = true;
    // Hooks added during this pass first run on the next turn.
    size_t n = hooks_.size();
    for (size_t i = 0; i < n; ++i) {
        Hook h = hooks_[i];
        if (h.cb && h.at_start == at_start) h.cb(h.arg);
    }
    hooks_running_ = false;
    std::erase_if(hooks_, [](const Hook &h) { return h.cb == nullptr; });
}

// ---- loop -------------------------------------------------------------------

bool Reactor::has_work() const {
    if (!deferred_.empty()) return true;
    // Count everything on the base, not only our own registrations: other
    // kernel parts attach events directly (a parked coroutine's timer).
    return event_base_get_num_events(base_, EVENT_BASE_COUNT_ADDED | EVENT_BASE_COUNT_ACTIVE |
                                                EVENT_BASE_COUNT_VIRTUAL) > 0;
}

int Reactor::run() {
    if (running_ || !base_) {
        errno = running_ ? EBUSY : EINVAL;
        return -1;
    }
    running_ = true;
    stop_requested_ = false;  // a stop() outside run() does not pre-empt the next run
    int rc = 0;
    while (!stop_requested_ && has_work()) {
        if (turn() < 0) {
            rc = -1;
            break;
        }
    }
    running_ = false;
    stop_requested_ = false;
    return rc;
}

bool Reactor::run_once() {
    if (running_ || !base_) {
        errno = running_ ? EBUSY : EINVAL;
        return false;
    }
    running_ = true;
    stop_requested_ = false;
    int rc = turn();
    running_ = false;
    stop_requested_ = false;
    return rc == 0;
}

int Reactor::turn() {
    run_hooks(true);
    run_deferred();
    // With deferred work waiting (or a stop requested) this turn must only
    // poll, never block on I/O; and poll once: NONBLOCK alone keeps polling
    // while anything is ready, which starves the deferred calls.
    int flags = (deferred_.empty() && !stop_requested_) ? EVLOOP_ONCE : (EVLOOP_ONCE | EVLOOP_NONBLOCK);
    if (event_base_loop(base_, flags) < 0) return -1;
    run_hooks(false);
    return 0;
}

void Reactor::stop() {
    if (running_) stop_requested_ = true;
}

}  // namespace swoole::kernel
