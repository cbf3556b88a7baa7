// The coroutine HTTP client's response parser and body decoder, without
// sockets: every response is also fed split at every byte boundary, and
// broken input must end in an error, never a crash.
#include <gtest/gtest.h>

#include <string>

#include "client/body_decoder.h"
#include "client/response_parser.h"
#include "server/compress.h"

namespace http = swoole::mod::http;
using http::client::ResponseParser;
using http::client::StringSink;
using Result = ResponseParser::Result;

namespace {

struct Parsed {
    Result result = Result::more;
    size_t used = 0;
    int status = 0;
    std::string body;
    std::string headers;  // "name=value;" in order
    std::string cookies;
    bool keep_alive = false;
};

// Feeds `wire` in pieces cut at `cut` (0: whole), then finish() on EOF when asked.
Parsed parse(const std::string &wire, size_t cut = 0, ResponseParser::Options options = {}, bool eof = false) {
    ResponseParser p;
    Parsed out;
    StringSink sink(out.body);
    p.reset(options, &sink);
    size_t at = 0;
    while (at < wire.size()) {
        size_t n = cut == 0 ? wire.size() - at : std::min(cut, wire.size() - at);
        size_t used = 0;
        out.result = p.feed(wire.data() + at, n, &used);
        if (out.result != Result::more) {
            out.used = at + used;
            break;
        }
        at += n;
    }
    if (out.result == Result::more && eof) out.result = p.finish();
    out.status = p.status();
    out.keep_alive = p.keep_alive();
    for (const auto &h : p.headers()) out.headers += std::string(h.name) + "=" + std::string(h.value) + ";";
    for (auto c : p.set_cookies()) out.cookies += std::string(c) + "|";
    return out;
}

// The same response, split two ways at every byte, gives the same result.
void expect_split_invariant(const std::string &wire, ResponseParser::Options options = {}, bool eof = false) {
    Parsed whole = parse(wire, 0, options, eof);
    for (size_t cut = 1; cut <= wire.size(); cut++) {
        Parsed p = parse(wire, cut, options, eof);
        ASSERT_EQ(p.result, whole.result) << "cut " << cut;
        ASSERT_EQ(p.body, whole.body) << "cut " << cut;
        ASSERT_EQ(p.headers, whole.headers) << "cut " << cut;
        ASSERT_EQ(p.status, whole.status) << "cut " << cut;
    }
    // And split once at every position (two pieces).
    for (size_t at = 1; at < wire.size(); at++) {
        ResponseParser parser;
        std::string body;
        StringSink sink(body);
        parser.reset(options, &sink);
        Result r = parser.feed(wire.data(), at);
        if (r == Result::more) r = parser.feed(wire.data() + at, wire.size() - at);
        if (r == Result::more && eof) r = parser.finish();
        ASSERT_EQ(r, whole.result) << "split " << at;
        ASSERT_EQ(body, whole.body) << "split " << at;
    }
}

}  // namespace

TEST(ClientParser, ContentLength) {
    std::string wire = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nX-A: 2\r\nServer: t\r\n\r\nhello";
    Parsed p = parse(wire);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.status, 200);
    EXPECT_EQ(p.body, "hello");
    EXPECT_EQ(p.headers, "content-length=5;x-a=1;x-a=2;server=t;");
    EXPECT_TRUE(p.keep_alive);
    EXPECT_EQ(p.used, wire.size());
    expect_split_invariant(wire);
}

TEST(ClientParser, HeaderCaseKeptOnRequest) {
    ResponseParser::Options o;
    o.lowercase_header = false;
    Parsed p = parse("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nX-Mixed-Case: v\r\n\r\n", 0, o);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.status, 404);
    EXPECT_EQ(p.headers, "Content-Length=0;X-Mixed-Case=v;");
}

