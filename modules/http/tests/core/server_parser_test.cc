// RequestParser: framing, split reads, pipelining, limits, bad input; the
// wire form the worker reads back.
#include <gtest/gtest.h>

#include <string>

#include "server/request_parser.h"
#include "server/request_wire.h"

using namespace swoole::mod::http;

namespace {

struct Decoded {
    std::string method, url, head, body;
    std::vector<std::pair<std::string, std::string>> headers;
    bool keep_alive = false;
    int major = 0, minor = 0;
};

Decoded decode(const RequestParser &p, std::string_view data) {
    std::string wire;
    p.write_wire(data, wire);
    WireView v;
    EXPECT_TRUE(v.parse(wire));
    Decoded d;
    d.method = llhttp_method_name(static_cast<llhttp_method_t>(v.fixed().method));
    d.url = v.url();
    d.head = v.head();
    d.body = v.body();
    d.keep_alive = v.keep_alive();
    d.major = v.fixed().version_major;
    d.minor = v.fixed().version_minor;
    for (uint32_t i = 0; i < v.header_count(); ++i) {
        WireHeader h = v.header(i);
        d.headers.emplace_back(v.name(h), v.value(h));
    }
    return d;
}

// Feeds data growing one byte at a time, each time from a fresh copy (the
// input buffer may move between reads); returns the status at the end.
RequestParser::Status feed_bytewise(RequestParser &p, const std::string &data, std::string &copy) {
    RequestParser::Status st = RequestParser::Status::need_more;
    for (size_t i = 1; i <= data.size(); ++i) {
        copy = std::string(data.data(), i);
        st = p.feed(copy);
        if (st != RequestParser::Status::need_more) return st;
    }
    return st;
}

const std::string kGet = "GET /a/b?x=1&y=2 HTTP/1.1\r\nHost: example\r\nX-Empty:\r\nAccept: */*\r\n\r\n";
const std::string kPost = "POST /form HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world";
const std::string kChunked =
    "POST /up HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";

}  // namespace

TEST(HttpRequestParser, SimpleGet) {
    RequestParser p;
    ASSERT_EQ(p.feed(kGet), RequestParser::Status::complete);
    EXPECT_EQ(p.message_length(), kGet.size());
    EXPECT_EQ(p.head_length(), kGet.size());
    Decoded d = decode(p, kGet);
    EXPECT_EQ(d.method, "GET");
    EXPECT_EQ(d.url, "/a/b?x=1&y=2");
    EXPECT_EQ(d.head, kGet);
    EXPECT_EQ(d.body, "");
    EXPECT_TRUE(d.keep_alive);
    EXPECT_EQ(d.major, 1);
    EXPECT_EQ(d.minor, 1);
    ASSERT_EQ(d.headers.size(), 3u);
    EXPECT_EQ(d.headers[0].first, "Host");
    EXPECT_EQ(d.headers[0].second, "example");
    EXPECT_EQ(d.headers[1].first, "X-Empty");
    EXPECT_EQ(d.headers[1].second, "");
    EXPECT_EQ(d.headers[2].second, "*/*");
}

TEST(HttpRequestParser, SplitAtEveryByte) {
    for (const std::string *req : {&kGet, &kPost, &kChunked}) {
        RequestParser whole;
        ASSERT_EQ(whole.feed(*req), RequestParser::Status::complete);
        Decoded expect = decode(whole, *req);
        RequestParser p;
        std::string copy;
        ASSERT_EQ(feed_bytewise(p, *req, copy), RequestParser::Status::complete) << *req;
        EXPECT_EQ(p.message_length(), req->size());
        Decoded got = decode(p, copy);
        EXPECT_EQ(got.url, expect.url);
        EXPECT_EQ(got.head, expect.head);
        EXPECT_EQ(got.body, expect.body);
        EXPECT_EQ(got.headers, expect.headers);
    }
}

