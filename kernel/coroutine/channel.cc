#include "coroutine/channel.h"

#include <event2/event.h>
#include <event2/event_struct.h>

#include <algorithm>
#include <cmath>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::kernel {

// A coroutine waiting in push() or pop(), queued by address. It lives in the
// waiting call's frame; whoever serves or fails it takes it off the queue
// first, fills in the result, then resumes the coroutine.
struct Channel::Waiter {
    Waiter *prev = nullptr;
    Waiter *next = nullptr;
    Coroutine *co = nullptr;
    void *item = nullptr;  // producer: the item offered; consumer: the item received
    Result result = Result::ok;
    bool queued = false;
};

namespace {

constexpr size_t kInitialSlots = 8;

timeval to_timeval(double seconds) {
    double whole = std::floor(seconds);
    return {static_cast<time_t>(whole), static_cast<suseconds_t>((seconds - whole) * 1e6)};
}

void on_wait_timeout(evutil_socket_t, short, void *arg) { static_cast<Coroutine *>(arg)->resume(); }

}  // namespace

// ---- wait queue ----

void Channel::WaitQueue::append(Waiter *w) {
    w->prev = tail;
    w->next = nullptr;
    if (tail) {
        tail->next = w;
    } else {
        head = w;
    }
    tail = w;
    w->queued = true;
    ++size;
}

void Channel::WaitQueue::remove(Waiter *w) {
    if (w->prev) {
        w->prev->next = w->next;
    } else {
        head = w->next;
    }
    if (w->next) {
        w->next->prev = w->prev;
    } else {
        tail = w->prev;
    }
    w->prev = w->next = nullptr;
    w->queued = false;
    --size;
}

Channel::Waiter *Channel::WaitQueue::take_front() {
    Waiter *w = head;
    if (w) remove(w);
    return w;
}

// ---- channel ----

Channel::Channel(size_t capacity, ItemDestructor destructor, void *destructor_arg)
    : capacity_(capacity == 0 ? 1 : capacity), destructor_(destructor), destructor_arg_(destructor_arg) {}

Channel::~Channel() {
    detach_all(producers_);
    detach_all(consumers_);
    while (count_ > 0) {
        void *item = buffer_pop();
        if (destructor_) destructor_(item, destructor_arg_);
    }
}

void Channel::detach_all(WaitQueue &queue) {
    while (Waiter *w = queue.take_front()) w->result = Result::closed;
}

void Channel::buffer_push(void *item) {
    if (count_ == allocated_) {
        size_t grown = std::min(capacity_, std::max(kInitialSlots, allocated_ * 2));
        std::unique_ptr<void *[]> slots(new void *[grown]);
        for (size_t i = 0; i < count_; ++i) slots[i] = item_at(i);
        buffer_ = std::move(slots);
        allocated_ = grown;
        head_ = 0;
    }
    size_t tail = head_ + count_;
    if (tail >= allocated_) tail -= allocated_;
    buffer_[tail] = item;
    ++count_;
}

void *Channel::buffer_pop() {
    void *item = buffer_[head_];
    if (++head_ == allocated_) head_ = 0;
    --count_;
    return item;
}

Channel::Result Channel::wait(WaitQueue &queue, Waiter &waiter, double timeout) {
    Coroutine *co = Coroutine::current();
    if (!co) {
        set_last_error(SW_ERROR_CO_OUT_OF_COROUTINE);
        return Result::error;
    }
    Reactor *reactor = nullptr;
    if (timeout > 0) {
        reactor = Reactor::current();
        if (!reactor) {
            set_last_error(SW_ERROR_WRONG_OPERATION);
            return Result::error;
        }
    }
    waiter.co = co;
    queue.append(&waiter);
    struct event timer;
    if (reactor) {
        event_assign(&timer, reactor->base(), -1, 0, on_wait_timeout, co);
        timeval tv = to_timeval(timeout);
        event_base_update_cache_time(reactor->base());  // measured from now, not the turn's start
        event_add(&timer, &tv);
    }
    WaitResult how = co->suspend_cancelable();
    if (reactor) event_del(&timer);
    // Served, closed, or detached by the destructor: the queue is no longer ours to touch.
    if (!waiter.queued) return waiter.result;
    queue.remove(&waiter);
    return how == WaitResult::canceled ? Result::canceled : Result::timeout;
}

Channel::Result Channel::push(void *item, double timeout) {
    if (closed_) return Result::closed;
    // Consumers only wait on an empty buffer: hand the item to the oldest.
    if (Waiter *consumer = consumers_.take_front()) {
        consumer->item = item;
        consumer->result = Result::ok;
        consumer->co->resume();
        return Result::ok;
    }
    if (count_ < capacity_ && producers_.size == 0) {
        buffer_push(item);
        return Result::ok;
    }
    Waiter waiter;
    waiter.item = item;
    return wait(producers_, waiter, timeout);
}

Channel::Result Channel::pop(void **item, double timeout) {
    if (count_ > 0) {
        *item = buffer_pop();
        // The freed slot goes to the oldest waiting producer.
        if (Waiter *producer = producers_.take_front()) {
            buffer_push(producer->item);
            producer->result = Result::ok;
            producer->co->resume();
        }
        return Result::ok;
    }
    if (closed_) return Result::closed;
    Waiter waiter;
    Result result = wait(consumers_, waiter, timeout);
    if (result == Result::ok) *item = waiter.item;
    return result;
}

bool Channel::close() {
    if (closed_) return false;
    closed_ = true;
    while (Waiter *w = producers_.take_front()) {
        w->result = Result::closed;
        w->co->resume();
    }
    while (Waiter *w = consumers_.take_front()) {
        w->result = Result::closed;
        w->co->resume();
    }
    return true;
}

}  // namespace swoole::kernel
