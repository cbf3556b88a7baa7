// A header-only C++ layer over module.h: RAII timers, string_view logging,
// coroutine calls that read like C++. It adds no symbols and no state beyond
// the host table pointer, so the binary boundary stays the C one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "swoole/module.h"

namespace swoole::sdk {

enum class Wait : int { ready = SW_WAIT_READY, timeout = SW_WAIT_TIMEOUT, canceled = SW_WAIT_CANCELED, error = SW_WAIT_ERROR };

// The table handed to the module's load hook. One per module (inline variable).
inline const sw_host_api *g_host = nullptr;

class Host {
  public:
    static void attach(const sw_host_api *host) { g_host = host; }
    static const sw_host_api &api() { return *g_host; }
    static bool attached() { return g_host != nullptr; }
    static std::string_view kernel_version() { return g_host->kernel_version; }
};

inline void log(int level, std::string_view message) {
    std::string line(message);  // the C side wants a terminated string
    g_host->log(level, line.c_str());
}

inline int last_error() { return g_host->last_error(); }
inline void set_last_error(int code) { g_host->set_last_error(code); }
inline std::string_view strerror(int code) { return g_host->strerror(code); }

// A timer that is cleared when its handle goes away (unless released).
class Timer {
  public:
    Timer() = default;
    static Timer after(uint64_t ms, sw_timer_callback cb, void *arg) { return Timer(g_host->timer_after(ms, cb, arg)); }
    static Timer tick(uint64_t ms, sw_timer_callback cb, void *arg) { return Timer(g_host->timer_tick(ms, cb, arg)); }
    Timer(Timer &&other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Timer &operator=(Timer &&other) noexcept {
        if (this != &other) {
            clear();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    ~Timer() { clear(); }
    bool valid() const { return id_ > 0; }
    int64_t id() const { return id_; }
    void clear() {
        if (id_ > 0) g_host->timer_clear(id_);
        id_ = 0;
    }
    int64_t release() { return std::exchange(id_, 0); }

  private:
    explicit Timer(int64_t id) : id_(id) {}
    int64_t id_ = 0;
};

namespace coroutine {

inline int64_t id() { return g_host->co_id(); }
inline bool inside() { return id() > 0; }

// Starts fn(arg) in a new coroutine at once; -1 on failure.
inline int64_t create(sw_callback fn, void *arg) { return g_host->co_create(fn, arg); }

// Runs a callable (moved into the coroutine's frame) in a new coroutine.
template <typename F>
int64_t spawn(F &&f) {
    using Fn = std::decay_t<F>;
    Fn fn(std::forward<F>(f));
    // The coroutine starts at once, so the callable on this frame outlives the
    // moment it is moved into the coroutine's own frame.
    return g_host->co_create(
        [](void *arg) {
            Fn mine(std::move(*static_cast<Fn *>(arg)));
            mine();
        },
        &fn);
}

inline Wait sleep(double seconds) { return static_cast<Wait>(g_host->co_sleep(seconds)); }
inline Wait readable(int fd, double timeout = -1) { return static_cast<Wait>(g_host->co_wait_fd(fd, SW_EVENT_READ, timeout)); }
inline Wait writable(int fd, double timeout = -1) { return static_cast<Wait>(g_host->co_wait_fd(fd, SW_EVENT_WRITE, timeout)); }
inline Wait park() { return static_cast<Wait>(g_host->co_park()); }
inline bool wake(int64_t cid) { return g_host->co_wake(cid) == 1; }

}  // namespace coroutine

inline int run_loop() { return g_host->loop_run(); }
inline void stop_loop() { g_host->loop_stop(); }

}  // namespace swoole::sdk

// Declares the descriptor accessor of a module: SWOOLE_MODULE(descriptor_variable).
#define SWOOLE_MODULE(descriptor)                                                                       \
    extern "C" SW_MODULE_EXPORT const sw_module_descriptor *swoole_module_descriptor(void) { return &(descriptor); }
