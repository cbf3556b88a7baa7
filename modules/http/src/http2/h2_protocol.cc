#include "http2/h2_protocol.h"

#include <algorithm>
#include <cstring>

#include "http2/h2_frame.h"
#include "server/request_wire.h"

namespace swoole::mod::http {

namespace {

const sw_host_api *g_host = nullptr;
const sw_server_protocol *g_http1 = nullptr;

enum class Mode : uint8_t {
    detect,   // cleartext: preface or HTTP/1?
    preface,  // ALPN chose h2: the preface must come
    frames,   // HTTP/2: deliver whole frames
    http1,    // handed to the "http" protocol
    failed,   // GOAWAY sent: input is dropped until the close
};

struct Conn {
    Mode mode = Mode::detect;
    bool settings_seen = false;
    void *http1_state = nullptr;
    size_t max_payload = 0;
    uint32_t last_stream_id = 0;
};

bool alpn_is(sw_server_conn *conn, std::string_view name) {
    if (!SW_HOST_HAS(g_host, conn_alpn)) return false;
    size_t n = 0;
    const char *p = g_host->conn_alpn(conn, &n);
    return p && std::string_view(p, n) == name;
}

int start_http1(Conn &c, sw_server_conn *conn) {
    c.mode = Mode::http1;
    if (!g_http1->open) return 0;
    return g_http1->open(g_http1->self, conn, &c.http1_state);
}

int h2_open(void *, sw_server_conn *conn, void **state) {
    auto *c = new Conn;
    size_t limit = SW_HOST_HAS(g_host, conn_package_max_length) ? g_host->conn_package_max_length(conn) : 0;
    // The input buffer holds one frame and its header below package_max_length.
    c->max_payload = std::clamp<size_t>(limit > h2::kFrameHeaderLength ? limit - h2::kFrameHeaderLength : 0,
                                        16384, h2::kMaxFrameLength);
    *state = c;
    if (alpn_is(conn, "h2")) {
        c->mode = Mode::preface;
    } else if (alpn_is(conn, "http/1.1")) {
        if (int rc = start_http1(*c, conn)) {
            delete c;
            *state = nullptr;
            return rc;
        }
    }
    return 0;
}

void h2_close(void *, void *state, sw_server_conn *conn) {
    auto *c = static_cast<Conn *>(state);
    if (!c) return;
    if (c->mode == Mode::http1 && g_http1->close) g_http1->close(g_http1->self, c->http1_state, conn);
    delete c;
}

// Refuses the connection with a GOAWAY; the close flushes it first.
void fail(Conn &c, sw_server_conn *conn, uint32_t error_code) {
    c.mode = Mode::failed;
    auto frame = h2::goaway_frame(c.last_stream_id, error_code);
    g_host->conn_send(conn, frame.data(), frame.size());
    g_host->conn_close(conn, 0);
}

int h2_input(void *, void *state, sw_server_conn *conn) {
    auto &c = *static_cast<Conn *>(state);
    for (;;) {
        size_t length = 0;
        const char *data = g_host->conn_input(conn, &length);
        std::string_view bytes(data, length);
        switch (c.mode) {
        case Mode::http1:
            return g_http1->input(g_http1->self, c.http1_state, conn);
        case Mode::failed:
            g_host->conn_consume(conn, length);
            return 0;
        case Mode::detect:
        case Mode::preface: {
            h2::PrefaceMatch m = h2::match_preface(bytes);
            if (m == h2::PrefaceMatch::partial) return 0;
            if (m == h2::PrefaceMatch::full) {
                g_host->conn_consume(conn, h2::kClientPreface.size());
                c.mode = Mode::frames;
                continue;
            }
            if (c.mode == Mode::preface) {
                fail(c, conn, h2::kProtocolError);
                return 0;
            }
            if (int rc = start_http1(c, conn)) return rc;
            continue;
        }
        case Mode::frames:
            break;
        }
        h2::SplitResult r = h2::split_frames(bytes, c.max_payload);
        if (!c.settings_seen && r.has_header) {
            if (!r.first_is_settings) {
                fail(c, conn, h2::kProtocolError);
                return 0;
            }
            c.settings_seen = true;
        }
        c.last_stream_id = std::max(c.last_stream_id, r.last_stream_id);
        if (r.length > 0) {
            // Consumed before delivering: delivering may pause the connection
            // (these frames must not come again) or close it. Consuming only
            // moves the read offset, so the view stays valid meanwhile.
            g_host->conn_consume(conn, r.length);
            if (g_host->conn_deliver(conn, data, r.length) != 0) return 0;
        }
        if (r.too_large) {
            fail(c, conn, h2::kFrameSizeError);
            return 0;
        }
        return 0;
    }
}

sw_server_protocol g_protocol = {
    sizeof(sw_server_protocol), "http2", nullptr, h2_open, h2_input, h2_close,
};

}  // namespace

const sw_server_protocol *http2_protocol(const sw_host_api *host, const sw_server_protocol *http1) {
    g_host = host;
    g_http1 = http1;
    return &g_protocol;
}

bool is_http1_delivery(std::string_view data) {
    if (data.size() < sizeof(uint32_t)) return false;
    uint32_t magic;
    std::memcpy(&magic, data.data(), sizeof magic);
    return magic == kWireMagic;
}

}  // namespace swoole::mod::http
