#include "aio/child.h"

#include <event2/event.h>
#include <event2/event_struct.h>
#include <sys/wait.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <csignal>
#include <deque>
#include <unordered_map>
#include <vector>

#include "base/error.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

namespace {

struct Waiter {
    pid_t pid;  // -1: any child
    int64_t cid;
    bool done = false;
    bool timed_out = false;
    int err = 0;
    ChildExit result;
};

struct Entry {
    bool reserved = false;
    bool abandoned = false;
    bool exited = false;  // status holds the exit, not yet taken
    bool gone = false;    // not our child (any more): someone else reaped it
    ChildExit status;
    Waiter *waiter = nullptr;
};

// Children are a property of the process; the loop thread owns this state.
struct State {
    std::unordered_map<pid_t, Entry> entries;
    std::deque<Waiter *> any;
    size_t waiters = 0;
    struct event ev;
    bool ev_added = false;
    uint64_t loop_serial = 0;  // the loop ev is on
};

State &state() {
    static State s;
    return s;
}

ChildExit decode(pid_t pid, int status) {
    ChildExit e;
    e.pid = pid;
    if (WIFEXITED(status)) e.code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) e.signal = WTERMSIG(status);
    return e;
}

// Reaps what has exited and hands each status to its waiter; the waiters are
// resumed after the bookkeeping is complete.
void collect() {
    State &s = state();
    std::vector<int64_t> wake;
    auto deliver = [&](Waiter *w, const ChildExit *exit, int err) {
        if (exit) w->result = *exit;
        w->err = err;
        w->done = true;
        wake.push_back(w->cid);
    };
    for (auto it = s.entries.begin(); it != s.entries.end();) {
        pid_t pid = it->first;
        Entry &e = it->second;
        if (!e.exited && !e.gone) {
            int status = 0;
            pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r == pid) {
                e.exited = true;
                e.status = decode(pid, status);
            } else if (r < 0 && errno == ECHILD) {
                e.gone = true;
            }
        }
        bool finished = e.exited || e.gone;
        if (finished && e.waiter) {
            deliver(e.waiter, e.exited ? &e.status : nullptr, e.exited ? 0 : ECHILD);
            it = s.entries.erase(it);
        } else if (finished && (e.abandoned || !e.reserved)) {
            it = s.entries.erase(it);
        } else {
            ++it;
        }
    }
    while (!s.any.empty()) {
        int status = 0;
        pid_t r = ::waitpid(-1, &status, WNOHANG);
        if (r <= 0) break;
        ChildExit exit = decode(r, status);
        auto it = s.entries.find(r);
        if (it != s.entries.end()) {
            Entry &e = it->second;
            if (e.waiter) {
                deliver(e.waiter, &exit, 0);
                s.entries.erase(it);
            } else if (e.abandoned) {
                s.entries.erase(it);
            } else {
                e.exited = true;
                e.status = exit;
            }
            continue;
        }
        Waiter *w = s.any.front();
        s.any.pop_front();
        deliver(w, &exit, 0);
    }
    for (int64_t cid : wake) Coroutine::wake(cid);
}

void on_sigchld(evutil_socket_t, short, void *) { collect(); }

void watch(Reactor *reactor) {
    State &s = state();
    if (s.ev_added) return;
    s.loop_serial = reactor->serial();
    event_assign(&s.ev, reactor->base(), SIGCHLD, EV_SIGNAL | EV_PERSIST, on_sigchld, nullptr);
    s.ev_added = event_add(&s.ev, nullptr) == 0;
}

// A loop torn down while the event was on it (the request ended inside a
// wait) took the event and its waiters with it: forget both.
void forget_stale_loop(Reactor *reactor) {
    State &s = state();
    if (!s.ev_added || s.loop_serial == reactor->serial()) return;
    s.ev_added = false;
    s.any.clear();
    for (auto &entry : s.entries) entry.second.waiter = nullptr;
    s.waiters = 0;
}

void unwatch_if_idle() {
    State &s = state();
    if (s.waiters == 0 && s.ev_added) {
        event_del(&s.ev);
        s.ev_added = false;
    }
}

void on_wait_timeout(TimerId, void *arg) {
    auto *w = static_cast<Waiter *>(arg);
    w->timed_out = true;
    Coroutine::wake(w->cid);
}

Reactor *parking_reactor() {
    if (!Coroutine::current()) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return nullptr;
    }
    Reactor *reactor = Reactor::current();
    if (!reactor) set_last_error(SW_ERROR_WRONG_OPERATION);
    return reactor;
}

uint64_t timeout_ms(double seconds) {
    auto ms = static_cast<uint64_t>(std::ceil(seconds * 1000));
    return ms < 1 ? 1 : ms;
}

}  // namespace

void ChildWatcher::reserve(pid_t pid) {
    Entry &e = state().entries[pid];
    e = Entry{};
    e.reserved = true;
}

void ChildWatcher::abandon(pid_t pid) {
    State &s = state();
    auto it = s.entries.find(pid);
    if (it == s.entries.end()) return;
    if (it->second.exited || it->second.gone) {
        s.entries.erase(it);
        return;
    }
    it->second.abandoned = true;
    it->second.waiter = nullptr;
    // Reap it now if it is already done; otherwise a later collect will.
    int status;
    if (::waitpid(pid, &status, WNOHANG) != 0) s.entries.erase(pid);
}

