// One accepted stream connection of a server, as the core keeps it: its
// session id (what the PHP API calls $fd), the kernel fd, its port, the input
// buffer the protocol frames from, the queued output, TLS state, and the
// facts getClientInfo() reports. Owned by the Server's session table.
#pragma once

#include <cstdint>
#include <memory>

#include "protocol/framer.h"
#include "server/output_buffer.h"
#include "server/protocol.h"
#include "socket/address.h"

namespace swoole::kernel {

class Server;
class ListenPort;
class TlsSession;
class TlsFdIo;

using SessionId = int64_t;

struct Connection : sw_server_conn {
    Connection();
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    Server *server = nullptr;
    SessionId session = 0;
    int fd = -1;
    ListenPort *port = nullptr;
    int reactor_id = 0;  // BASE: the owning worker
    SocketAddress peer;

    Framer input;         // received bytes, framed in place
    OutputBuffer output;  // what the socket has not taken yet
    std::unique_ptr<TlsSession> tls;
    std::unique_ptr<TlsFdIo> tls_io;
    size_t tls_retry = 0;  // length of a TLS write to retry unchanged

    void *proto_state = nullptr;
    bool proto_open = false;

    double connect_time = 0;  // unix seconds, microsecond precision
    double last_recv_time = 0;
    double last_send_time = 0;
    double last_dispatch_time = 0;
    uint32_t uid = 0;
    bool uid_bound = false;
    bool protect = false;
    bool established = false;  // TLS handshake done, connect callback ran
    bool paused = false;        // reading stopped by pause() (or enable_delay_receive)
    bool closing = false;       // close started: no more input, output flushing
    bool close_notified = false;  // the close callback ran
    bool buffer_full = false;     // above the high watermark, until drained to the low one
    bool peer_closed = false;
    bool in_input = false;        // the protocol's input() is on the stack
    int close_errno = 0;
    int interest = 0;  // the reactor bits registered for fd
};

}  // namespace swoole::kernel
