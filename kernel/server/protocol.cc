// The connection functions of the protocol interface, and the built-in
// framing protocol on top of them.
#include "server/protocol.h"

#include "base/error.h"
#include "server/connection.h"
#include "server/server.h"

namespace swoole::kernel {

int64_t conn_session(const Connection *conn) { return conn->session; }

const char *conn_input(Connection *conn, size_t *length) {
    std::string_view pending = conn->input.pending();
    *length = pending.size();
    return pending.data();
}

void conn_consume(Connection *conn, size_t n) { conn->input.consume(n); }

int conn_next_packet(Connection *conn, const char **data, size_t *length) {
    std::string_view packet;
    switch (conn->input.next(packet)) {
    case Framer::Status::packet:
        *data = packet.data();
        *length = packet.size();
        return 1;
    case Framer::Status::need_more:
        return 0;
    default:
        return -conn->input.error();
    }
}

int conn_deliver(Connection *conn, const char *data, size_t length) {
    return conn->server->deliver(*conn, {data, length});
}

int conn_send(Connection *conn, const char *data, size_t length) {
    return conn->server->send_to_conn(*conn, data, length);
}

int conn_close(Connection *conn, int reset) {
    return conn->server->close_conn(*conn, reset != 0, -1) ? 0 : last_error();
}

namespace {

// Every complete packet of the buffer goes to the receive callback, until the
// buffer needs more bytes or the connection stops reading.
int framing_input(void *, void *, Connection *conn) {
    for (;;) {
        const char *data = nullptr;
        size_t length = 0;
        int rc = conn_next_packet(conn, &data, &length);
        if (rc == 0) return 0;
        if (rc < 0) return -rc;
        if (conn_deliver(conn, data, length) != 0) return 0;
    }
}

const ServerProtocol kFramingProtocol = {
    sizeof(ServerProtocol), "framing", nullptr, nullptr, framing_input, nullptr,
};

}  // namespace

const ServerProtocol *framing_protocol() { return &kFramingProtocol; }

}  // namespace swoole::kernel
