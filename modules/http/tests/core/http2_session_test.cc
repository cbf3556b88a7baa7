// The worker's HTTP/2 session against a real client session (nghttp2's
// client side) and against hand-made bad frames: requests, responses with
// bodies under flow control, trailers, PING, GOAWAY, RST_STREAM, and the
// GOAWAY codes of protocol errors.
#include <gtest/gtest.h>
#include <nghttp2/nghttp2.h>

#include <map>
#include <string>
#include <vector>

#include "http2/h2_frame.h"
#include "http2/h2_session.h"

using namespace swoole::mod::http;

namespace {

std::string raw_frame(uint32_t length, uint8_t type, uint8_t flags, uint32_t stream, std::string payload = {}) {
    std::string f;
    f.push_back(static_cast<char>(length >> 16));
    f.push_back(static_cast<char>(length >> 8));
    f.push_back(static_cast<char>(length));
    f.push_back(static_cast<char>(type));
    f.push_back(static_cast<char>(flags));
    f.push_back(static_cast<char>(stream >> 24));
    f.push_back(static_cast<char>(stream >> 16));
    f.push_back(static_cast<char>(stream >> 8));
    f.push_back(static_cast<char>(stream));
    f.append(payload);
    return f;
}

struct Frames {
    std::vector<h2::FrameHeader> headers;
    std::vector<std::string> payloads;
};

Frames parse(std::string_view bytes) {
    Frames f;
    size_t at = 0;
    while (bytes.size() - at >= h2::kFrameHeaderLength) {
        h2::FrameHeader h = h2::read_frame_header(bytes.data() + at);
        if (bytes.size() - at < h2::kFrameHeaderLength + h.length) break;
        f.headers.push_back(h);
        f.payloads.emplace_back(bytes.substr(at + h2::kFrameHeaderLength, h.length));
        at += h2::kFrameHeaderLength + h.length;
    }
    return f;
}

uint32_t u32(std::string_view p, size_t at) {
    auto *u = reinterpret_cast<const unsigned char *>(p.data() + at);
    return (uint32_t(u[0]) << 24) | (uint32_t(u[1]) << 16) | (uint32_t(u[2]) << 8) | u[3];
}

// The GOAWAY error code in bytes, or -1 when there is no GOAWAY.
int64_t goaway_code(std::string_view bytes) {
    Frames f = parse(bytes);
    for (size_t i = 0; i < f.headers.size(); ++i) {
        if (f.headers[i].type == h2::kGoaway) return u32(f.payloads[i], 4);
    }
    return -1;
}

struct Response {
    std::map<std::string, std::string> headers;
    std::map<std::string, std::string> trailers;
    std::string body;
    bool closed = false;
    uint32_t close_code = 0;
};

// A client over nghttp2's client session, wired to a server Session.
class Pair {
  public:
    explicit Pair(h2::SessionSettings settings = {}, std::vector<nghttp2_settings_entry> client_settings = {})
        : server_(settings, &Pair::server_output, this) {
        nghttp2_session_callbacks *cb;
        nghttp2_session_callbacks_new(&cb);
        nghttp2_session_callbacks_set_on_header_callback(cb, on_header);
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb, on_data);
        nghttp2_session_callbacks_set_on_stream_close_callback(cb, on_close);
        nghttp2_session_callbacks_set_on_frame_recv_callback(cb, on_frame);
        nghttp2_session_client_new(&client_, cb, this);
        nghttp2_session_callbacks_del(cb);
        nghttp2_submit_settings(client_, NGHTTP2_FLAG_NONE, client_settings.data(), client_settings.size());
    }
    ~Pair() { nghttp2_session_del(client_); }

    int32_t request(std::vector<std::pair<std::string, std::string>> fields, const std::string *body = nullptr) {
        std::vector<nghttp2_nv> nv;
        for (auto &[n, v] : fields) {
            nv.push_back({reinterpret_cast<uint8_t *>(n.data()), reinterpret_cast<uint8_t *>(v.data()), n.size(),
                          v.size(), NGHTTP2_NV_FLAG_NONE});
        }
        nghttp2_data_provider provider{};
        if (body) {
            upload_ = *body;
            upload_at_ = 0;
            provider.read_callback = read_upload;
            provider.source.ptr = this;
        }
        return nghttp2_submit_request(client_, nullptr, nv.data(), nv.size(), body ? &provider : nullptr, nullptr);
    }
    static std::vector<std::pair<std::string, std::string>> get(std::string path, std::string method = "GET") {
        return {{":method", method}, {":scheme", "http"}, {":path", path}, {":authority", "test"}};
    }

