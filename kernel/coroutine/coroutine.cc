#include "coroutine/coroutine.h"
#include "coroutine/registry.h"

#include <event2/event.h>
#include <event2/event_struct.h>

#include <atomic>
#include <boost/context/detail/fcontext.hpp>
#include <cerrno>
#include <cmath>
#include <ctime>

#include "base/error.h"
#include "base/thread_local.h"
#include "reactor/reactor.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

namespace ctx = boost::context::detail;

namespace swoole::kernel {

namespace detail {
SW_THREAD_LOCAL Coroutine *t_current = nullptr;
}

namespace {

struct Scheduler {
    IdTable<Coroutine> alive;
    size_t stack_size = Stack::kDefaultSize;
    size_t max_count = Coroutine::kDefaultMaxCount;
    Coroutine::SwitchHook hook = nullptr;
    Coroutine::ReturnHook return_hook = nullptr;
};

SW_THREAD_LOCAL Scheduler *t_scheduler = nullptr;

// Created on first use, kept for the thread's life.
inline Scheduler &sched() {
    Scheduler *s = t_scheduler;
    if (__builtin_expect(s == nullptr, 0)) s = t_scheduler = new Scheduler();
    return *s;
}
// Ids are unique in the process, whatever thread created the coroutine.
std::atomic<int64_t> g_last_id{0};

int64_t monotonic_ms() {
    timespec ts;
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

timeval to_timeval(double seconds) {
    if (!(seconds > 0)) return {0, 0};
    double whole = std::floor(seconds);
    return {static_cast<time_t>(whole), static_cast<suseconds_t>((seconds - whole) * 1e6)};
}

// What a parked coroutine's event reports back through its callback.
struct Parking {
    Coroutine *co;
    short what;
};

void on_parking_event(evutil_socket_t, short what, void *arg) {
    auto *parking = static_cast<Parking *>(arg);
    parking->what = what;
    parking->co->resume();
}

}  // namespace

// ---- creation and identity ----

Coroutine::Coroutine(Fn fn, void *arg, Stack stack) : fn_(fn), arg_(arg), stack_(stack) {}

int64_t Coroutine::create(Fn fn, void *arg) {
    Scheduler &s = sched();
    if (s.alive.size() >= s.max_count) {
        errno = EAGAIN;
        return -1;
    }
    Stack stack = Stack::allocate(s.stack_size);
    if (!stack.valid()) {
        errno = ENOMEM;
        return -1;
    }
    auto *co = new Coroutine(fn, arg, stack);
    co->id_ = ++g_last_id;
    co->parent_id_ = detail::t_current ? detail::t_current->id_ : kNoId;
    co->created_ms_ = monotonic_ms();
    co->ctx_ = ctx::make_fcontext(stack.top(), stack.size(), [](ctx::transfer_t t) {
        Coroutine::entry(t.fctx, t.data);
    });
    s.alive.insert(co->id_, co);
    int64_t id = co->id_;
    co->resume();
    return id;
}

void Coroutine::entry(void *caller_ctx, void *arg) {
    auto *co = static_cast<Coroutine *>(arg);
    co->caller_ctx_ = caller_ctx;
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_finish_switch_fiber(nullptr, &co->asan_caller_bottom_, &co->asan_caller_size_);
#endif
    co->fn_(co->arg_);
    co->state_ = State::end;
    Coroutine *to = co->origin_;
    detail::t_current = to;
    if (sched().hook) sched().hook(co, to);
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_start_switch_fiber(nullptr, co->asan_caller_bottom_, co->asan_caller_size_);
#endif
    ctx::jump_fcontext(co->caller_ctx_, nullptr);
    __builtin_unreachable();
}

void Coroutine::destroy(Coroutine *co) {
    sched().alive.erase(co->id_);
    Stack::release(co->stack_);
    delete co;
}

void Coroutine::discard_all(void (*on_discard)(Coroutine *co)) {
    std::vector<Coroutine *> parked;
    sched().alive.for_each([&](int64_t, Coroutine *co) {
        if (co != detail::t_current && co->state_ == State::waiting) parked.push_back(co);
    });
    for (Coroutine *co : parked) {
        if (on_discard) on_discard(co);
        destroy(co);
    }
}


Coroutine *Coroutine::get(int64_t id) {
    return sched().alive.find(id);
}

size_t Coroutine::count() { return sched().alive.size(); }
int64_t Coroutine::last_id() { return g_last_id.load(); }

std::vector<int64_t> Coroutine::ids() {
    std::vector<int64_t> ids;
    ids.reserve(sched().alive.size());
    sched().alive.for_each([&](int64_t id, Coroutine *) { ids.push_back(id); });
    return ids;
}

// ---- settings ----

void Coroutine::set_stack_size(size_t size) { sched().stack_size = Stack::normalize(size); }
size_t Coroutine::stack_size() { return sched().stack_size; }
void Coroutine::set_max_count(size_t max) { sched().max_count = max == 0 ? kDefaultMaxCount : max; }
size_t Coroutine::max_count() { return sched().max_count; }
void Coroutine::set_switch_hook(SwitchHook hook) { sched().hook = hook; }
void Coroutine::set_return_hook(ReturnHook hook) { sched().return_hook = hook; }

// ---- switching ----

// Inlined into wake()/park()/create(): every call level around the context
// jump costs a mispredicted return after it, since the other stack's returns
// are not the ones the return predictor saw.
__attribute__((always_inline)) inline void Coroutine::resume_inline() {
    Scheduler &s = sched();
    Coroutine *from = detail::t_current;
    origin_ = from;
    state_ = State::running;
    detail::t_current = this;
    if (s.hook) s.hook(from, this);
#if defined(__SANITIZE_ADDRESS__)
    void *fake_stack = nullptr;
    __sanitizer_start_switch_fiber(&fake_stack, stack_.base(), stack_.size());
#endif
    ctx::transfer_t t = ctx::jump_fcontext(ctx_, this);
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_finish_switch_fiber(fake_stack, nullptr, nullptr);
#endif
    // Back here when this coroutine yielded or finished.
    ctx_ = t.fctx;
    if (state_ == State::end) destroy(this);
    if (s.return_hook) s.return_hook();
}

void Coroutine::resume() { resume_inline(); }

__attribute__((always_inline)) inline void Coroutine::yield_inline() {
    Scheduler &s = sched();
    state_ = State::waiting;
    Coroutine *to = origin_;
    detail::t_current = to;
    if (s.hook) s.hook(this, to);
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_start_switch_fiber(&asan_fake_stack_, asan_caller_bottom_, asan_caller_size_);
#endif
    ctx::transfer_t t = ctx::jump_fcontext(caller_ctx_, nullptr);
#if defined(__SANITIZE_ADDRESS__)
    __sanitizer_finish_switch_fiber(asan_fake_stack_, &asan_caller_bottom_, &asan_caller_size_);
#endif
    // Resumed: remember where to return next time.
    caller_ctx_ = t.fctx;
}

// ---- parking ----

void Coroutine::yield() { yield_inline(); }

WaitResult Coroutine::wait_cancelable() {
    canceled_ = false;
    cancelable_ = true;
    yield_inline();
    cancelable_ = false;
    return canceled_ ? WaitResult::canceled : WaitResult::ready;
}

namespace {

// The current coroutine and the loop it parks on, or nullptr with last_error set.
Reactor *parking_reactor(Coroutine *co) {
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return nullptr;
    }
    Reactor *reactor = Reactor::current();
    if (!reactor) set_last_error(SW_ERROR_WRONG_OPERATION);
    return reactor;
}

}  // namespace

WaitResult Coroutine::sleep(double seconds) {
    Coroutine *co = current();
    Reactor *reactor = parking_reactor(co);
    if (!reactor) return WaitResult::error;
    Parking parking{co, 0};
    struct event ev;
    event_assign(&ev, reactor->base(), -1, 0, on_parking_event, &parking);
    timeval tv = to_timeval(seconds);
    // libevent measures from the time cached at the start of this loop turn;
    // refresh it so work done since does not make the timer fire early.
    event_base_update_cache_time(reactor->base());
    event_add(&ev, &tv);
    WaitResult result = co->wait_cancelable();
    event_del(&ev);
    return result;
}

WaitResult Coroutine::wait_fd(int fd, int events, double timeout) {
    Coroutine *co = current();
    Reactor *reactor = parking_reactor(co);
    if (!reactor) return WaitResult::error;
    short what = (events & kEventRead ? EV_READ : 0) | (events & kEventWrite ? EV_WRITE : 0);
    if (fd < 0 || what == 0) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return WaitResult::error;
    }
    Parking parking{co, 0};
    struct event ev;
    event_assign(&ev, reactor->base(), fd, what, on_parking_event, &parking);
    timeval tv = to_timeval(timeout);
    if (timeout >= 0) event_base_update_cache_time(reactor->base());  // as in sleep()
    event_add(&ev, timeout < 0 ? nullptr : &tv);
    WaitResult result = co->wait_cancelable();
    event_del(&ev);
    if (result == WaitResult::ready && (parking.what & EV_TIMEOUT)) return WaitResult::timeout;
    return result;
}

WaitResult Coroutine::park() {
    Coroutine *co = current();
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return WaitResult::error;
    }
    co->parked_ = true;
    co->canceled_ = false;
    co->cancelable_ = true;
    co->yield_inline();
    co->cancelable_ = false;
    co->parked_ = false;
    return co->canceled_ ? WaitResult::canceled : WaitResult::ready;
}

bool Coroutine::wake(int64_t id) { return wake(get(id)); }

bool Coroutine::wake(Coroutine *co) {
    if (!co || !co->parked_) return false;
    co->resume_inline();
    return true;
}

bool Coroutine::cancel(int64_t id) {
    Coroutine *co = get(id);
    if (!co) {
        set_last_error(SW_ERROR_CO_NOT_EXISTS);
        return false;
    }
    if (co == current() || !co->cancelable_) {
        set_last_error(SW_ERROR_CO_CANNOT_CANCEL);
        return false;
    }
    co->canceled_ = true;
    co->resume();
    return true;
}

}  // namespace swoole::kernel
