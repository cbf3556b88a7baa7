#include "coroutine/read_watch.h"

#include <event2/event.h>
#include <event2/event_struct.h>

#include <cmath>

#include "base/error.h"
#include "base/thread_local.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

static_assert(sizeof(struct event) <= 128 && alignof(struct event) <= 8, "ReadWatch::event_ is too small");

// The waiting coroutine's frame: what woke it.
struct ReadWatch::Parking {
    Coroutine *co;
    short what;
};

namespace {

// Watches whose waiter returned during this turn, looked at by the next
// turn's deferred sweep.
struct SweepList {
    ReadWatch *head = nullptr;
    uint64_t scheduled_serial = 0;  // the loop the sweep is deferred on; 0: none
};
SW_THREAD_LOCAL SweepList t_sweep;

timeval to_timeval(double seconds) {
    if (!(seconds > 0)) return {0, 0};
    double whole = std::floor(seconds);
    return {static_cast<time_t>(whole), static_cast<suseconds_t>((seconds - whole) * 1e6)};
}

void on_timer(evutil_socket_t, short what, void *arg) {
    auto *parking = static_cast<std::pair<Coroutine *, short *> *>(arg);
    *parking->second = what;
    parking->first->resume();
}

}  // namespace

ReadWatch::~ReadWatch() { disarm(); }

void *ReadWatch::event() { return event_; }

void ReadWatch::link() {
    if (linked_) return;
    next_ = t_sweep.head;
    prev_ = nullptr;
    if (next_) next_->prev_ = this;
    t_sweep.head = this;
    linked_ = true;
}

void ReadWatch::unlink() {
    if (!linked_) return;
    if (prev_) prev_->next_ = next_;
    else t_sweep.head = next_;
    if (next_) next_->prev_ = prev_;
    prev_ = next_ = nullptr;
    linked_ = false;
}

void ReadWatch::disarm() {
    unlink();
    if (!armed_) return;
    armed_ = false;
    // An event of a loop that is gone is forgotten, never touched.
    Reactor *reactor = Reactor::current();
    if (reactor && reactor->serial() == reactor_serial_) event_del(static_cast<struct event *>(event()));
}

void ReadWatch::on_ready(evutil_socket_t, short what, void *arg) {
    auto *watch = static_cast<ReadWatch *>(arg);
    Parking *parking = watch->parking_;
    if (!parking) {
        // Bytes (or the end) nobody waits for: stop polling until asked.
        watch->disarm();
        return;
    }
    watch->parking_ = nullptr;
    parking->what = what;
    parking->co->resume();  // the watch may be gone after this
}

void ReadWatch::sweep(void *) {
    t_sweep.scheduled_serial = 0;
    while (ReadWatch *watch = t_sweep.head) {
        watch->unlink();
        if (!watch->parking_) watch->disarm();
    }
}

WaitResult ReadWatch::wait(int fd, double timeout) {
    Coroutine *co = Coroutine::current();
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return WaitResult::error;
    }
    Reactor *reactor = Reactor::current();
    if (!reactor) {
        set_last_error(SW_ERROR_WRONG_OPERATION);
        return WaitResult::error;
    }
    if (fd < 0 || parking_) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return WaitResult::error;
    }
    auto *ev = static_cast<struct event *>(event());
    if (armed_ && (reactor->serial() != reactor_serial_ || fd != fd_)) disarm();
    if (!armed_) {
        event_assign(ev, reactor->base(), fd, EV_READ | EV_PERSIST, on_ready, this);
        if (event_add(ev, nullptr) != 0) {
            set_last_error(SW_ERROR_WRONG_OPERATION);
            return WaitResult::error;
        }
        armed_ = true;
        fd_ = fd;
        reactor_serial_ = reactor->serial();
    }
    Parking parking{co, 0};
    parking_ = &parking;
    // The timeout is a timer of its own: timers cost no system call.
    struct event timer;
    std::pair<Coroutine *, short *> timer_arg{co, &parking.what};
    if (timeout >= 0) {
        event_assign(&timer, reactor->base(), -1, 0, on_timer, &timer_arg);
        timeval tv = to_timeval(timeout);
        event_base_update_cache_time(reactor->base());  // as Coroutine::sleep does
        event_add(&timer, &tv);
    }
    WaitResult result = co->suspend_cancelable();
    parking_ = nullptr;
    if (timeout >= 0) event_del(&timer);
    // Left armed for the next wait; the next turn removes it if none comes.
    if (armed_) {
        link();
        if (t_sweep.scheduled_serial != reactor->serial()) {
            t_sweep.scheduled_serial = reactor->serial();
            reactor->defer(sweep, nullptr);
        }
    }
    if (result == WaitResult::ready && (parking.what & EV_TIMEOUT)) return WaitResult::timeout;
    return result;
}

}  // namespace swoole::kernel