    // Client bytes to the server: returns the streams that became ready.
    std::vector<int32_t> client_to_server() {
        std::string bytes;
        for (;;) {
            const uint8_t *p;
            ssize_t n = nghttp2_session_mem_send(client_, &p);
            if (n <= 0) break;
            bytes.append(reinterpret_cast<const char *>(p), static_cast<size_t>(n));
        }
        if (!magic_sent_ && bytes.size() >= h2::kClientPreface.size()) {
            bytes.erase(0, h2::kClientPreface.size());  // the reactor consumes the preface
            magic_sent_ = true;
        }
        std::vector<int32_t> ready;
        if (!bytes.empty()) server_.feed(bytes, ready);
        return ready;
    }
    // Server bytes (collected so far) to the client.
    size_t server_to_client() {
        std::string bytes;
        bytes.swap(from_server_);
        if (!bytes.empty()) {
            EXPECT_EQ(nghttp2_session_mem_recv(client_, reinterpret_cast<const uint8_t *>(bytes.data()), bytes.size()),
                      static_cast<ssize_t>(bytes.size()));
        }
        return bytes.size();
    }
    // Both ways until quiet; the streams that became ready meanwhile.
    std::vector<int32_t> pump() {
        std::vector<int32_t> all;
        for (int i = 0; i < 1000; ++i) {
            std::vector<int32_t> r = client_to_server();
            all.insert(all.end(), r.begin(), r.end());
            size_t n = server_to_client();
            if (n == 0 && !nghttp2_session_want_write(client_)) break;
        }
        return all;
    }

    h2::Session &server() { return server_; }
    nghttp2_session *client() { return client_; }
    std::map<int32_t, Response> responses;
    std::string from_server_;
    int pings = 0;
    int64_t goaway_error = -1;
    std::string goaway_debug;

  private:
    static void server_output(void *ctx, std::string_view bytes) { static_cast<Pair *>(ctx)->from_server_.append(bytes); }
    static int on_header(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t nl,
                         const uint8_t *value, size_t vl, uint8_t, void *user) {
        auto *self = static_cast<Pair *>(user);
        Response &r = self->responses[frame->hd.stream_id];
        std::string n(reinterpret_cast<const char *>(name), nl), v(reinterpret_cast<const char *>(value), vl);
        if (frame->headers.cat == NGHTTP2_HCAT_HEADERS) r.trailers[n] = v; else r.headers[n] = v;
        return 0;
    }
    static int on_data(nghttp2_session *, uint8_t, int32_t id, const uint8_t *data, size_t len, void *user) {
        static_cast<Pair *>(user)->responses[id].body.append(reinterpret_cast<const char *>(data), len);
        return 0;
    }
    static int on_close(nghttp2_session *, int32_t id, uint32_t code, void *user) {
        Response &r = static_cast<Pair *>(user)->responses[id];
        r.closed = true;
        r.close_code = code;
        return 0;
    }
    static int on_frame(nghttp2_session *, const nghttp2_frame *frame, void *user) {
        auto *self = static_cast<Pair *>(user);
        if (frame->hd.type == NGHTTP2_PING && !(frame->hd.flags & NGHTTP2_FLAG_ACK)) ++self->pings;
        if (frame->hd.type == NGHTTP2_GOAWAY) {
            self->goaway_error = frame->goaway.error_code;
            self->goaway_debug.assign(reinterpret_cast<const char *>(frame->goaway.opaque_data), frame->goaway.opaque_data_len);
        }
        return 0;
    }
    static ssize_t read_upload(nghttp2_session *, int32_t, uint8_t *buf, size_t length, uint32_t *flags,
                               nghttp2_data_source *source, void *) {
        auto *self = static_cast<Pair *>(source->ptr);
        size_t n = std::min(length, self->upload_.size() - self->upload_at_);
        memcpy(buf, self->upload_.data() + self->upload_at_, n);
        self->upload_at_ += n;
        if (self->upload_at_ == self->upload_.size()) *flags |= NGHTTP2_DATA_FLAG_EOF;
        return static_cast<ssize_t>(n);
    }