TEST(HttpRequestParser, BodiesAreDecoded) {
    RequestParser p;
    ASSERT_EQ(p.feed(kPost), RequestParser::Status::complete);
    EXPECT_EQ(decode(p, kPost).body, "hello world");
    EXPECT_EQ(p.head_length(), kPost.size() - 11);
    RequestParser c;
    ASSERT_EQ(c.feed(kChunked), RequestParser::Status::complete);
    Decoded d = decode(c, kChunked);
    EXPECT_EQ(d.body, "hello world");
    EXPECT_TRUE(c.chunked());
    // trailers are framed but not reported as headers
    ASSERT_EQ(d.headers.size(), 2u);
    EXPECT_EQ(d.head, kChunked.substr(0, kChunked.find("\r\n\r\n") + 4));
}

TEST(HttpRequestParser, PipelinedRequestsInOrder) {
    std::string all = kGet + kPost + kChunked + kGet;
    RequestParser p;
    std::vector<std::string> urls;
    std::string_view rest = all;
    while (!rest.empty()) {
        ASSERT_EQ(p.feed(rest), RequestParser::Status::complete);
        urls.push_back(decode(p, rest).url);
        rest.remove_prefix(p.message_length());
        p.reset();
    }
    EXPECT_EQ(urls, (std::vector<std::string>{"/a/b?x=1&y=2", "/form", "/up", "/a/b?x=1&y=2"}));
}

TEST(HttpRequestParser, PartialSecondRequestWaits) {
    std::string all = kPost + kGet.substr(0, 10);
    RequestParser p;
    ASSERT_EQ(p.feed(all), RequestParser::Status::complete);
    std::string rest = all.substr(p.message_length());
    p.reset();
    EXPECT_EQ(p.feed(rest), RequestParser::Status::need_more);
    rest = kGet;
    EXPECT_EQ(p.feed(rest), RequestParser::Status::complete);
}

