// The connection functions of the protocol interface, and the built-in
// framing protocol on top of them.
#include "server/protocol.h"

#include "base/error.h"
#include "server/connection.h"
#include "server/server.h"
#include "tls/tls_session.h"

namespace swoole::kernel {

namespace {
Connection *as_conn(sw_server_conn *c) { return static_cast<Connection *>(c); }
}  // namespace

int64_t conn_session(const sw_server_conn *conn) { return static_cast<const Connection *>(conn)->session; }

const char *conn_input(sw_server_conn *conn, size_t *length) {
    std::string_view pending = as_conn(conn)->input.pending();
    *length = pending.size();
    return pending.data();
}

void conn_consume(sw_server_conn *conn, size_t n) { as_conn(conn)->input.consume(n); }

int conn_next_packet(sw_server_conn *c, const char **data, size_t *length) {
    Connection *conn = as_conn(c);
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

int conn_deliver(sw_server_conn *c, const char *data, size_t length) {
    Connection *conn = as_conn(c);
    return conn->server->deliver(*conn, {data, length});
}

int conn_send(sw_server_conn *c, const char *data, size_t length) {
    Connection *conn = as_conn(c);
    return conn->server->send_to_conn(*conn, data, length);
}

int conn_close(sw_server_conn *c, int reset) {
    Connection *conn = as_conn(c);
    return conn->server->close_conn(*conn, reset != 0, -1) ? 0 : last_error();
}

size_t conn_package_max_length(const sw_server_conn *c) {
    return static_cast<const Connection *>(c)->port->settings.framing_options.package_max_length;
}

const char *conn_alpn(const sw_server_conn *c, size_t *length) {
    const Connection *conn = static_cast<const Connection *>(c);
    std::string_view alpn = conn->tls ? conn->tls->alpn() : std::string_view{};
    *length = alpn.size();
    return alpn.empty() ? nullptr : alpn.data();
}

namespace {

// Every complete packet of the buffer goes to the receive callback, until the
// buffer needs more bytes or the connection stops reading.
int framing_input(void *, void *, sw_server_conn *conn) {
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
