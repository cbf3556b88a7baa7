// A header-only C++ layer over module.h: RAII timers, string_view logging,
// coroutine calls that read like C++. It adds no symbols and no state beyond
// the host table pointer, so the binary boundary stays the C one.
#pragma once

#include <cerrno>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include <sys/types.h>  // ssize_t

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

// A coroutine client socket (ABI 1.2) owned by this object: closed and freed
// when it goes away. Calls park the calling coroutine only; failures return
// false / -1 with the code in error() (also last_error()). Timeouts as the
// table's: > 0 seconds, 0 the kernel default, < 0 none.
//
//   sdk::Socket s;
//   if (!s.connect("127.0.0.1", 6379, 1.0)) return s.error();
//   s.send("PING\r\n");
//   char buf[64]; ssize_t n = s.recv(buf, sizeof buf);
class Socket {
  public:
    Socket() = default;
    Socket(Socket &&other) noexcept : sock_(std::exchange(other.sock_, nullptr)), error_(other.error_) {}
    Socket &operator=(Socket &&other) noexcept {
        if (this != &other) {
            reset();
            sock_ = std::exchange(other.sock_, nullptr);
            error_ = other.error_;
        }
        return *this;
    }
    ~Socket() { reset(); }
    Socket(const Socket &) = delete;
    Socket &operator=(const Socket &) = delete;

    // True when this host has the 1.2 socket functions.
    static bool available() { return SW_HOST_HAS(g_host, socket_connect); }

    // host: a name, an IP literal, or "unix:/path" / "/path" with port 0.
    // Replaces (and frees) the previous connection.
    bool connect(std::string_view host, int port, double timeout = 0) {
        reset();
        std::string name(host);  // the C side wants a terminated string
        sock_ = g_host->socket_connect(name.c_str(), port, timeout);
        return sock_ ? true : fail();
    }
    // TLS over the connection; options may be null (no verification).
    bool enable_tls(const sw_tls_options *options = nullptr, double timeout = 0) {
        if (!sock_) return fail_with(EBADF);
        return g_host->socket_enable_tls(sock_, options, timeout) == 0 ? true : fail();
    }
    // The ALPN protocol the peer chose; empty when none.
    std::string_view alpn() const {
        size_t n = 0;
        const char *p = sock_ ? g_host->socket_alpn(sock_, &n) : nullptr;
        return p ? std::string_view(p, n) : std::string_view();
    }
    // All of data, or false.
    bool send(std::string_view data, double timeout = 0) {
        if (!sock_) return fail_with(EBADF);
        return g_host->socket_send(sock_, data.data(), data.size(), timeout) >= 0 ? true : fail();
    }
    // Some bytes: > 0, 0 when the peer closed, -1 on error.
    ssize_t recv(void *buf, size_t n, double timeout = 0) {
        if (!sock_) {
            fail_with(EBADF);
            return -1;
        }
        ssize_t r = g_host->socket_recv(sock_, buf, n, timeout);
        if (r < 0) fail();
        return r;
    }
    // Closes the fd (a coroutine parked on it fails with ECONNRESET); the
    // handle stays until reset() or destruction.
    void close() {
        if (sock_) g_host->socket_close(sock_);
    }
    void reset() {
        if (sock_) g_host->socket_free(sock_);
        sock_ = nullptr;
    }

    bool connected() const { return sock_ && g_host->socket_fd(sock_) >= 0; }
    int fd() const { return sock_ ? g_host->socket_fd(sock_) : -1; }
    int error() const { return error_; }
    sw_socket *native() const { return sock_; }

  private:
    bool fail() {
        error_ = g_host->last_error();
        return false;
    }
    bool fail_with(int code) {
        error_ = code;
        g_host->set_last_error(code);
        return false;
    }

    sw_socket *sock_ = nullptr;
    int error_ = 0;
};

}  // namespace swoole::sdk

// Declares the descriptor accessor of a module: SWOOLE_MODULE(descriptor_variable).
#define SWOOLE_MODULE(descriptor)                                                                       \
    extern "C" SW_MODULE_EXPORT const sw_module_descriptor *swoole_module_descriptor(void) { return &(descriptor); }