TEST(ClientParser, EmptyHeaderValue) {
    Parsed p = parse("HTTP/1.1 200 OK\r\nX-Empty:\r\nContent-Length: 1\r\n\r\nz");
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.headers, "x-empty=;content-length=1;");
    EXPECT_EQ(p.body, "z");
}

TEST(ClientParser, Chunked) {
    std::string wire =
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
        "3\r\nabc\r\n10;ext=1\r\n0123456789abcdef\r\n0\r\nX-Trailer: t\r\n\r\n";
    Parsed p = parse(wire);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.body, "abc0123456789abcdef");
    expect_split_invariant(wire);
}

TEST(ClientParser, BadChunkSizesAreErrors) {
    for (const char *bad : {"zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n", "fffffffffffffffffff\r\n", "3\r\nabcXY"}) {
        std::string wire = std::string("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n") + bad;
        for (size_t cut = 0; cut <= wire.size(); cut++) {
            Parsed p = parse(wire, cut, {}, true);
            EXPECT_EQ(p.result, Result::error) << bad << " cut " << cut;
        }
    }
}

TEST(ClientParser, GarbageIsAnError) {
    for (const char *bad : {"HTTX/1.1 200 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "\x01\x02\x03\r\n\r\n",
                            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"}) {
        Parsed p = parse(bad, 0, {}, true);
        EXPECT_EQ(p.result, Result::error) << bad;
    }
}

TEST(ClientParser, HeadResponseHasNoBody) {
    ResponseParser::Options o;
    o.head_request = true;
    std::string wire = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n";
    Parsed p = parse(wire, 0, o);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.body, "");
    EXPECT_EQ(p.used, wire.size());
}

TEST(ClientParser, NoContentAndNotModified) {
    for (const char *status : {"204 No Content", "304 Not Modified"}) {
        std::string wire = std::string("HTTP/1.1 ") + status + "\r\nServer: x\r\n\r\n";
        Parsed p = parse(wire);
        EXPECT_EQ(p.result, Result::done) << status;
        EXPECT_EQ(p.body, "");
    }
}

TEST(ClientParser, BodyUntilClose) {
    std::string wire = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nall of it";
    Parsed p = parse(wire, 0, {}, true);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.body, "all of it");
    EXPECT_FALSE(p.keep_alive);
    expect_split_invariant(wire, {}, true);
}

TEST(ClientParser, TruncatedBodyIsAnError) {
    Parsed p = parse("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", 0, {}, true);
    EXPECT_EQ(p.result, Result::error);
    ResponseParser nothing;
    nothing.reset({}, nullptr);
    EXPECT_EQ(nothing.finish(), Result::error);
    EXPECT_FALSE(nothing.started());
}

TEST(ClientParser, ContinueIsSkipped) {
    std::string wire = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok";
    Parsed p = parse(wire);
    EXPECT_EQ(p.result, Result::done);
    EXPECT_EQ(p.status, 201);
    EXPECT_EQ(p.body, "ok");
    EXPECT_EQ(p.headers, "content-length=2;");
    expect_split_invariant(wire);
}

TEST(ClientParser, SwitchingProtocolsLeavesTheRest) {
    std::string head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
    std::string wire = head + "\x81\x02hi";
    ResponseParser p;
    std::string body;
    StringSink sink(body);
    p.reset({}, &sink);
    size_t used = 0;
    EXPECT_EQ(p.feed(wire.data(), wire.size(), &used), Result::done);
    EXPECT_EQ(used, head.size());
    EXPECT_TRUE(p.upgraded());
    EXPECT_FALSE(p.keep_alive());
    EXPECT_EQ(p.header("UPGRADE"), "websocket");
}

