// The protocol interface of the server core: how the bytes of one stream
// connection become requests. The core reads into the connection's input
// buffer (one read per readiness, no copy) and then calls the port's
// protocol; the protocol looks at the buffered bytes, hands each complete
// request to the server (conn_deliver, which runs the receive callback with a
// view), answers through conn_send, and says how much it consumed.
//
// The built-in framings (raw / EOF / length, kernel/protocol/framer.h) are
// one implementation (framing_protocol()); the http, websocket, mqtt and
// redis modules are others, reached through the SDK's C table. So the table
// is plain C: function pointers, an opaque connection, a per-connection state
// pointer owned by the protocol, error codes instead of exceptions.
#pragma once

#include <stddef.h>
#include <stdint.h>

namespace swoole::kernel {

struct Connection;  // opaque to protocols: use the conn_* functions below

struct ServerProtocol {
    uint32_t size;     // sizeof(ServerProtocol) as the implementer built it
    const char *name;  // for logs
    void *self;        // handed back as the first argument of every call
    // A connection is established (accepted, TLS handshake done), before the
    // connect callback. *state is the protocol's per-connection state (may
    // stay null). Non-zero (an SW_ERROR_* or errno): the connection is reset.
    // Optional.
    int (*open)(void *self, Connection *conn, void **state);
    // Bytes were added to the connection's input. Returns 0 to keep reading,
    // or an error code: the connection is then closed (reset) with it. After
    // conn_deliver() returned non-zero the protocol must return at once.
    int (*input)(void *self, void *state, Connection *conn);
    // The connection is going away; called once for each successful open().
    // Optional.
    void (*close)(void *self, void *state, Connection *conn);
};

// ---- what a protocol may do with a connection (C-compatible signatures)
int64_t conn_session(const Connection *conn);
// All received bytes not consumed yet, as a view into the input buffer (valid
// until the protocol returns from input()).
const char *conn_input(Connection *conn, size_t *length);
void conn_consume(Connection *conn, size_t n);
// The next packet by the port's built-in framing settings: 1 and a view,
// 0 when more bytes are needed, or -code (SW_ERROR_PACKAGE_LENGTH_*).
int conn_next_packet(Connection *conn, const char **data, size_t *length);
// A complete request: counts it and runs the server's receive callback with a
// view of it. 0: go on; 1: the connection stopped reading (paused, closing or
// closed by the callback): return from input() now.
int conn_deliver(Connection *conn, const char *data, size_t length);
// Writes a response (queued when the socket does not take it all). 0 or an
// error code (see Server::send).
int conn_send(Connection *conn, const char *data, size_t length);
// Closes after the queued output is flushed, or at once when reset.
int conn_close(Connection *conn, int reset);

// The built-in framing by the port's FramingOptions (raw when none is set).
const ServerProtocol *framing_protocol();

}  // namespace swoole::kernel
