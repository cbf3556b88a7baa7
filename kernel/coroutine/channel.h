// A bounded FIFO of opaque items between coroutines (Swoole\Coroutine\Channel
// without PHP). push() parks the current coroutine while the channel is full,
// pop() while it is empty; a waiter is served in arrival order among waiters
// of its kind. A freed slot or a new item is handed straight to the oldest
// waiter, which is resumed at once and runs before the call that served it
// returns. close() fails every waiter (they too run before close() returns).
//
// Waiting allocates nothing: the wait-queue node and the timeout event live on
// the waiting coroutine's stack. The buffer grows by doubling up to the capacity.
#pragma once

#include <cstddef>
#include <memory>

namespace swoole::kernel {

class Coroutine;

class Channel {
  public:
    // The values of SWOOLE_CHANNEL_OK / _TIMEOUT / _CLOSED / _CANCELED.
    // error: the call would have to wait but there is no current coroutine, or
    // a timeout was asked for with no reactor on this thread (last_error says which).
    enum class Result : int { ok = 0, timeout = -1, closed = -2, canceled = -3, error = -4 };

    // Called for every item still buffered when the channel is destroyed.
    using ItemDestructor = void (*)(void *item, void *arg);

    // capacity 0 is taken as 1.
    explicit Channel(size_t capacity, ItemDestructor destructor = nullptr, void *destructor_arg = nullptr);
    // Hands the buffered items to the destructor. Waiters still queued (only
    // possible when their coroutines are never resumed again, e.g. at shutdown)
    // are detached: should they ever be resumed, they return closed without
    // touching the freed channel.
    ~Channel();
    Channel(const Channel &) = delete;
    Channel &operator=(const Channel &) = delete;

    // Appends item, waiting while the channel is full (or producers are queued).
    // timeout <= 0: no limit. On anything but ok the item stays the caller's.
    Result push(void *item, double timeout = -1);
    // Takes the oldest item into *item, waiting while the channel is empty (or
    // consumers are queued). timeout <= 0: no limit. Buffered items can still be
    // popped after close(); closed is reported once the channel is also empty.
    Result pop(void **item, double timeout = -1);
    // Marks the channel closed and fails every waiter with closed. False when
    // it already was closed. Callable outside a coroutine.
    bool close();

    size_t capacity() const { return capacity_; }
    size_t length() const { return count_; }
    bool is_empty() const { return count_ == 0; }
    bool is_full() const { return count_ == capacity_; }
    bool is_closed() const { return closed_; }
    size_t consumer_num() const { return consumers_.size; }  // coroutines waiting in pop
    size_t producer_num() const { return producers_.size; }  // coroutines waiting in push

    // The i-th buffered item from the oldest (i < length()), e.g. for a GC walk.
    void *item_at(size_t i) const { return buffer_[(head_ + i) % allocated_]; }

  private:
    struct Waiter;
    struct WaitQueue {
        Waiter *head = nullptr;
        Waiter *tail = nullptr;
        size_t size = 0;
        void append(Waiter *w);
        void remove(Waiter *w);
        Waiter *take_front();
    };

    Result wait(WaitQueue &queue, Waiter &waiter, double timeout);
    void buffer_push(void *item);
    void *buffer_pop();
    static void detach_all(WaitQueue &queue);

    size_t capacity_;
    ItemDestructor destructor_;
    void *destructor_arg_;
    std::unique_ptr<void *[]> buffer_;  // ring of allocated_ slots
    size_t allocated_ = 0;
    size_t head_ = 0;
    size_t count_ = 0;
    bool closed_ = false;
    WaitQueue producers_;
    WaitQueue consumers_;
};

}  // namespace swoole::kernel