TEST(ClientParser, CookiesAndLastValue) {
    std::string wire =
        "HTTP/1.1 200 OK\r\nSet-Cookie: a=1; path=/\r\nSet-Cookie: b=x%20y\r\nContent-Length: 0\r\n\r\n";
    Parsed p = parse(wire);
    EXPECT_EQ(p.cookies, "a=1; path=/|b=x%20y|");
    auto c = http::client::parse_set_cookie("name = va=lue ; Path=/");
    EXPECT_EQ(c.name, "name");
    EXPECT_EQ(c.value, "va=lue");
    auto bare = http::client::parse_set_cookie("novalue; HttpOnly");
    EXPECT_EQ(bare.name, "");
    EXPECT_EQ(bare.value, "novalue");
}

TEST(ClientParser, HeadTooLarge) {
    ResponseParser::Options o;
    o.max_head_size = 64;
    Parsed p = parse("HTTP/1.1 200 OK\r\nX: " + std::string(200, 'a') + "\r\n\r\n", 7, o);
    EXPECT_EQ(p.result, Result::error);
}

TEST(ClientParser, CompressedBodies) {
    std::string plain;
    for (int i = 0; i < 3000; i++) plain += "line " + std::to_string(i) + "\n";
    for (http::Encoding e : {http::Encoding::gzip, http::Encoding::deflate, http::Encoding::br}) {
        std::string packed;
        ASSERT_TRUE(http::compress(e, 6, plain, packed));
        std::string wire = "HTTP/1.1 200 OK\r\nContent-Encoding: " + std::string(http::encoding_name(e)) +
                           "\r\nContent-Length: " + std::to_string(packed.size()) + "\r\n\r\n" + packed;
        for (size_t cut : {size_t(0), size_t(1), size_t(7), size_t(1000)}) {
            Parsed p = parse(wire, cut);
            EXPECT_EQ(p.result, Result::done) << http::encoding_name(e) << " cut " << cut;
            EXPECT_EQ(p.body, plain) << http::encoding_name(e) << " cut " << cut;
        }
        // body_decompression off: the bytes as sent.
        ResponseParser::Options raw;
        raw.decompress = false;
        EXPECT_EQ(parse(wire, 0, raw).body, packed);
    }
}

TEST(ClientParser, CorruptCompressedBody) {
    std::string plain(20000, 'x');
    std::string packed;
    ASSERT_TRUE(http::compress(http::Encoding::gzip, 1, plain, packed));
    packed[packed.size() / 2] ^= 0x55;
    packed[packed.size() / 2 + 1] ^= 0x55;
    std::string wire = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " +
                       std::to_string(packed.size()) + "\r\n\r\n" + packed;
    for (size_t cut : {size_t(0), size_t(1), size_t(50)}) {
        Parsed p = parse(wire, cut);
        // Either refused or, when the damage only hits the trailer, finished: never a crash.
        EXPECT_TRUE(p.result == Result::error || p.result == Result::done);
    }
    // A body labelled gzip that is not compressed at all passes through.
    Parsed lie = parse("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 5\r\n\r\nplain");
    EXPECT_EQ(lie.result, Result::done);
    EXPECT_EQ(lie.body, "plain");
}

TEST(ClientDecoder, RawDeflateAndConcatenatedGzip) {
    std::string a, b;
    ASSERT_TRUE(http::compress(http::Encoding::gzip, 6, "first ", a));
    ASSERT_TRUE(http::compress(http::Encoding::gzip, 6, "second", b));
    http::client::BodyDecoder d;
    std::string out;
    StringSink sink(out);
    d.start(http::Encoding::gzip);
    ASSERT_TRUE(d.write(a + b, sink));
    EXPECT_EQ(out, "first second");
    EXPECT_TRUE(d.finish());
    // zlib data without its 2-byte header and 4-byte trailer is raw deflate.
    std::string z;
    ASSERT_TRUE(http::compress(http::Encoding::deflate, 6, "raw deflate body", z));
    std::string raw = z.substr(2, z.size() - 6);
    out.clear();
    d.start(http::Encoding::deflate);
    ASSERT_TRUE(d.write(raw, sink));
    EXPECT_EQ(out, "raw deflate body");
}