    h2::Session server_;
    nghttp2_session *client_ = nullptr;
    bool magic_sent_ = false;
    std::string upload_;
    size_t upload_at_ = 0;
};

std::string field_value(const h2::Stream &s, std::string_view name) {
    for (size_t i = 0; i < s.field_count(); ++i) {
        if (s.field(i).name == name) return std::string(s.field(i).value);
    }
    return "<none>";
}

h2::BodyRef owned(std::string *s) {
    return h2::BodyRef{*s, s, [](void *p) { delete static_cast<std::string *>(p); }};
}

const h2::Field kOk[] = {{":status", "200"}, {"content-type", "text/plain"}};

}  // namespace

TEST(Http2Session, AnnouncesSettings) {
    h2::SessionSettings s;
    s.max_concurrent_streams = 77;
    s.init_window_size = 100000;
    s.max_frame_size = 32768;
    s.max_header_list_size = 8192;
    Pair p(s);
    p.client_to_server();
    Frames f = parse(p.from_server_);
    ASSERT_FALSE(f.headers.empty());
    ASSERT_EQ(f.headers[0].type, h2::kSettings);  // our SETTINGS first
    std::map<uint16_t, uint32_t> values;
    const std::string &pl = f.payloads[0];
    for (size_t at = 0; at + 6 <= pl.size(); at += 6) {
        values[static_cast<uint16_t>((uint8_t(pl[at]) << 8) | uint8_t(pl[at + 1]))] = u32(pl, at + 2);
    }
    EXPECT_EQ(values[NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS], 77u);
    EXPECT_EQ(values[NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE], 100000u);
    EXPECT_EQ(values[NGHTTP2_SETTINGS_MAX_FRAME_SIZE], 32768u);
    EXPECT_EQ(values[NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE], 8192u);
    EXPECT_EQ(values[NGHTTP2_SETTINGS_HEADER_TABLE_SIZE], 4096u);
}

TEST(Http2Session, RequestAndResponse) {
    Pair p;
    auto fields = Pair::get("/a?b=1");
    fields.push_back({"cookie", "x=1"});
    fields.push_back({"cookie", "y=2"});
    int32_t id = p.request(fields);
    std::vector<int32_t> ready = p.pump();
    ASSERT_EQ(ready, std::vector<int32_t>{id});
    h2::Stream *s = p.server().find(id);
    ASSERT_NE(s, nullptr);
    EXPECT_EQ(field_value(*s, ":method"), "GET");
    EXPECT_EQ(field_value(*s, ":path"), "/a?b=1");
    EXPECT_EQ(field_value(*s, ":authority"), "test");
    EXPECT_EQ(s->body(), "");
    EXPECT_TRUE(p.server().respond(id, kOk, owned(new std::string("hello")), {}, false));
    EXPECT_FALSE(p.server().respond(id, kOk, owned(new std::string("again")), {}, false));  // answered once
    p.pump();
    Response &r = p.responses[id];
    EXPECT_EQ(r.headers[":status"], "200");
    EXPECT_EQ(r.headers["content-type"], "text/plain");
    EXPECT_EQ(r.body, "hello");
    EXPECT_TRUE(r.closed);
    EXPECT_EQ(p.server().find(id), nullptr);  // closed: nothing left to answer
    EXPECT_FALSE(p.server().finished());
}

TEST(Http2Session, PostBody) {
    Pair p;
    std::string body(100000, 'b');
    int32_t id = p.request(Pair::get("/up", "POST"), &body);
    std::vector<int32_t> ready = p.pump();
    ASSERT_EQ(ready.size(), 1u);
    ASSERT_NE(p.server().find(id), nullptr);
    EXPECT_EQ(p.server().find(id)->body(), body);
}

