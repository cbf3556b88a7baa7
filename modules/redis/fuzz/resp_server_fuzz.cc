// libFuzzer target: the Redis\Server request framing (the "redis" protocol
// over a fake connection). The input is a byte stream a client could send;
// its first byte picks how the stream is cut into reads. Checks, besides
// "no crash, no leak, no UB": the commands delivered and the close decision
// do not depend on how the bytes were cut, every delivered frame decodes,
// and nothing is delivered after the connection was closed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "server/command_frame.h"
#include "server/resp_protocol.h"

using namespace swoole::mod::redis;

namespace {

struct Conn {
    std::string input;
    size_t head = 0;
    std::vector<std::string> frames;
    std::string sent;
    bool closed = false;
};

Conn *as_conn(sw_server_conn *c) { return reinterpret_cast<Conn *>(c); }

void check(bool ok) {
    if (!ok) std::abort();
}

sw_host_api make_host() {
    sw_host_api h{};
    h.struct_size = sizeof(sw_host_api);
    h.log = [](int, const char *) {};
    h.conn_session = [](const sw_server_conn *) -> int64_t { return 1; };
    h.conn_input = [](sw_server_conn *c, size_t *n) -> const char * {
        *n = as_conn(c)->input.size() - as_conn(c)->head;
        return as_conn(c)->input.data() + as_conn(c)->head;
    };
    h.conn_consume = [](sw_server_conn *c, size_t n) {
        check(n <= as_conn(c)->input.size() - as_conn(c)->head);
        as_conn(c)->head += n;
    };
    h.conn_deliver = [](sw_server_conn *c, const char *d, size_t n) -> int {
        check(!as_conn(c)->closed);
        FrameReader reader;
        check(reader.open({d, n}));
        check(reader.argc() > 0);
        std::string_view word;
        size_t words = 0, bytes = 0;
        while (reader.next(word)) {
            ++words;
            bytes += word.size();
        }
        check(words == reader.argc());
        check(n == 4 * (1 + words) + bytes);
        as_conn(c)->frames.emplace_back(d, n);
        return 0;
    };
    h.conn_send = [](sw_server_conn *c, const char *d, size_t n) -> int {
        as_conn(c)->sent.append(d, n);
        return 0;
    };
    h.conn_close = [](sw_server_conn *c, int) -> int {
        as_conn(c)->closed = true;
        return 0;
    };
    return h;
}

const sw_host_api g_host = make_host();
RespProtocol g_protocol(&g_host);

// Feeds `stream` in reads of the given sizes (cycled); stops at a close.
Conn run(std::string_view stream, const std::vector<size_t> &cuts) {
    Conn conn;
    const sw_server_protocol *t = g_protocol.table();
    auto *raw = reinterpret_cast<sw_server_conn *>(&conn);
    void *state = nullptr;
    check(t->open(t->self, raw, &state) == 0);
    size_t at = 0, i = 0;
    while (at < stream.size() && !conn.closed) {
        size_t n = cuts.empty() ? stream.size() : cuts[i++ % cuts.size()];
        if (n > stream.size() - at) n = stream.size() - at;
        conn.input.append(stream.substr(at, n));
        at += n;
        check(t->input(t->self, state, raw) == 0);
    }
    t->close(t->self, state, raw);
    return conn;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    const uint8_t shape = data[0];
    std::string_view stream(reinterpret_cast<const char *>(data) + 1, size - 1);
    std::vector<size_t> cuts;
    for (int i = 0; i < 4; ++i) cuts.push_back(1 + ((shape >> (2 * i)) & 3) * (1 + (shape & 7)));

    Conn whole = run(stream, {});
    Conn pieces = run(stream, cuts);
    Conn bytes = run(stream, {1});
    // A close is decided by the bytes, not by the cuts; commands before it
    // are the same. (A request not complete when the stream ends is just
    // pending in every run.)
    check(whole.frames == pieces.frames && whole.frames == bytes.frames);
    check(whole.closed == pieces.closed && whole.closed == bytes.closed);
    check(whole.sent == pieces.sent && whole.sent == bytes.sent);
    return 0;
}
