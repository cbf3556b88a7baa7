// One event loop per thread, over libevent's event_base: fd interest, timers
// with cancellable ids, signals, a defer queue run once per loop turn, and
// per-turn hooks. Callbacks are plain function pointers with a context
// pointer, so nothing is allocated per event on the hot path and the same
// shapes cross the C module boundary unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

struct event_base;

namespace swoole::kernel {

// Interest bits: the values of SWOOLE_EVENT_READ / SWOOLE_EVENT_WRITE.
inline constexpr int kEventRead = 512;
inline constexpr int kEventWrite = 1024;

using TimerId = int64_t;
using FdCallback = void (*)(int fd, int events, void *arg);  // events: the ready bits
using TimerCallback = void (*)(TimerId id, void *arg);
using SignalCallback = void (*)(int signo, void *arg);
using Callback = void (*)(void *arg);

class Reactor {
  public:
    // The first reactor constructed on a thread becomes that thread's current one.
    Reactor();
    ~Reactor();
    Reactor(const Reactor &) = delete;
    Reactor &operator=(const Reactor &) = delete;

    // The thread's current reactor, or nullptr.
    static Reactor *current();

    // fd interest, persistent and level-triggered until modified or removed.
    // add fails (false, errno EEXIST) when the fd is already registered here.
    bool add(int fd, int events, FdCallback cb, void *arg);
    bool modify(int fd, int events);  // same callback, new interest (non-zero)
    bool remove(int fd);
    bool exists(int fd) const;
    int interest(int fd) const;  // the registered bits, 0 when not registered
    size_t fd_count() const { return fd_count_; }

    // Timers, millisecond resolution; ids start at 1 and are never reused.
    // A callback may clear its own timer (also a repeating one) or others.
    TimerId after(uint64_t ms, TimerCallback cb, void *arg);
    TimerId tick(uint64_t ms, TimerCallback cb, void *arg);  // ms >= 1
    bool clear(TimerId id);
    bool timer_exists(TimerId id) const;
    size_t timer_count() const;

    // Signal handlers run from the loop, not from the signal context. A null
    // callback removes the handler. A registered signal keeps the loop alive.
    bool on_signal(int signo, SignalCallback cb, void *arg);

    // Runs cb once at the start of the next loop turn, in the order added.
    void defer(Callback cb, void *arg);
    // Called at the end of every loop turn until removed; with at_start, at
    // the start of every turn instead (before the deferred calls).
    int add_turn_hook(Callback cb, void *arg, bool at_start = false);
    void remove_turn_hook(int hook_id);

    // Runs until nothing is registered (no fd, timer, signal, pending event of
    // any kind on the base, or deferred call) or until stop(). Returns 0, or
    // -1 when the base failed. run() is not reentrant.
    int run();
    // One turn of run(), even with nothing registered: false when the loop is
    // already running (errno EBUSY) or the base failed.
    bool run_once();
    void stop();
    bool running() const { return running_; }
    // Whether run() would go on: something registered, pending or deferred.
    bool has_work() const;

    // Distinct for every reactor the process constructs, so that state kept
    // per loop elsewhere can tell that the loop it knew was replaced.
    uint64_t serial() const { return serial_; }

    // The underlying base, for kernel parts that attach their own events
    // (coroutine parking keeps its event inside the parked coroutine's frame).
    event_base *base() const { return base_; }

  private:
    struct FdEntry;
    struct Timer;
    struct Signal;
    struct Deferred {
        Callback cb;
        void *arg;
    };
    struct Hook {
        int id;
        Callback cb;
        void *arg;
        bool at_start;
    };

    // Entries removed while one of our callbacks runs wait here until the
    // outermost callback returns, so nothing is freed under a running handler.
    struct Graveyard;

    TimerId add_timer(uint64_t ms, bool repeat, TimerCallback cb, void *arg);
    void run_deferred();
    void run_hooks(bool at_start);
    int turn();
    void enter_dispatch() { ++dispatch_depth_; }
    void leave_dispatch();
    void retire(std::unique_ptr<FdEntry> entry);
    void retire(std::unique_ptr<Timer> timer);
    void retire(std::unique_ptr<Signal> signal);
    static void fd_trampoline(int fd, short what, void *arg);
    static void timer_trampoline(int fd, short what, void *arg);
    static void signal_trampoline(int fd, short what, void *arg);

    event_base *base_ = nullptr;
    uint64_t serial_ = 0;
    bool running_ = false;
    bool stop_requested_ = false;
    std::vector<std::unique_ptr<FdEntry>> fds_;  // indexed by fd
    size_t fd_count_ = 0;
    // Timers live in a hash map keyed by id (the Timer owns its libevent event).
    struct TimerTable;
    std::unique_ptr<TimerTable> timers_;
    TimerId next_timer_id_ = 1;
    std::vector<std::unique_ptr<Signal>> signals_;  // indexed by signo
    std::vector<Deferred> deferred_;
    std::vector<Deferred> deferred_running_;
    std::vector<Hook> hooks_;  // removed hooks keep a null cb until compacted
    int next_hook_id_ = 1;
    bool hooks_running_ = false;
    int dispatch_depth_ = 0;  // nesting of fd/timer/signal callbacks
    std::unique_ptr<Graveyard> graveyard_;
};

}  // namespace swoole::kernel
