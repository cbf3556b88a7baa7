#include "server/compress.h"

#include <brotli/decode.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <thread>
#include <string>
#include <vector>

using namespace swoole::mod::http;

namespace {

std::string sample_text(size_t size) {
    std::string s;
    std::mt19937 rng(7);
    const char *words[] = {"swoole ", "http ", "server ", "coroutine ", "compress ", "\n", "{\"k\":1} "};
    while (s.size() < size) s += words[rng() % 7];
    s.resize(size);
    return s;
}

std::string random_bytes(size_t size) {
    std::string s(size, '\0');
    std::mt19937 rng(11);
    for (auto &c : s) c = static_cast<char>(rng());
    return s;
}

// Independent decoders, straight from zlib / brotli.
std::string zlib_inflate(const std::string &data, int window_bits) {
    z_stream zs{};
    EXPECT_EQ(inflateInit2(&zs, window_bits), Z_OK);
    std::string out(1 << 20, '\0');
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    std::string result;
    int rc;
    do {
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = static_cast<uInt>(out.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        result.append(out.data(), out.size() - zs.avail_out);
    } while (rc == Z_OK);
    EXPECT_EQ(rc, Z_STREAM_END);
    EXPECT_EQ(zs.avail_in, 0u);
    inflateEnd(&zs);
    return result;
}

std::string brotli_inflate(const std::string &data, size_t expected_size) {
    std::string out(expected_size + 16, '\0');
    size_t size = out.size();
    EXPECT_EQ(BrotliDecoderDecompress(data.size(), reinterpret_cast<const uint8_t *>(data.data()), &size,
                                      reinterpret_cast<uint8_t *>(out.data())),
              BROTLI_DECODER_RESULT_SUCCESS);
    out.resize(size);
    return out;
}

}  // namespace

TEST(HttpCompress, ChooseEncodingPrefersBrThenGzipThenDeflate) {
    EXPECT_EQ(choose_encoding("gzip, deflate, br"), Encoding::br);
    EXPECT_EQ(choose_encoding("deflate, gzip"), Encoding::gzip);
    EXPECT_EQ(choose_encoding("deflate"), Encoding::deflate);
    EXPECT_EQ(choose_encoding("br;q=0.1, gzip;q=1.0"), Encoding::br);  // fixed preference, as 4.8
    EXPECT_EQ(choose_encoding("GZIP"), Encoding::gzip);
    EXPECT_EQ(choose_encoding(" x-gzip ;q=0.5"), Encoding::gzip);
    EXPECT_EQ(choose_encoding(""), Encoding::none);
    EXPECT_EQ(choose_encoding("identity"), Encoding::none);
    EXPECT_EQ(choose_encoding("*"), Encoding::none);
    EXPECT_EQ(choose_encoding("compress, zstd"), Encoding::none);
    EXPECT_EQ(choose_encoding(",,, ,"), Encoding::none);
    EXPECT_EQ(choose_encoding("gzipper, brotli"), Encoding::none);  // tokens, not substrings
}

TEST(HttpCompress, ChooseEncodingSkipsRefusedCodings) {
    EXPECT_EQ(choose_encoding("gzip;q=0, deflate"), Encoding::deflate);
    EXPECT_EQ(choose_encoding("br; q=0.000, gzip"), Encoding::gzip);
    EXPECT_EQ(choose_encoding("br;Q=0.0"), Encoding::none);
    EXPECT_EQ(choose_encoding("br;q=0.001"), Encoding::br);
    EXPECT_EQ(choose_encoding("gzip;q=0.0001"), Encoding::gzip);  // not a valid zero: accepted
    EXPECT_EQ(choose_encoding("gzip;level=0"), Encoding::gzip);
}

TEST(HttpCompress, Names) {
    EXPECT_EQ(encoding_name(Encoding::gzip), "gzip");
    EXPECT_EQ(encoding_name(Encoding::deflate), "deflate");
    EXPECT_EQ(encoding_name(Encoding::br), "br");
    EXPECT_EQ(encoding_name(Encoding::none), "");
    EXPECT_EQ(encoding_from_name(" Deflate "), Encoding::deflate);
    EXPECT_EQ(encoding_from_name("zstd"), Encoding::none);
}

TEST(HttpCompress, CompressibleTypesAndMinLength) {
    EXPECT_TRUE(content_type_compressible("image/png"));  // empty list: everything
    std::vector<std::string> types{"text/html", "application/json"};
    EXPECT_TRUE(content_type_compressible("text/html; charset=utf-8", types));
    EXPECT_TRUE(content_type_compressible(" Application/JSON", types));
    EXPECT_FALSE(content_type_compressible("image/png", types));
    EXPECT_FALSE(content_type_compressible("text/htmlx", types));
    EXPECT_FALSE(content_type_compressible("", types));
    EXPECT_TRUE(should_compress(Encoding::gzip, 20, kDefaultCompressionMinLength, "text/html"));
    EXPECT_FALSE(should_compress(Encoding::gzip, 19, kDefaultCompressionMinLength, "text/html"));
    EXPECT_FALSE(should_compress(Encoding::none, 1000, kDefaultCompressionMinLength, "text/html"));
    EXPECT_FALSE(should_compress(Encoding::br, 1000, 20, "image/png", types));
    EXPECT_TRUE(should_compress(Encoding::br, 0, 0, "text/html", types));
}

TEST(HttpCompress, GzipRoundTripAllLevels) {
    std::string body = sample_text(100000);
    std::string out;
    for (int level : {-5, 0, 1, 5, 9, 10, 255}) {
        ASSERT_TRUE(compress(Encoding::gzip, level, body, out)) << level;
        ASSERT_GE(out.size(), 18u);
        EXPECT_EQ(static_cast<unsigned char>(out[0]), 0x1f);
        EXPECT_EQ(static_cast<unsigned char>(out[1]), 0x8b);
        EXPECT_LT(out.size(), body.size() / 3) << level;
        EXPECT_EQ(zlib_inflate(out, MAX_WBITS + 16), body) << level;
    }
}

TEST(HttpCompress, LevelsChangeOutput) {
    std::string body = sample_text(200000);
    std::string fast, best;
    ASSERT_TRUE(compress(Encoding::gzip, 1, body, fast));
    ASSERT_TRUE(compress(Encoding::gzip, 9, body, best));
    EXPECT_LT(best.size(), fast.size());
    std::string again;
    ASSERT_TRUE(compress(Encoding::gzip, 1, body, again));  // the reused stream went back to level 1
    EXPECT_EQ(again, fast);
}

TEST(HttpCompress, DeflateIsZlibFormat) {
    std::string body = sample_text(5000);
    std::string out;
    ASSERT_TRUE(compress(Encoding::deflate, 6, body, out));
    unsigned b0 = static_cast<unsigned char>(out[0]), b1 = static_cast<unsigned char>(out[1]);
    EXPECT_EQ(b0 & 0x0f, 8u);
    EXPECT_EQ(((b0 << 8) | b1) % 31, 0u);
    EXPECT_EQ(zlib_inflate(out, MAX_WBITS), body);
}

TEST(HttpCompress, BrotliRoundTrip) {
    std::string body = sample_text(40000);
    std::string out;
    for (int level : {-1, 0, 1, 5, 11, 12}) {
        ASSERT_TRUE(compress(Encoding::br, level, body, out)) << level;
        EXPECT_LT(out.size(), body.size() / 3);
        EXPECT_EQ(brotli_inflate(out, body.size()), body);
    }
}

TEST(HttpCompress, EmptyAndIncompressibleBodies) {
    std::string out;
    for (Encoding e : {Encoding::gzip, Encoding::deflate, Encoding::br}) {
        ASSERT_TRUE(compress(e, 1, "", out));
        std::string back;
        ASSERT_TRUE(decompress(e, out, back, 100));
        EXPECT_EQ(back, "");
        std::string noise = random_bytes(70000);
        ASSERT_TRUE(compress(e, 1, noise, out));
        ASSERT_TRUE(decompress(e, out, back, 1 << 20));
        EXPECT_EQ(back, noise);
    }
    EXPECT_FALSE(compress(Encoding::none, 1, "abc", out));
}

TEST(HttpCompress, DecompressRejectsBadInput) {
    std::string body = sample_text(50000), packed, out;
    for (Encoding e : {Encoding::gzip, Encoding::deflate, Encoding::br}) {
        ASSERT_TRUE(compress(e, 5, body, packed));
        EXPECT_TRUE(decompress(e, packed, out, body.size()));
        EXPECT_EQ(out, body);
        EXPECT_FALSE(decompress(e, packed, out, body.size() - 1)) << "over max_output";
        EXPECT_FALSE(decompress(e, std::string_view(packed).substr(0, packed.size() / 2), out, 1 << 20)) << "truncated";
        EXPECT_FALSE(decompress(e, packed + "junk", out, 1 << 20)) << "trailing junk";
        std::string corrupt = packed;
        for (size_t i = 10; i < corrupt.size(); i += 7) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
        EXPECT_FALSE(decompress(e, corrupt, out, 1 << 20));
        EXPECT_FALSE(decompress(e, "", out, 1 << 20));
    }
    EXPECT_FALSE(decompress(Encoding::none, "abc", out, 10));
}

TEST(HttpCompress, DecompressGzipMembersAndRawDeflate) {
    std::string a = sample_text(1000), b = "second member", pa, pb, out;
    ASSERT_TRUE(compress(Encoding::gzip, 1, a, pa));
    ASSERT_TRUE(compress(Encoding::gzip, 1, b, pb));
    ASSERT_TRUE(decompress(Encoding::gzip, pa + pb, out, 1 << 20));
    EXPECT_EQ(out, a + b);

    // Raw deflate (no zlib header), as some servers send for "deflate".
    z_stream zs{};
    ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    std::string raw(deflateBound(&zs, a.size()), '\0');
    zs.next_in = reinterpret_cast<Bytef *>(a.data());
    zs.avail_in = static_cast<uInt>(a.size());
    zs.next_out = reinterpret_cast<Bytef *>(raw.data());
    zs.avail_out = static_cast<uInt>(raw.size());
    ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
    raw.resize(raw.size() - zs.avail_out);
    deflateEnd(&zs);
    ASSERT_TRUE(decompress(Encoding::deflate, raw, out, 1 << 20));
    EXPECT_EQ(out, a);
}

TEST(HttpCompress, ThreadsUseTheirOwnStreams) {
    std::string body = sample_text(30000);
    bool ok[2] = {false, false};
    auto work = [&](int id) {
        std::string out, back;
        bool good = true;
        for (int i = 0; i < 20; i++) {
            Encoding e = (i + id) % 2 ? Encoding::gzip : Encoding::deflate;
            good &= compress(e, 1 + (i % 9), body, out) && decompress(e, out, back, body.size()) && back == body;
        }
        ok[id] = good;
    };
    std::thread a(work, 0), b(work, 1);
    a.join();
    b.join();
    EXPECT_TRUE(ok[0]);
    EXPECT_TRUE(ok[1]);
}
