// The "redis" server protocol: cuts a connection's bytes into RESP requests
// (request_parser.h) and delivers each one, in arrival order, as a command
// frame (command_frame.h). Every request of a read is delivered, pipelined
// ones included (4.8 answered only the first request of a read).
//
// Bad input closes only that connection, after flushing what it was already
// sent: a protocol error is logged ("redis protocol error: ...") and answered
// with "-ERR Protocol error: ..." first, as redis-server does; a command name
// of 64 bytes or more is logged with 4.8's warning and closed without reply.
// A request larger than the port's package_max_length is closed by the
// server core (the buffer limit applies to every module protocol).
//
// The host table is injected so the unit tests can drive the protocol with a
// fake connection.
#pragma once

#include <string>

#include <swoole/module.h>

namespace swoole::mod::redis {

inline constexpr const char *kProtocolName = "redis";

class RespProtocol {
  public:
    explicit RespProtocol(const sw_host_api *host);
    RespProtocol(const RespProtocol &) = delete;
    RespProtocol &operator=(const RespProtocol &) = delete;

    // What protocol_register() takes; `self` is this object.
    const sw_server_protocol *table() const { return &table_; }

  private:
    static int on_open(void *self, sw_server_conn *conn, void **state);
    static int on_input(void *self, void *state, sw_server_conn *conn);
    static void on_close(void *self, void *state, sw_server_conn *conn);

    const sw_host_api *host_;
    sw_server_protocol table_;
};

}  // namespace swoole::mod::redis
