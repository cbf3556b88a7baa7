// Blocking work off the event loop: a small pool of worker threads runs a
// function while the calling coroutine is parked; the loop learns of the
// completion through an eventfd and resumes the coroutine. Used for regular
// file I/O (which readiness polling cannot make non-blocking) and for the
// system resolver (getaddrinfo).
//
// Each thread that submits work has its own pool and completion eventfd, so a
// completion always resumes the coroutine on the thread that submitted it. The
// eventfd is registered with the loop only while work is in flight: an idle
// pool never keeps the loop alive.
#pragma once

#include <cstddef>
#include <functional>

#include "coroutine/coroutine.h"

namespace swoole::kernel {

class Aio {
  public:
    using Work = std::function<void()>;

    // Runs work() on a pool thread and parks the current coroutine until it
    // returns. Returns ready when it did; timeout when timeout > 0 passed first;
    // canceled when Coroutine::cancel() interrupted the wait; error (last_error
    // set) outside a coroutine or without a loop. After timeout or canceled the
    // work still runs to its end in the background and is destroyed afterwards
    // on the loop thread, so it must own (by value, shared_ptr) whatever it
    // touches; after ready it is destroyed before run() returns.
    static WaitResult run(Work work, double timeout = -1);

    // Pool limits and counters of the calling thread's pool.
    static void set_max_workers(size_t n);  // default 8; at least 1
    static size_t max_workers();
    static size_t worker_count();  // threads started so far
    static size_t queue_size();    // submitted, not yet picked up by a worker
    static size_t task_count();    // submitted, completion not yet handled by the loop
};

}  // namespace swoole::kernel
