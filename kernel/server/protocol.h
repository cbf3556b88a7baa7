// The protocol interface of the server core: how the bytes of one stream
// connection become requests. The core reads into the connection's input
// buffer (one read per readiness, no copy) and then calls the port's
// protocol; the protocol looks at the buffered bytes, hands each complete
// request to the server (conn_deliver, which runs the receive callback with a
// view), answers through conn_send, and says how much it consumed.
//
// The built-in framings (raw / EOF / length, kernel/protocol/framer.h) are
// one implementation (framing_protocol()); the http, websocket, mqtt and
// redis modules are others: they register their tables by name through the
// SDK's host functions (protocol_registry.h). So the table is plain C:
// function pointers, an opaque connection, a per-connection state pointer
// owned by the protocol, error codes instead of exceptions.
#pragma once

#include <stddef.h>
#include <stdint.h>

#include "swoole/module.h"

// The C side only declares the connection; the kernel completes it as the
// base of its Connection, so a Connection* is a sw_server_conn* with no cast.
struct sw_server_conn {};

namespace swoole::kernel {

// The table itself is the SDK's (module.h): one definition for the kernel's
// own framings and for every module's protocol.
using ServerProtocol = sw_server_protocol;

// ---- what a protocol may do with a connection (also in the host table)
int64_t conn_session(const sw_server_conn *conn);
// All received bytes not consumed yet, as a view into the input buffer (valid
// until the protocol returns from input()).
const char *conn_input(sw_server_conn *conn, size_t *length);
void conn_consume(sw_server_conn *conn, size_t n);
// The next packet by the port's built-in framing settings: 1 and a view,
// 0 when more bytes are needed, or -code (SW_ERROR_PACKAGE_LENGTH_*).
int conn_next_packet(sw_server_conn *conn, const char **data, size_t *length);
// A complete request: counts it and runs the server's receive callback with a
// view of it. 0: go on; 1: the connection stopped reading (paused, closing or
// closed by the callback): return from input() now.
int conn_deliver(sw_server_conn *conn, const char *data, size_t length);
// Writes a response (queued when the socket does not take it all). 0 or an
// error code (see Server::send).
int conn_send(sw_server_conn *conn, const char *data, size_t length);
// Closes after the queued output is flushed, or at once when reset.
int conn_close(sw_server_conn *conn, int reset);
// The port's package_max_length (per port: its own set() or the primary's).
size_t conn_package_max_length(const sw_server_conn *conn);
// The negotiated ALPN protocol of a TLS connection; NULL and 0 when none.
const char *conn_alpn(const sw_server_conn *conn, size_t *length);

// The built-in framing by the port's FramingOptions (raw when none is set).
const ServerProtocol *framing_protocol();

}  // namespace swoole::kernel
