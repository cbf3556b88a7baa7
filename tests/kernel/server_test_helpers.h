// Helpers of the server core tests. Two shapes of test:
//  - in process: the test's reactor is the server's (single mode runs on the
//    thread's current reactor); clients are plain non-blocking sockets driven
//    by a Script of steps checked at the end of every loop turn, so "the
//    server has read this" is observed, never slept for;
//  - forked: the server (single or a manager of workers) runs in a child and
//    the test talks to it with blocking sockets that time out as a guard.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "reactor/reactor.h"
#include "server/server.h"

namespace swoole::test {

using kernel::Connection;
using kernel::Server;

// std::function forms of the server events, for tests.
struct TestEvents {
    std::function<void(Server &, Connection &)> connect;
    std::function<void(Server &, Connection &, std::string_view)> receive;
    std::function<void(Server &, std::string_view, const kernel::PacketInfo &)> packet;
    std::function<void(Server &, Connection &, int)> close;
    std::function<void(Server &, Connection &)> buffer_full, buffer_empty;
    std::function<void(Server &, int)> worker_start, worker_stop;

    kernel::ServerEvents table() {
        kernel::ServerEvents e;
        e.ctx = this;
        e.on_connect = [](void *c, Server &s, Connection &conn) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->connect) t->connect(s, conn);
        };
        e.on_receive = [](void *c, Server &s, Connection &conn, std::string_view d) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->receive) t->receive(s, conn, d);
        };
        e.on_packet = [](void *c, Server &s, std::string_view d, const kernel::PacketInfo &i) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->packet) t->packet(s, d, i);
        };
        e.on_close = [](void *c, Server &s, Connection &conn, int r) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->close) t->close(s, conn, r);
        };
        e.on_buffer_full = [](void *c, Server &s, Connection &conn) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->buffer_full) t->buffer_full(s, conn);
        };
        e.on_buffer_empty = [](void *c, Server &s, Connection &conn) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->buffer_empty) t->buffer_empty(s, conn);
        };
        e.on_worker_start = [](void *c, Server &s, int id) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->worker_start) t->worker_start(s, id);
        };
        e.on_worker_stop = [](void *c, Server &s, int id) {
            auto *t = static_cast<TestEvents *>(c);
            if (t->worker_stop) t->worker_stop(s, id);
        };
        return e;
    }
};

// Steps run at the end of every loop turn, each until it returns true; when
// the last one is done (or the guard timer fires: failed) the server stops.
class Script {
  public:
    Script(kernel::Reactor &reactor, Server &server, unsigned guard_ms = 10000)
        : reactor_(reactor), server_(server), guard_ms_(guard_ms) {}
    ~Script() { detach(); }
    void then(std::function<bool()> step) { steps_.push_back(std::move(step)); }
    // Arms the hook and the guard; call before server.start().
    void arm() {
        hook_ = reactor_.add_turn_hook(&Script::turn, this);
        guard_ = reactor_.after(guard_ms_, &Script::expire, this);
        // Client sockets are not in the loop: a short tick makes sure the
        // steps are looked at even when the server has nothing to do.
        poke_ = reactor_.tick(5, [](kernel::TimerId, void *) {}, nullptr);
    }
    bool finished() const { return next_ == steps_.size() && !timed_out_; }
    bool timed_out() const { return timed_out_; }
    size_t step() const { return next_; }

  private:
    static void turn(void *arg) {
        auto *s = static_cast<Script *>(arg);
        while (s->hook_ && s->next_ < s->steps_.size() && s->steps_[s->next_]()) ++s->next_;
        if (s->hook_ && s->next_ == s->steps_.size()) s->finish();
    }
    static void expire(kernel::TimerId, void *arg) {
        auto *s = static_cast<Script *>(arg);
        s->guard_ = 0;
        s->timed_out_ = true;
        // Reset what is left, so that the stop cannot wait on a stuck peer.
        std::vector<kernel::SessionId> left;
        s->server_.client_list(0, SIZE_MAX, left);
        for (kernel::SessionId id : left) s->server_.close(id, true);
        s->finish();
    }
    void finish() {
        detach();
        server_.shutdown();
    }
    void detach() {
        if (hook_) reactor_.remove_turn_hook(hook_);
        hook_ = 0;
        if (guard_) reactor_.clear(guard_);
        guard_ = 0;
        if (poke_) reactor_.clear(poke_);
        poke_ = 0;
    }
    kernel::Reactor &reactor_;
    Server &server_;
    unsigned guard_ms_;
    std::vector<std::function<bool()>> steps_;
    size_t next_ = 0;
    int hook_ = 0;
    kernel::TimerId guard_ = 0;
    kernel::TimerId poke_ = 0;
    bool timed_out_ = false;
};

inline void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

inline void set_timeout(int fd, int ms) {
    timeval tv{ms / 1000, (ms % 1000) * 1000};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

// A blocking TCP client connected to 127.0.0.1:port (or ::1), with a 5 s
// receive/send timeout as the failure guard. -1 on failure.
inline int tcp_client(int port, bool v6 = false) {
    int fd = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    kernel::SocketAddress a;
    a.assign(v6 ? AF_INET6 : AF_INET, v6 ? "::1" : "127.0.0.1", port);
    if (connect(fd, a.sa(), a.length) < 0) {
        close(fd);
        return -1;
    }
    int on = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    set_timeout(fd, 5000);
    return fd;
}

inline int unix_stream_client(const std::string &path) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    kernel::SocketAddress a;
    a.assign(AF_UNIX, path, 0);
    if (connect(fd, a.sa(), a.length) < 0) {
        close(fd);
        return -1;
    }
    set_timeout(fd, 5000);
    return fd;
}

inline bool send_all(int fd, std::string_view data) {
    while (!data.empty()) {
        ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
        if (n <= 0) return false;
        data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
}

// Reads exactly n bytes (blocking with the socket's timeout); shorter on EOF/timeout.
inline std::string recv_n(int fd, size_t n) {
    std::string out;
    char buf[65536];
    while (out.size() < n) {
        ssize_t r = ::recv(fd, buf, std::min(sizeof buf, n - out.size()), 0);
        if (r <= 0) break;
        out.append(buf, static_cast<size_t>(r));
    }
    return out;
}

// Whatever a non-blocking read finds now.
inline std::string recv_now(int fd) {
    std::string out;
    char buf[65536];
    for (;;) {
        ssize_t r = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (r <= 0) break;
        out.append(buf, static_cast<size_t>(r));
    }
    return out;
}

// True when the peer closed (recv returns 0 or a reset), waiting up to ms.
inline bool peer_closed(int fd, int ms = 5000) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, ms) != 1) return false;
    char c;
    ssize_t r = ::recv(fd, &c, 1, MSG_DONTWAIT);
    return r == 0 || (r < 0 && errno == ECONNRESET);
}

// Reads and drops whatever comes until the peer closes; false on timeout.
inline bool drain_until_closed(int fd) {
    char buf[4096];
    for (;;) {
        ssize_t r = ::recv(fd, buf, sizeof buf, 0);
        if (r == 0 || (r < 0 && errno == ECONNRESET)) return true;
        if (r < 0) return false;
    }
}

inline int open_fd_count() {
    int n = 0;
    for (int fd = 0; fd < 65536; ++fd) {
        if (fcntl(fd, F_GETFD) != -1) ++n;
    }
    return n;
}

inline std::string temp_path(const char *tag) {
    return "/tmp/sw_srv_" + std::to_string(getpid()) + "_" + tag + ".sock";
}

}  // namespace swoole::test
