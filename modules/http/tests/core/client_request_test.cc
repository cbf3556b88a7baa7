// The coroutine HTTP client's request writer: the head 4.8 writes, header
// overrides, cookies, bodies, and a multipart layout whose announced
// Content-Length matches the bytes sent.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "client/request_writer.h"

using namespace swoole::mod::http::client;

namespace {

// The bytes the segments stand for (files as '#' x length).
std::string flatten(const OutgoingRequest &r) {
    std::string out;
    for (const Segment &s : r.segments) {
        switch (s.kind) {
        case Segment::Kind::buffer:
            out.append(r.buffer, s.offset, s.length);
            break;
        case Segment::Kind::view:
            out.append(s.data);
            break;
        case Segment::Kind::file:
            out.append(s.part->length, '#');
            break;
        }
    }
    return out;
}

}  // namespace

TEST(ClientRequest, DefaultHead) {
    RequestSpec spec;
    spec.host = "127.0.0.1:9501";
    OutgoingRequest r;
    write_request(spec, r);
    EXPECT_EQ(r.head_text(),
              "GET / HTTP/1.1\r\nHost: 127.0.0.1:9501\r\nConnection: keep-alive\r\nAccept-Encoding: gzip, deflate, br");
    EXPECT_EQ(flatten(r), std::string(r.head_text()) + "\r\n\r\n");
    EXPECT_TRUE(r.keep_alive);
}

TEST(ClientRequest, UserHeadersOverride) {
    std::vector<HeaderField> headers = {{"host", "example.com"},   {"Connection", "close"},
                                        {"Accept-Encoding", "identity"}, {"Content-Length", "99"},
                                        {"X-Bad", "a\r\nInjected: 1"}, {"", "x"},
                                        {"X-Ok", "1"}};
    RequestSpec spec;
    spec.method = "HEAD";
    spec.target = "/p?q=1";
    spec.host = "127.0.0.1:80";
    spec.headers = headers;
    spec.compression = true;
    OutgoingRequest r;
    write_request(spec, r);
    EXPECT_EQ(r.head_text(),
              "HEAD /p?q=1 HTTP/1.1\r\nHost: example.com\r\nConnection: close\r\nAccept-Encoding: identity\r\n"
              "X-Ok: 1\r\nContent-Length: 0");
    EXPECT_FALSE(r.keep_alive);
    EXPECT_TRUE(r.head_method);
}

TEST(ClientRequest, CookiesAuthAndClosed) {
    std::vector<HeaderField> cookies = {{"a", "1 2"}, {"skip", ""}, {"b", "x;y=z"}};
    RequestSpec spec;
    spec.host = "h";
    spec.cookies = cookies;
    spec.keep_alive = false;
    spec.compression = false;
    std::string auth = basic_authorization("user", "pass");
    spec.authorization = auth;
    OutgoingRequest r;
    write_request(spec, r);
    EXPECT_EQ(r.head_text(),
              "GET / HTTP/1.1\r\nHost: h\r\nAuthorization: Basic dXNlcjpwYXNz\r\nConnection: closed\r\n"
              "Cookie: a=1+2; b=x%3By%3Dz");
}

TEST(ClientRequest, Bodies) {
    RequestSpec spec;
    spec.method = "POST";
    spec.host = "h";
    spec.compression = false;
    spec.body_kind = BodyKind::urlencoded;
    spec.body = "a=1&b=2";
    OutgoingRequest r;
    write_request(spec, r);
    EXPECT_EQ(flatten(r),
              "POST / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive\r\n"
              "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 7\r\n\r\na=1&b=2");
    // A large raw body is sent from the caller's memory, not copied.
    std::string big(100000, 'b');
    spec.body_kind = BodyKind::raw;
    spec.body = big;
    write_request(spec, r);
    ASSERT_EQ(r.segments.size(), 2u);
    EXPECT_EQ(r.segments[1].kind, Segment::Kind::view);
    EXPECT_EQ(r.segments[1].data.data(), big.data());
    EXPECT_EQ(r.content_length, big.size());
    EXPECT_NE(r.head_text().find("Content-Length: 100000"), std::string_view::npos);
}

TEST(ClientRequest, MultipartLengthMatches) {
    std::vector<HeaderField> form = {{"field", "value"}, {"quo\"te", "v2"}};
    std::string big(20000, 'd');
    std::vector<UploadPart> parts(3);
    parts[0].name = "file";
    parts[0].filename = "a.txt";
    parts[0].type = "text/plain";
    parts[0].path = "/tmp/a.txt";
    parts[0].offset = 3;
    parts[0].length = 1234;
    parts[1].name = "mem";
    parts[1].filename = "mem";
    parts[1].type = "application/octet-stream";
    parts[1].content = "small";
    parts[2].name = "big";
    parts[2].filename = "big.bin";
    parts[2].type = "";
    parts[2].content = big;
    RequestSpec spec;
    spec.method = "POST";
    spec.host = "h";
    spec.body_kind = BodyKind::multipart;
    spec.form = form;
    spec.uploads = parts;
    spec.boundary = "BOUNDARY";
    OutgoingRequest r;
    write_request(spec, r);
    std::string all = flatten(r);
    size_t body_at = all.find("\r\n\r\n") + 4;
    EXPECT_EQ(all.size() - body_at, r.content_length);
    EXPECT_NE(r.head_text().find("Content-Type: multipart/form-data; boundary=BOUNDARY"), std::string_view::npos);
    EXPECT_NE(r.head_text().find("Content-Length: " + std::to_string(r.content_length)), std::string_view::npos);
    std::string body = all.substr(body_at);
    EXPECT_EQ(body.rfind("--BOUNDARY\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n", 0), 0u);
    EXPECT_NE(body.find("name=\"quo%22te\""), std::string::npos);
    EXPECT_NE(body.find("name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n" +
                        std::string(1234, '#') + "\r\n"),
              std::string::npos);
    EXPECT_NE(body.find("filename=\"big.bin\"\r\nContent-Type: application/octet-stream"), std::string::npos);
    EXPECT_EQ(body.substr(body.size() - 14), "--BOUNDARY--\r\n");
    int files = 0, views = 0;
    for (const Segment &s : r.segments) {
        files += s.kind == Segment::Kind::file;
        views += s.kind == Segment::Kind::view;
    }
    EXPECT_EQ(files, 1);
    EXPECT_EQ(views, 1);
}

TEST(ClientRequest, Encoders) {
    std::string out;
    url_encode("a b&c=d/é~", out);
    EXPECT_EQ(out, "a+b%26c%3Dd%2F%C3%A9%7E");
    EXPECT_EQ(url_decode("a+b%26%zz%4"), "a b&%zz%4");
    EXPECT_EQ(base64_encode(""), "");
    EXPECT_EQ(base64_encode("f"), "Zg==");
    EXPECT_EQ(base64_encode("fo"), "Zm8=");
    EXPECT_EQ(base64_encode("foo"), "Zm9v");
    std::string b = make_boundary();
    EXPECT_EQ(b.rfind("------SwooleBoundary", 0), 0u);
    EXPECT_EQ(b.size(), 36u);
    EXPECT_NE(b, make_boundary());
}
