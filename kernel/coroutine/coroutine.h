// Coroutines on Boost.Context's fcontext: each has its own mmap'd C stack
// (see stack.h), an id (1, 2, ... never reused; -1 outside any coroutine) and
// its parent's id. A new coroutine runs at once until it yields; a yielding
// coroutine returns control to whoever resumed it (its origin): the creator,
// another coroutine, or the event loop.
//
// The parking primitives (sleep, wait_fd, park) attach their libevent event to
// the parked coroutine's own frame, so parking allocates nothing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "base/thread_local.h"
#include "coroutine/stack.h"

namespace swoole::kernel {

class Coroutine;
namespace detail {
// The running coroutine of this thread (nullptr: the main context). Read on
// every switch and by most APIs, so current() is inline.
extern SW_THREAD_LOCAL Coroutine *t_current;
}  // namespace detail

enum class WaitResult : int { ready = 0, timeout = 1, canceled = 2, error = -1 };

class Coroutine {
  public:
    using Fn = void (*)(void *arg);
    // Called right before every switch. from/to are nullptr for the thread's
    // main context. The PHP glue swaps VM state here.
    using SwitchHook = void (*)(Coroutine *from, Coroutine *to);

    enum class State { init, waiting, running, end };
    static constexpr int64_t kNoId = -1;
    static constexpr size_t kDefaultMaxCount = 100000;

    // ---- creation and identity ----
    // Runs fn(arg) at once. Returns the new id, or -1 with errno EAGAIN when
    // the limit on live coroutines is reached, ENOMEM when no stack could be
    // mapped.
    static int64_t create(Fn fn, void *arg);
    static Coroutine *current() { return detail::t_current; }
    static int64_t current_id() { return detail::t_current ? detail::t_current->id_ : kNoId; }
    static Coroutine *get(int64_t id);
    static size_t count();  // live coroutines
    static int64_t last_id();  // the highest id ever given
    static std::vector<int64_t> ids();  // live coroutines, in no particular order
    // Frees every suspended coroutine without running it again (end of a request
    // whose coroutines are deadlocked). on_discard sees each one first so the
    // layer above can free what it keeps in `task`. Objects on their C stacks
    // are abandoned, not destroyed.
    static void discard_all(void (*on_discard)(Coroutine *co));

    // ---- settings (per thread) ----
    static void set_stack_size(size_t size);  // normalized by Stack::normalize
    static size_t stack_size();
    static void set_max_count(size_t max);  // 0: the default
    static size_t max_count();
    static void set_switch_hook(SwitchHook hook);
    // Called in the resumer's context each time a coroutine it resumed yields
    // or ends: where the PHP glue continues a fatal error's bailout.
    using ReturnHook = void (*)();
    static void set_return_hook(ReturnHook hook);

    // ---- raw switching, for kernel parts that keep their own wait queues ----
    // Suspends the current coroutine (this) and returns to its origin.
    void yield();
    // Switches to this suspended coroutine; returns when it yields or ends.
    void resume();
    // Suspends this coroutine (the current one) as a parking primitive does:
    // while suspended, cancel(id) may resume it and the result is then
    // WaitResult::canceled; any other resume() gives WaitResult::ready. For
    // kernel parts with their own wait queues (Channel), which arm their own
    // timeout and take the waiter off their queue when it comes back.
    WaitResult suspend_cancelable() { return wait_cancelable(); }

    // ---- parking primitives (operate on the current coroutine) ----
    static WaitResult sleep(double seconds);
    // events: kEventRead and/or kEventWrite; timeout < 0: none.
    static WaitResult wait_fd(int fd, int events, double timeout);
    // Waits until wake(id) or cancel(id).
    static WaitResult park();
    // Resumes a coroutine parked in park(); false when there is none with that id.
    static bool wake(int64_t id);
    static bool wake(Coroutine *co);
    // Marks a coroutine parked in any primitive as canceled and resumes it; the
    // primitive returns WaitResult::canceled. False (and last_error set to
    // SW_ERROR_CO_NOT_EXISTS or SW_ERROR_CO_CANNOT_CANCEL) otherwise.
    static bool cancel(int64_t id);

    int64_t id() const { return id_; }
    int64_t parent_id() const { return parent_id_; }
    State state() const { return state_; }
    bool is_canceled() const { return canceled_; }
    bool is_parked() const { return parked_; }
    Coroutine *origin() const { return origin_; }
    int64_t created_ms() const { return created_ms_; }
    const Stack &stack() const { return stack_; }

    // Owned by the layer above (the PHP glue keeps its per-coroutine state here).
    void *task = nullptr;

  private:
    Coroutine(Fn fn, void *arg, Stack stack);
    static void entry(void *transfer_data_ctx, void *arg);
    static void destroy(Coroutine *co);
    void switch_to(Coroutine *from, Coroutine *to);
    WaitResult wait_cancelable();
    void resume_inline();
    void yield_inline();

    Fn fn_;
    void *arg_;
    Stack stack_;
    void *ctx_ = nullptr;        // this coroutine's saved context
    void *caller_ctx_ = nullptr; // context to return to on yield
    Coroutine *origin_ = nullptr;
    int64_t id_ = 0;
    int64_t parent_id_ = kNoId;
    int64_t created_ms_ = 0;
    State state_ = State::init;
    bool parked_ = false;      // in park(): wake() may resume it
    bool cancelable_ = false;  // in a parking primitive: cancel() may resume it
    bool canceled_ = false;
#if defined(__SANITIZE_ADDRESS__)
    void *asan_fake_stack_ = nullptr;
    const void *asan_caller_bottom_ = nullptr;
    size_t asan_caller_size_ = 0;
#endif
    friend struct CoroutineAccess;
};

}  // namespace swoole::kernel
