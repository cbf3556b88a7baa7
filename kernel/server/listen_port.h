// One listening socket of a server (Swoole\Server\Port underneath): its type,
// address and per-port settings (framing or protocol, TLS, socket options,
// buffer limits, heartbeat idle time). Created and bound before the server
// starts, in the process that later forks the workers, so every worker
// inherits it; with enable_reuse_port each worker binds its own socket to the
// same address instead (the kernel then spreads connections over them).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/framer.h"
#include "server/protocol.h"
#include "socket/address.h"
#include "tls/tls_context.h"

namespace swoole::kernel {

class Server;

// The values of the SWOOLE_SOCK_* constants.
enum SocketType : int {
    kSockTcp = 1,
    kSockUdp = 2,
    kSockTcp6 = 3,
    kSockUdp6 = 4,
    kSockUnixStream = 5,
    kSockUnixDgram = 6,
};

struct PortSettings {
    static constexpr size_t kDefaultSocketBuffer = 2 * 1024 * 1024;

    bool framing = false;       // apply `framing_options` (EOF or length); else raw
    FramingOptions framing_options;
    const ServerProtocol *protocol = nullptr;  // a module's protocol; overrides framing
    int backlog = 512;
    bool open_tcp_nodelay = true;  // 4.8: on unless a port's set() says otherwise
    int tcp_defer_accept = 0;      // seconds
    bool tcp_fastopen = false;
    bool open_tcp_keepalive = false;
    int tcp_keepidle = 3600, tcp_keepinterval = 60, tcp_keepcount = 5;
    size_t socket_buffer_size = kDefaultSocketBuffer;  // output cap per connection; 0: none
    size_t buffer_high_watermark = 0;  // 0: 80 % of socket_buffer_size
    size_t buffer_low_watermark = 0;
    int heartbeat_idle_time = 0;  // seconds; 0: this port is not checked
    std::shared_ptr<TlsContext> tls;  // set on SSL ports (a server context)

    size_t high_watermark() const {
        return buffer_high_watermark ? buffer_high_watermark : socket_buffer_size / 10 * 8;
    }
};

class ListenPort {
  public:
    ListenPort(int index, SocketType type, std::string_view host, int port);
    ~ListenPort();
    ListenPort(const ListenPort &) = delete;
    ListenPort &operator=(const ListenPort &) = delete;

    // Creates and binds the socket (and listens, for stream types). False
    // with errno (EINVAL for a bad host or type).
    bool open(bool reuse_port);
    // enable_reuse_port with n workers: n listening SO_REUSEPORT sockets on
    // the bound address, one per worker, all created (and kept) by the
    // manager, so a worker's socket outlives the worker: connections queued
    // on it wait for the replacement instead of being refused. Stream ports.
    bool open_reuse_group(int n);
    // In worker `i`: keeps socket i as fd(), closes the others.
    void take_group_member(int i);
    void close_socket();
    // Takes over an inherited socket already bound (and listening, for
    // streams), e.g. from systemd socket activation: type, host and port come
    // from the socket. False with errno (EINVAL: not an inet/unix socket).
    bool adopt(int fd);

    int index() const { return index_; }
    SocketType type() const { return type_; }
    bool is_stream() const { return type_ == kSockTcp || type_ == kSockTcp6 || type_ == kSockUnixStream; }
    bool is_dgram() const { return !is_stream(); }
    bool is_unix() const { return type_ == kSockUnixStream || type_ == kSockUnixDgram; }
    int family() const;
    int fd() const { return fd_; }
    const std::string &host() const { return host_; }
    int port() const { return port_; }  // the bound port (the kernel's pick for 0)
    bool ssl() const { return settings.tls != nullptr; }

    PortSettings settings;
    Server *server = nullptr;   // the owner, for the reactor callbacks
    size_t connection_num = 0;  // live connections of this port in this process

  private:
    bool apply_options(int fd, bool reuse_port);

    int index_;
    SocketType type_;
    std::string host_;
    int port_;
    int fd_ = -1;
    std::vector<int> group_;  // reuse-port sockets of workers 1..n-1 (worker 0 has fd_)
    SocketAddress address_;
};

}  // namespace swoole::kernel
