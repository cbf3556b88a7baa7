// libFuzzer target: HTTP/1.x request framing, through the "http" server
// protocol over a fake connection (RequestParser underneath). The input is a
// byte stream a client could send; its first byte picks how the stream is cut
// into reads and the port's package_max_length, the second the parser's
// header limit for the direct run. Checks, besides "no crash, no leak, no UB":
// every delivered request is a valid wire form whose spans stay inside it;
// what is delivered, what is answered (400/413) and whether the connection
// is closed do not depend on how the bytes were cut; nothing is delivered
// after a close; an error answer always closes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "server/http_protocol.h"
#include "server/request_parser.h"
#include "server/request_wire.h"

using namespace swoole::mod::http;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

struct Conn {
    std::string input;
    size_t head = 0;
    size_t package_max_length = 0;
    std::vector<std::string> requests;
    std::string sent;
    bool closed = false;
};

Conn *as_conn(sw_server_conn *c) { return reinterpret_cast<Conn *>(c); }
const Conn *as_conn(const sw_server_conn *c) { return reinterpret_cast<const Conn *>(c); }

// The wire form is self-consistent and its head is a prefix of what was sent.
void check_wire(std::string_view bytes, size_t limit) {
    WireView v;
    check(v.parse(bytes));
    check(v.head().size() + v.body().size() <= limit);
    check(!v.url().empty());
    for (uint32_t i = 0; i < v.header_count(); ++i) check(!v.name(v.header(i)).empty());
}

sw_host_api make_host() {
    sw_host_api h{};
    h.struct_size = sizeof(sw_host_api);
    h.abi_major = SW_MODULE_ABI_MAJOR;
    h.abi_minor = SW_MODULE_ABI_MINOR;
    h.log = [](int, const char *) {};
    h.conn_session = [](const sw_server_conn *) -> int64_t { return 1; };
    h.conn_input = [](sw_server_conn *c, size_t *n) -> const char * {
        *n = as_conn(c)->input.size() - as_conn(c)->head;
        return as_conn(c)->input.data() + as_conn(c)->head;
    };
    h.conn_consume = [](sw_server_conn *c, size_t n) {
        check(n > 0 && n <= as_conn(c)->input.size() - as_conn(c)->head);
        as_conn(c)->head += n;
    };
    h.conn_deliver = [](sw_server_conn *c, const char *d, size_t n) -> int {
        check(!as_conn(c)->closed);
        check_wire({d, n}, as_conn(c)->package_max_length);
        as_conn(c)->requests.emplace_back(d, n);
        return 0;
    };
    h.conn_send = [](sw_server_conn *c, const char *d, size_t n) -> int {
        check(!as_conn(c)->closed);
        as_conn(c)->sent.append(d, n);
        return 0;
    };
    h.conn_close = [](sw_server_conn *c, int) -> int {
        as_conn(c)->closed = true;
        return 0;
    };
    h.conn_package_max_length = [](const sw_server_conn *c) { return as_conn(c)->package_max_length; };
    h.conn_alpn = [](const sw_server_conn *, size_t *n) -> const char * {
        *n = 0;
        return nullptr;
    };
    return h;
}

const sw_host_api g_host = make_host();
const sw_server_protocol *g_protocol = http_protocol(&g_host);

// Feeds `stream` in reads of the given sizes (cycled); stops at a close. The
// input string grows by appending, so the bytes move between reads the way a
// connection's buffer may.
Conn run(std::string_view stream, const std::vector<size_t> &cuts, size_t package_max_length) {
    Conn conn;
    conn.package_max_length = package_max_length;
    auto *raw = reinterpret_cast<sw_server_conn *>(&conn);
    void *state = nullptr;
    check(g_protocol->open(g_protocol->self, raw, &state) == 0);
    size_t at = 0, i = 0;
    while (at < stream.size() && !conn.closed) {
        size_t n = cuts.empty() ? stream.size() : cuts[i++ % cuts.size()];
        if (n > stream.size() - at) n = stream.size() - at;
        conn.input.append(stream.substr(at, n));
        at += n;
        check(g_protocol->input(g_protocol->self, state, raw) == 0);
    }
    g_protocol->close(g_protocol->self, state, raw);
    // An answer from the protocol itself is an error answer and closes.
    check(conn.sent.empty() || conn.closed);
    return conn;
}

// The parser alone with a small header limit: every complete request's
// offsets lie inside the bytes fed, pipelined requests follow each other.
struct Parsed {
    std::vector<std::string> wires;
    int error = 0;
    bool operator==(const Parsed &) const = default;
};

Parsed parse_direct(std::string_view stream, ParserLimits limits, size_t cut) {
    RequestParser p(limits);
    Parsed out;
    std::string buffer;
    size_t at = 0;
    while (at < stream.size()) {
        size_t n = cut == 0 ? stream.size() - at : std::min(cut, stream.size() - at);
        buffer.append(stream.substr(at, n));
        at += n;
        for (;;) {
            RequestParser::Status st = p.feed(buffer);
            if (st == RequestParser::Status::need_more) break;
            if (st == RequestParser::Status::error) {
                out.error = p.error_status();
                check(out.error == 400 || out.error == 413);
                return out;
            }
            check(p.message_length() > 0 && p.message_length() <= buffer.size());
            check(p.head_length() <= p.message_length() && p.head_length() <= limits.max_header_size);
            check(size_t(p.url_offset()) + p.url_length() <= p.head_length());
            std::string wire;
            p.write_wire(buffer, wire);
            check_wire(wire, limits.package_max_length);
            out.wires.push_back(std::move(wire));
            buffer.erase(0, p.message_length());
            p.reset();
        }
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) return 0;
    const uint8_t shape = data[0];
    const uint8_t header_shape = data[1];
    std::string_view stream(reinterpret_cast<const char *>(data) + 2, size - 2);
    std::vector<size_t> cuts;
    for (int i = 0; i < 4; ++i) cuts.push_back(1 + ((shape >> (2 * i)) & 3) * (1 + (shape & 7)));
    static const size_t kLimits[] = {48, 200, 1024, 2 * 1024 * 1024};
    size_t limit = kLimits[(shape >> 6) & 3];

    Conn whole = run(stream, {}, limit);
    Conn pieces = run(stream, cuts, limit);
    Conn bytes = run(stream, {1}, limit);
    check(whole.requests == pieces.requests && whole.requests == bytes.requests);
    check(whole.closed == pieces.closed && whole.closed == bytes.closed);
    check(whole.sent == pieces.sent && whole.sent == bytes.sent);

    ParserLimits limits;
    limits.max_header_size = 16 + (header_shape & 0x7f) * 4;
    limits.package_max_length = limits.max_header_size + (header_shape >> 7) * 300;
    Parsed a = parse_direct(stream, limits, 0);
    Parsed b = parse_direct(stream, limits, 1 + (header_shape & 7));
    check(a == b);
    return 0;
}