bool ChildWatcher::watching() { return state().ev_added; }

WaitResult ChildWatcher::wait(pid_t pid, double timeout, ChildExit &out) {
    Reactor *reactor = parking_reactor();
    if (!reactor) return WaitResult::error;
    forget_stale_loop(reactor);
    State &s = state();
    Waiter w{pid, Coroutine::current_id()};
    if (pid > 0) {
        auto [it, created] = s.entries.try_emplace(pid);
        Entry &e = it->second;
        if (e.waiter) {
            errno = EBUSY;
            set_last_error(EBUSY);
            return WaitResult::error;
        }
        if (created) {
            // Not spawned by us: check now that it is a child at all.
            int status = 0;
            pid_t r = ::waitpid(pid, &status, WNOHANG);
            if (r < 0) {
                int err = errno;
                s.entries.erase(it);
                errno = err;
                set_last_error(err);
                return WaitResult::error;
            }
            if (r == pid) {
                s.entries.erase(it);
                out = decode(pid, status);
                return WaitResult::ready;
            }
        }
        e.abandoned = false;
        e.waiter = &w;
    } else {
        s.any.push_back(&w);
    }
    ++s.waiters;
    watch(reactor);  // before looking, so that no SIGCHLD is missed in between
    collect();

    TimerId timer = 0;
    if (!w.done && timeout > 0) timer = reactor->after(timeout_ms(timeout), on_wait_timeout, &w);
    bool canceled = false;
    while (!w.done && !w.timed_out) {
        if (Coroutine::park() == WaitResult::canceled) {
            canceled = true;
            break;
        }
    }
    if (timer && !w.timed_out) reactor->clear(timer);
    if (s.waiters) --s.waiters;
    if (!w.done) {
        if (pid > 0) {
            auto it = s.entries.find(pid);
            if (it != s.entries.end() && it->second.waiter == &w) {
                it->second.waiter = nullptr;
                if (!it->second.reserved) s.entries.erase(it);
            }
        } else {
            s.any.erase(std::remove(s.any.begin(), s.any.end(), &w), s.any.end());
        }
    }
    unwatch_if_idle();
    if (w.done) {
        if (w.err) {
            errno = w.err;
            set_last_error(w.err);
            return WaitResult::error;
        }
        out = w.result;
        return WaitResult::ready;
    }
    return canceled ? WaitResult::canceled : WaitResult::timeout;
}

// ---- signals ----

namespace {

struct SignalWait {
    int64_t cid;
    short what = 0;
};

bool g_signal_waited[NSIG];

void on_signal_event(evutil_socket_t, short what, void *arg) {
    auto *sw = static_cast<SignalWait *>(arg);
    sw->what |= what;
    Coroutine::wake(sw->cid);
}

}  // namespace

bool signal_waited(int signo) { return signo > 0 && signo < NSIG && g_signal_waited[signo]; }

bool signal_has_listener(int signo) {
    Reactor *reactor = Reactor::current();
    if (signo <= 0 || signo >= NSIG || !reactor) return false;
    struct Search {
        int signo;
        bool found = false;
    } search{signo};
    event_base_foreach_event(
        reactor->base(),
        [](const event_base *, const event *ev, void *arg) -> int {
            auto *s = static_cast<Search *>(arg);
            if (!(event_get_events(ev) & EV_SIGNAL) || event_get_signal(ev) != s->signo) return 0;
            event_callback_fn cb = event_get_callback(ev);
            if (cb == on_signal_event || cb == on_sigchld) return 0;  // our own waits
            s->found = true;
            return 1;
        },
        &search);
    return search.found;
}

WaitResult wait_signal(int signo, double timeout) {
    if (signo <= 0 || signo >= NSIG || signo == SIGKILL || signo == SIGSTOP) {
        errno = EINVAL;
        set_last_error(EINVAL);
        return WaitResult::error;
    }
    Reactor *reactor = parking_reactor();
    if (!reactor) return WaitResult::error;
    if (g_signal_waited[signo]) {
        errno = EBUSY;
        set_last_error(EBUSY);
        return WaitResult::error;
    }
    SignalWait sw{Coroutine::current_id()};
    struct event ev;
    event_assign(&ev, reactor->base(), signo, EV_SIGNAL | EV_PERSIST, on_signal_event, &sw);
    timeval tv{};
    if (timeout > 0) {
        double whole = std::floor(timeout);
        tv.tv_sec = static_cast<time_t>(whole);
        tv.tv_usec = static_cast<suseconds_t>((timeout - whole) * 1e6);
    }
    if (event_add(&ev, timeout > 0 ? &tv : nullptr) != 0) {
        errno = EINVAL;
        set_last_error(EINVAL);
        return WaitResult::error;
    }
    g_signal_waited[signo] = true;
    WaitResult result = WaitResult::ready;
    while (sw.what == 0) {
        if (Coroutine::park() == WaitResult::canceled) {
            result = WaitResult::canceled;
            break;
        }
    }
    event_del(&ev);
    g_signal_waited[signo] = false;
    if (result == WaitResult::canceled) return result;
    return (sw.what & EV_SIGNAL) ? WaitResult::ready : WaitResult::timeout;
}

}  // namespace swoole::kernel
