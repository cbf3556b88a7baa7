#include "server/resp_protocol.h"

#include <cerrno>
#include <cstdio>
#include <new>

#include "server/command_frame.h"
#include "server/request_parser.h"

namespace swoole::mod::redis {

namespace {

// The frame being delivered; one per reactor thread, reused (it only grows
// to the largest request seen).
thread_local std::string t_frame;

void log_protocol_error(const sw_host_api *host, sw_server_conn *conn, const ParsedRequest &req) {
    char line[160];
    if (req.error == ParseError::command_too_long) {
        std::snprintf(line, sizeof line, "command [%.*s...](length=%zu) is too long",
                      static_cast<int>(req.name_head_length), req.name_head, req.name_length);
    } else {
        const long long session = static_cast<long long>(host->conn_session(conn));
        std::string_view what = parse_error_text(req.error);
        std::snprintf(line, sizeof line, "redis protocol error: %.*s (session#%lld)", static_cast<int>(what.size()),
                      what.data(), session);
    }
    host->log(SW_LOG_WARNING, line);
}

}  // namespace

RespProtocol::RespProtocol(const sw_host_api *host) : host_(host) {
    table_ = sw_server_protocol{};
    table_.struct_size = sizeof(sw_server_protocol);
    table_.name = kProtocolName;
    table_.self = this;
    table_.open = on_open;
    table_.input = on_input;
    table_.close = on_close;
}

int RespProtocol::on_open(void *, sw_server_conn *, void **state) {
    *state = new (std::nothrow) ParseState();
    return *state ? 0 : ENOMEM;
}

void RespProtocol::on_close(void *, void *state, sw_server_conn *) { delete static_cast<ParseState *>(state); }

int RespProtocol::on_input(void *self, void *state_ptr, sw_server_conn *conn) {
    const sw_host_api *host = static_cast<RespProtocol *>(self)->host_;
    ParseState &state = *static_cast<ParseState *>(state_ptr);
    for (;;) {
        size_t length = 0;
        const char *data = host->conn_input(conn, &length);
        std::string_view input(data, length);
        ParsedRequest req;
        switch (parse_request(input, state, req)) {
        case ParseStatus::need_more:
            return 0;
        case ParseStatus::error: {
            log_protocol_error(host, conn, req);
            if (req.error != ParseError::command_too_long) {
                std::string_view what = parse_error_text(req.error);
                char reply[96];
                int n = std::snprintf(reply, sizeof reply, "-ERR Protocol error: %.*s\r\n",
                                      static_cast<int>(what.size()), what.data());
                host->conn_send(conn, reply, static_cast<size_t>(n));
            }
            // Flushes what was queued, then closes; `state` is freed by on_close.
            host->conn_close(conn, 0);
            return 0;
        }
        case ParseStatus::complete:
            break;
        }
        state = ParseState{};
        if (req.argc == 0) {  // an empty line or "*0": nothing to run
            host->conn_consume(conn, req.size);
            continue;
        }
        encode_frame(input, req, t_frame);
        host->conn_consume(conn, req.size);
        if (host->conn_deliver(conn, t_frame.data(), t_frame.size()) != 0) return 0;
    }
}

}  // namespace swoole::mod::redis