TEST(Http2Session, BodyTooLarge) {
    h2::SessionSettings s;
    s.max_body = 1000;
    Pair p(s);
    std::string body(5000, 'b');
    int32_t id = p.request(Pair::get("/up", "POST"), &body);
    EXPECT_TRUE(p.pump().empty());
    EXPECT_EQ(p.responses[id].headers[":status"], "413");
    EXPECT_FALSE(p.server().finished());
}

// 1 MiB against a 16 KiB stream window and the 64 KiB connection window:
// the server writes what the windows allow, the rest after WINDOW_UPDATEs.
TEST(Http2Session, FlowControl) {
    Pair p({}, {{NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, 16384}});
    int32_t id = p.request(Pair::get("/big"));
    p.pump();
    std::string *body = new std::string(1 << 20, '\0');
    for (size_t i = 0; i < body->size(); ++i) (*body)[i] = static_cast<char>('a' + i * 7 % 26);
    std::string expect = *body;
    ASSERT_TRUE(p.server().respond(id, kOk, owned(body), {}, false));
    Frames f = parse(p.from_server_);
    size_t data = 0;
    for (size_t i = 0; i < f.headers.size(); ++i) {
        if (f.headers[i].type == h2::kData) data += f.headers[i].length;
    }
    EXPECT_EQ(data, 16384u);  // no more than the stream window before any update
    p.pump();
    EXPECT_EQ(p.responses[id].body.size(), expect.size());
    EXPECT_TRUE(p.responses[id].body == expect);
    EXPECT_TRUE(p.responses[id].closed);
}

TEST(Http2Session, Trailers) {
    Pair p;
    int32_t id = p.request(Pair::get("/t"));
    p.pump();
    const h2::Field trailers[] = {{"grpc-status", "0"}, {"x-sum", "abc"}};
    ASSERT_TRUE(p.server().respond(id, kOk, owned(new std::string("body")), trailers, false));
    Frames f = parse(p.from_server_);
    ASSERT_GE(f.headers.size(), 3u);
    // HEADERS, DATA without END_STREAM, HEADERS with END_STREAM
    size_t n = f.headers.size();
    EXPECT_EQ(f.headers[n - 1].type, h2::kHeaders);
    EXPECT_TRUE(f.headers[n - 1].flags & NGHTTP2_FLAG_END_STREAM);
    EXPECT_EQ(f.headers[n - 2].type, h2::kData);
    EXPECT_FALSE(f.headers[n - 2].flags & NGHTTP2_FLAG_END_STREAM);
    p.pump();
    EXPECT_EQ(p.responses[id].body, "body");
    EXPECT_EQ(p.responses[id].trailers["grpc-status"], "0");
    EXPECT_EQ(p.responses[id].trailers["x-sum"], "abc");
}

TEST(Http2Session, HeadOnly) {
    Pair p;
    int32_t id = p.request(Pair::get("/h", "HEAD"));
    p.pump();
    const h2::Field fields[] = {{":status", "200"}, {"content-length", "5"}};
    bool released = false;
    h2::BodyRef ref{"hello", &released, [](void *b) { *static_cast<bool *>(b) = true; }};
    ASSERT_TRUE(p.server().respond(id, fields, ref, {}, true));
    EXPECT_TRUE(released);
    p.pump();
    EXPECT_EQ(p.responses[id].headers["content-length"], "5");
    EXPECT_EQ(p.responses[id].body, "");
    EXPECT_TRUE(p.responses[id].closed);
}

TEST(Http2Session, ManyConcurrentStreams) {
    Pair p;
    std::vector<int32_t> ids;
    for (int i = 0; i < 50; ++i) ids.push_back(p.request(Pair::get("/s" + std::to_string(i))));
    std::vector<int32_t> ready = p.pump();
    EXPECT_EQ(ready, ids);
    // answered in reverse order
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) {
        std::string path = field_value(*p.server().find(*it), ":path");
        ASSERT_TRUE(p.server().respond(*it, kOk, owned(new std::string(path)), {}, false));
    }
    p.pump();
    for (int i = 0; i < 50; ++i) EXPECT_EQ(p.responses[ids[i]].body, "/s" + std::to_string(i));
}

