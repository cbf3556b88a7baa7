// The PHP-free helpers of Coroutine\Http2\Client: :authority, Set-Cookie
// parsing, cookie encoding, and the shared body decoder (client/body_decoder.h)
// fed the way DATA frames arrive.
#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

#include "client/body_decoder.h"
#include "http2_client/h2_message.h"

using namespace swoole::mod::http::h2c;
using swoole::mod::http::Encoding;
using swoole::mod::http::encoding_from_name;
using swoole::mod::http::client::BodyDecoder;
using swoole::mod::http::client::StringSink;

namespace {

// Compresses with the given zlib window bits (31 gzip, 15 zlib, -15 raw).
std::string compress(const std::string &in, int window_bits) {
    z_stream z{};
    EXPECT_EQ(deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string out(deflateBound(&z, in.size()) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

std::string sample_body() {
    std::string s;
    for (int i = 0; i < 5000; i++) s += "line " + std::to_string(i * 7919 % 1000) + " of the body\n";
    return s;
}

// Feeds `wire` in pieces of `step` bytes.
std::string decode(Encoding kind, const std::string &wire, size_t step, bool *ok) {
    BodyDecoder d;
    d.start(kind);
    std::string out;
    StringSink sink(out);
    *ok = true;
    for (size_t i = 0; i < wire.size() && *ok; i += step) *ok = d.write(std::string_view(wire).substr(i, step), sink);
    if (*ok) *ok = d.finish();
    return out;
}

}  // namespace

TEST(Http2ClientMessage, AuthorityLeavesOutTheDefaultPort) {
    EXPECT_EQ(default_authority("example.com", 80, false), "example.com");
    EXPECT_EQ(default_authority("example.com", 443, true), "example.com");
    EXPECT_EQ(default_authority("127.0.0.1", 443, false), "127.0.0.1:443");
    EXPECT_EQ(default_authority("127.0.0.1", 8080, true), "127.0.0.1:8080");
}

TEST(Http2ClientMessage, SetCookieNameAndDecodedValue) {
    std::string name, value;
    ASSERT_TRUE(parse_set_cookie("sid=a%20b%3Dc; Path=/; HttpOnly", name, value));
    EXPECT_EQ(name, "sid");
    EXPECT_EQ(value, "a b=c");
    ASSERT_TRUE(parse_set_cookie(" empty= ;Max-Age=0", name, value));
    EXPECT_EQ(name, "empty");
    EXPECT_EQ(value, "");
    ASSERT_TRUE(parse_set_cookie("t=%zz%4", name, value));  // bad escapes stay as they are
    EXPECT_EQ(value, "%zz%4");
    EXPECT_FALSE(parse_set_cookie("novalue; Path=/", name, value));
    EXPECT_FALSE(parse_set_cookie("=v", name, value));
}

TEST(Http2ClientMessage, CookieValuesAreUrlEncoded) {
    std::string out = "k=";
    url_encode_append(out, "a b;c=d/é~");
    EXPECT_EQ(out, "k=a%20b%3Bc%3Dd%2F%C3%A9~");
}

TEST(Http2ClientMessage, ContentEncodingKinds) {
    EXPECT_EQ(encoding_from_name("gzip"), Encoding::gzip);
    EXPECT_EQ(encoding_from_name(" GZIP "), Encoding::gzip);
    EXPECT_EQ(encoding_from_name("x-gzip"), Encoding::gzip);
    EXPECT_EQ(encoding_from_name("Deflate"), Encoding::deflate);
    EXPECT_EQ(encoding_from_name("br"), Encoding::br);
    EXPECT_EQ(encoding_from_name("identity"), Encoding::none);
}

TEST(Http2ClientMessage, GzipBodyInAnyChunking) {
    std::string body = sample_body();
    std::string wire = compress(body, 31);
    for (size_t step : {size_t(1), size_t(7), size_t(1000), wire.size()}) {
        bool ok = false;
        EXPECT_EQ(decode(Encoding::gzip, wire, step, &ok), body) << "step " << step;
        EXPECT_TRUE(ok);
    }
}

TEST(Http2ClientMessage, DeflateZlibAndRawBodies) {
    std::string body = sample_body();
    for (int bits : {15, -15}) {
        for (size_t step : {size_t(1), size_t(333), size_t(1) << 20}) {
            bool ok = false;
            EXPECT_EQ(decode(Encoding::deflate, compress(body, bits), step, &ok), body) << bits << " " << step;
            EXPECT_TRUE(ok);
        }
    }
}

TEST(Http2ClientMessage, CorruptBodyFails) {
    std::string wire = compress(sample_body(), 31);
    wire[wire.size() / 2] ^= 0x55;
    wire[wire.size() / 2 + 1] ^= 0x2a;
    bool ok = true;
    decode(Encoding::gzip, wire, 64, &ok);
    EXPECT_FALSE(ok);
    // A body that is not gzip at all from its first byte is passed through
    // unchanged (a server that mislabels a plain body), as the HTTP/1 client does.
    BodyDecoder d;
    d.start(Encoding::gzip);
    std::string out;
    StringSink sink(out);
    EXPECT_TRUE(d.write("this is not gzip at all", sink));
    EXPECT_EQ(out, "this is not gzip at all");
}

TEST(Http2ClientMessage, BytesAfterTheEndAreRefused) {
    std::string wire = compress("short", 31);
    bool ok = true;
    EXPECT_EQ(decode(Encoding::gzip, wire + "trailing", wire.size() + 8, &ok), "short");
    EXPECT_FALSE(ok);
    BodyDecoder d;
    d.start(Encoding::gzip);
    std::string out;
    StringSink sink(out);
    EXPECT_TRUE(d.write(wire, sink));
    EXPECT_EQ(out, "short");
    EXPECT_TRUE(d.write("", sink));
    EXPECT_FALSE(d.write("more", sink));
}
