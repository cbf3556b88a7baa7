#include "server/http_protocol.h"

#include <string>
#include <string_view>

#include "server/request_parser.h"

namespace swoole::mod::http {

namespace {

const sw_host_api *g_host = nullptr;

// The wire form of the request being delivered: one per reactor thread,
// reused (the receiver copies what it keeps before it returns or yields).
std::string &wire_buffer() {
    thread_local std::string buffer;
    return buffer;
}

int http_open(void *, sw_server_conn *conn, void **state) {
    ParserLimits limits;
    if (SW_HOST_HAS(g_host, conn_package_max_length)) limits.package_max_length = g_host->conn_package_max_length(conn);
    *state = new RequestParser(limits);
    return 0;
}

void http_close(void *, void *state, sw_server_conn *) { delete static_cast<RequestParser *>(state); }

void answer_error(sw_server_conn *conn, int status) {
    std::string_view text = status == 413 ? std::string_view("HTTP/1.1 413 Request Entity Too Large\r\n\r\n")
                                          : std::string_view("HTTP/1.1 400 Bad Request\r\n\r\n");
    g_host->conn_send(conn, text.data(), text.size());
    g_host->conn_close(conn, 0);
}

int http_input(void *, void *state, sw_server_conn *conn) {
    auto *parser = static_cast<RequestParser *>(state);
    for (;;) {
        size_t length = 0;
        const char *data = g_host->conn_input(conn, &length);
        if (length == 0) return 0;
        std::string_view bytes(data, length);
        switch (parser->feed(bytes)) {
        case RequestParser::Status::need_more:
            return 0;
        case RequestParser::Status::error:
            answer_error(conn, parser->error_status());
            return 0;
        case RequestParser::Status::complete:
            break;
        }
        // The wire form is a copy: the request is consumed and the parser
        // ready for the next one before delivering, because delivering may
        // close the connection (and free this state) or pause it.
        std::string &wire = wire_buffer();
        parser->write_wire(bytes, wire);
        g_host->conn_consume(conn, parser->message_length());
        parser->reset();
        if (g_host->conn_deliver(conn, wire.data(), wire.size()) != 0) return 0;
    }
}

sw_server_protocol g_protocol = {
    sizeof(sw_server_protocol), "http", nullptr, http_open, http_input, http_close,
};

}  // namespace

const sw_server_protocol *http_protocol(const sw_host_api *host) {
    g_host = host;
    return &g_protocol;
}

}  // namespace swoole::mod::http