TEST(HttpRequestParser, KeepAliveRules) {
    struct Case {
        std::string req;
        bool keep;
    } cases[] = {
        {"GET / HTTP/1.1\r\n\r\n", true},
        {"GET / HTTP/1.1\r\nConnection: close\r\n\r\n", false},
        {"GET / HTTP/1.0\r\n\r\n", false},
        {"GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true},
    };
    for (auto &c : cases) {
        RequestParser p;
        ASSERT_EQ(p.feed(c.req), RequestParser::Status::complete) << c.req;
        EXPECT_EQ(p.keep_alive(), c.keep) << c.req;
    }
}

TEST(HttpRequestParser, BadInputIs400) {
    const char *bad[] = {
        "FOO / HTTP/1.1\r\n\r\n",
        "GARBAGE\r\n\r\n",
        "hello world\r\n\r\n",
        "GET / HTTP/1.1\r\nBad(Header: x\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n",
        "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        "POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET / HTTP/9.9\r\n\r\n",
        "GET / HTTP/1.1\r\n: x\r\n\r\n",          // an empty header name
        "GET / HTTP/1.1\r\nA: b\r\n:\r\n\r\n",
        "CONNECT \n\r\n",                          // no target (found by the fuzzer)
    };
    for (const char *b : bad) {
        RequestParser p;
        std::string copy;
        EXPECT_EQ(feed_bytewise(p, b, copy), RequestParser::Status::error) << b;
        EXPECT_EQ(p.error_status(), 400) << b;
        EXPECT_EQ(p.feed(copy), RequestParser::Status::error);  // stays failed
    }
}

TEST(HttpRequestParser, OversizedHeadersAre400) {
    ParserLimits limits;
    limits.max_header_size = 1024;
    RequestParser p(limits);
    std::string req = "GET / HTTP/1.1\r\nX-Long: " + std::string(2000, 'a');
    EXPECT_EQ(p.feed(req), RequestParser::Status::error);
    EXPECT_EQ(p.error_status(), 400);
    // the limit also holds when the bytes trickle in without a callback firing
    RequestParser q(limits);
    std::string url = "GET /" + std::string(1500, 'u');
    EXPECT_EQ(q.feed(url.substr(0, 600)), RequestParser::Status::need_more);
    EXPECT_EQ(q.feed(url), RequestParser::Status::error);
    EXPECT_EQ(q.error_status(), 400);
}

TEST(HttpRequestParser, BodyOverPackageMaxLengthIs413) {
    ParserLimits limits;
    limits.package_max_length = 100;
    RequestParser p(limits);
    EXPECT_EQ(p.feed("POST / HTTP/1.1\r\nContent-Length: 90\r\n\r\n"), RequestParser::Status::error);
    EXPECT_EQ(p.error_status(), 413);
    RequestParser fits(limits);
    std::string ok = "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\n0123456789";
    EXPECT_EQ(fits.feed(ok), RequestParser::Status::complete);
    RequestParser chunked(limits);
    std::string big = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n40\r\n" + std::string(64, 'x') + "\r\n";
    EXPECT_EQ(chunked.feed(big), RequestParser::Status::error);
    EXPECT_EQ(chunked.error_status(), 413);
    RequestParser huge(limits);
    EXPECT_EQ(huge.feed("POST / HTTP/1.1\r\nContent-Length: 99999999999999999\r\n\r\n"), RequestParser::Status::error);
    EXPECT_EQ(huge.error_status(), 413);
}

TEST(HttpRequestParser, WireRejectsTruncatedBytes) {
    RequestParser p;
    ASSERT_EQ(p.feed(kPost), RequestParser::Status::complete);
    std::string wire;
    p.write_wire(kPost, wire);
    WireView v;
    EXPECT_TRUE(v.parse(wire));
    EXPECT_FALSE(v.parse(std::string_view(wire).substr(0, wire.size() - 1)));
    EXPECT_FALSE(v.parse("short"));
}

// The answer to an oversized request does not depend on how its bytes were
// split into reads: raw chunk framing counts against package_max_length,
// header padding no callback reports counts against the header limit.
TEST(HttpRequestParser, LimitsDoNotDependOnReadSizes) {
    ParserLimits limits;
    limits.package_max_length = 200;
    std::string chunky = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 40; ++i) chunky += "1;e=x\r\na\r\n";  // 40 body bytes, 400 raw
    chunky += "0\r\n\r\n";
    ParserLimits header_limits;
    header_limits.max_header_size = 64;
    std::string padded = "GET / HTTP/1.1\r\nA: b" + std::string(80, ' ') + "\r\n\r\n";
    struct Case {
        const std::string &req;
        ParserLimits limits;
        int status;
    } cases[] = {{chunky, limits, 413}, {padded, header_limits, 400}};
    for (const Case &c : cases) {
        RequestParser whole(c.limits);
        EXPECT_EQ(whole.feed(c.req), RequestParser::Status::error);
        EXPECT_EQ(whole.error_status(), c.status);
        RequestParser bytes(c.limits);
        std::string copy;
        EXPECT_EQ(feed_bytewise(bytes, c.req, copy), RequestParser::Status::error);
        EXPECT_EQ(bytes.error_status(), c.status);
    }
}

// llhttp takes "\r" and any byte as the blank line: the head ends where
// llhttp ended it, whatever follows (found by the fuzzer: a scan for the
// next "\n" made the head longer than the message).
TEST(HttpRequestParser, HeadEndsWhereLlhttpEndedIt) {
    const std::string req = "POST /f HTTP/1.1\r\nContent-Length: 5\r\n\r" + std::string(20, '\x92') + "\nrest";
    RequestParser whole;
    ASSERT_EQ(whole.feed(req), RequestParser::Status::complete);
    RequestParser bytes;
    std::string copy;
    ASSERT_EQ(feed_bytewise(bytes, req, copy), RequestParser::Status::complete);
    for (RequestParser *p : {&whole, &bytes}) {
        EXPECT_EQ(p->head_length(), 39u);
        EXPECT_EQ(p->message_length(), 44u);
        EXPECT_EQ(decode(*p, req).body, std::string(5, '\x92'));
    }
}