TEST(Http2Session, ClientResetCancelsOneStream) {
    Pair p;
    int32_t a = p.request(Pair::get("/a"));
    int32_t b = p.request(Pair::get("/b"));
    EXPECT_EQ(p.pump().size(), 2u);
    nghttp2_submit_rst_stream(p.client(), NGHTTP2_FLAG_NONE, a, NGHTTP2_CANCEL);
    p.pump();
    EXPECT_EQ(p.server().find(a), nullptr);
    bool released = false;
    h2::BodyRef ref{"x", &released, [](void *f) { *static_cast<bool *>(f) = true; }};
    EXPECT_FALSE(p.server().respond(a, kOk, ref, {}, false));
    EXPECT_TRUE(released);
    EXPECT_TRUE(p.server().respond(b, kOk, owned(new std::string("b")), {}, false));
    p.pump();
    EXPECT_EQ(p.responses[b].body, "b");
    EXPECT_FALSE(p.server().finished());
}

TEST(Http2Session, PingAndGoaway) {
    Pair p;
    int32_t id = p.request(Pair::get("/p"));
    p.pump();
    EXPECT_TRUE(p.server().ping());
    p.pump();
    EXPECT_EQ(p.pings, 1);
    EXPECT_TRUE(p.server().goaway(0, "bye"));
    p.pump();
    EXPECT_EQ(p.goaway_error, 0);
    EXPECT_EQ(p.goaway_debug, "bye");
    EXPECT_FALSE(p.server().finished());  // stream `id` may still be answered
    EXPECT_TRUE(p.server().respond(id, kOk, owned(new std::string("last")), {}, false));
    p.pump();
    EXPECT_EQ(p.responses[id].body, "last");
    EXPECT_TRUE(p.server().finished());
}

// ---- protocol errors, from hand-made frames after the client's SETTINGS

class Http2Raw : public ::testing::Test {
  protected:
    static void out(void *ctx, std::string_view b) { static_cast<std::string *>(ctx)->append(b); }
    int64_t feed(std::string frames) {
        ready.clear();
        session.feed(raw_frame(0, h2::kSettings, 0, 0) + frames, ready);
        return goaway_code(output);
    }
    std::string output;
    std::vector<int32_t> ready;
    h2::Session session{h2::SessionSettings{}, out, &output};
};

TEST_F(Http2Raw, BadHpack) {
    // 0xff 0xff...: an index far outside both tables
    EXPECT_EQ(feed(raw_frame(5, h2::kHeaders, 5, 1, "\xff\xff\xff\xff\x0f")), h2::kCompressionError);
    EXPECT_TRUE(session.finished());
}

TEST_F(Http2Raw, FrameTooLarge) {
    EXPECT_EQ(feed(raw_frame(20000, h2::kData, 0, 1, std::string(20000, 'x'))), h2::kFrameSizeError);
    EXPECT_TRUE(session.finished());
}

TEST_F(Http2Raw, HeadersOnClosedStream) {
    // :method GET, :scheme http, :path /, :authority a (static table indexes)
    std::string block = "\x82\x86\x84\x41\x01" "a";
    std::string frames = raw_frame(static_cast<uint32_t>(block.size()), h2::kHeaders, 5, 1, block);
    EXPECT_EQ(feed(frames), -1);
    ASSERT_EQ(ready, std::vector<int32_t>{1});
    const h2::Field fields[] = {{":status", "204"}};
    ASSERT_TRUE(session.respond(1, fields, {}, {}, false));  // stream 1 is closed now
    output.clear();
    ready.clear();
    session.feed(frames, ready);
    EXPECT_EQ(goaway_code(output), NGHTTP2_STREAM_CLOSED);
    EXPECT_TRUE(session.finished());
    EXPECT_TRUE(ready.empty());
}

TEST_F(Http2Raw, FirstFrameNotSettings) {
    std::vector<int32_t> r;
    session.feed(raw_frame(8, h2::kPing, 0, 0, std::string(8, '\0')), r);
    EXPECT_EQ(goaway_code(output), h2::kProtocolError);
    EXPECT_TRUE(session.finished());
}

TEST_F(Http2Raw, DataOnStreamZero) {
    EXPECT_EQ(feed(raw_frame(3, h2::kData, 0, 0, "abc")), h2::kProtocolError);
}
