#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

#include "base/error.h"
#include "protocol/framer.h"
#include "protocol/length_type.h"

using namespace swoole::kernel;
using Status = Framer::Status;

namespace {

// Encodes value as the pack() code would.
std::string pack(char code, uint64_t value) {
    LengthType type = LengthType::from_code(code);
    std::string out(type.size(), '\0');
    bool big = type.order() == LengthType::Order::big ||
               (type.order() == LengthType::Order::host && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__);
    for (size_t i = 0; i < type.size(); ++i) {
        unsigned char byte = static_cast<unsigned char>(value >> (8 * i));
        out[big ? type.size() - 1 - i : i] = static_cast<char>(byte);
    }
    return out;
}

// Everything the framer hands out while the stream comes in the given chunks;
// error is the framer's error once it failed (0 otherwise).
struct Outcome {
    std::vector<std::string> packets;
    int error = 0;
    std::string rest;
};

void drain(Framer &framer, Outcome &out) {
    std::string_view packet;
    Status st;
    while ((st = framer.next(packet)) == Status::packet) out.packets.emplace_back(packet);
    if (st == Status::error) out.error = framer.error();
}

Outcome frame(const FramingOptions &options, const std::string &stream, const std::vector<size_t> &cuts) {
    Framer framer(options);
    Outcome out;
    size_t from = 0;
    std::vector<size_t> ends = cuts;
    ends.push_back(stream.size());
    for (size_t end : ends) {
        if (end <= from) continue;
        // Half the chunks go through prepare()/commit() as a socket reads, half through feed().
        if ((end + from) % 2) {
            framer.feed(stream.data() + from, end - from);
        } else {
            auto room = framer.prepare(end - from);
            std::memcpy(room.data(), stream.data() + from, end - from);
            framer.commit(end - from);
        }
        from = end;
        drain(framer, out);
        if (out.error) break;
    }
    out.rest = std::string(framer.pending());
    return out;
}

// Frames the stream cut once at every byte boundary, cut twice at every pair
// of boundaries, and fed one byte at a time; every way must give `expected`.
void expect_every_split(const FramingOptions &options, const std::string &stream,
                        const std::vector<std::string> &expected, const std::string &rest = "") {
    for (size_t i = 0; i <= stream.size(); ++i) {
        Outcome out = frame(options, stream, {i});
        ASSERT_EQ(out.error, 0) << "cut at " << i;
        ASSERT_EQ(out.packets, expected) << "cut at " << i;
        ASSERT_EQ(out.rest, rest) << "cut at " << i;
        for (size_t j = i; j <= stream.size(); ++j) {
            Outcome two = frame(options, stream, {i, j});
            ASSERT_EQ(two.packets, expected) << "cuts at " << i << ", " << j;
            ASSERT_EQ(two.rest, rest) << "cuts at " << i << ", " << j;
        }
    }
    std::vector<size_t> bytes;
    for (size_t i = 1; i < stream.size(); ++i) bytes.push_back(i);
    Outcome out = frame(options, stream, bytes);
    EXPECT_EQ(out.packets, expected) << "byte by byte";
    EXPECT_EQ(out.rest, rest) << "byte by byte";
}

FramingOptions length_options(char type, uint32_t length_offset, uint32_t body_offset) {
    FramingOptions o;
    o.open_length_check = true;
    o.package_length_type = type;
    o.package_length_offset = length_offset;
    o.package_body_offset = body_offset;
    return o;
}

FramingOptions eof_options(const std::string &eof, bool split) {
    FramingOptions o;
    o.open_eof_check = true;
    o.open_eof_split = split;
    o.package_eof = eof;
    return o;
}

}  // namespace

// ---- the length field ----

TEST(ProtocolLengthType, EveryPackCodeOfTheSpecAndNothingElse) {
    struct Expect {
        char code;
        size_t size;
        bool is_signed;
    };
    for (Expect e : {Expect{'c', 1, true}, {'C', 1, false}, {'s', 2, true}, {'S', 2, false}, {'n', 2, false},
                     {'v', 2, false}, {'l', 4, true}, {'L', 4, false}, {'N', 4, false}, {'V', 4, false},
                     {'q', 8, true}, {'Q', 8, false}, {'J', 8, false}, {'P', 8, false}}) {
        LengthType t = LengthType::from_code(e.code);
        EXPECT_TRUE(t.valid()) << e.code;
        EXPECT_EQ(t.size(), e.size) << e.code;
        EXPECT_EQ(t.is_signed(), e.is_signed) << e.code;
    }
    for (char bad : {'x', 'a', 'A', 'H', 'f', 'd', 'i', 'I', '\0', 'Z'}) {
        EXPECT_FALSE(LengthType::from_code(bad).valid()) << bad;
    }
}

TEST(ProtocolLengthType, ByteOrdersAndSigns) {
    const unsigned char be[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
    uint64_t v = 0;
    ASSERT_TRUE(LengthType::from_code('n').read(be, v));
    EXPECT_EQ(v, 0x0102u);
    ASSERT_TRUE(LengthType::from_code('v').read(be, v));
    EXPECT_EQ(v, 0x0201u);
    ASSERT_TRUE(LengthType::from_code('N').read(be, v));
    EXPECT_EQ(v, 0x01020304u);
    ASSERT_TRUE(LengthType::from_code('V').read(be, v));
    EXPECT_EQ(v, 0x04030201u);
    ASSERT_TRUE(LengthType::from_code('J').read(be, v));
    EXPECT_EQ(v, 0x0102030405060708ull);
    ASSERT_TRUE(LengthType::from_code('P').read(be, v));
    EXPECT_EQ(v, 0x0807060504030201ull);
    uint32_t host = 0xA1B2C3;
    ASSERT_TRUE(LengthType::from_code('L').read(&host, v));
    EXPECT_EQ(v, 0xA1B2C3u);
    // Unsigned types read the top bit as a value, signed ones as a sign.
    const unsigned char top[] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    ASSERT_TRUE(LengthType::from_code('C').read(top, v));
    EXPECT_EQ(v, 255u);
    ASSERT_TRUE(LengthType::from_code('N').read(top, v));
    EXPECT_EQ(v, 0xffffffffu);
    for (char s : {'c', 's', 'l', 'q'}) EXPECT_FALSE(LengthType::from_code(s).read(top, v)) << s;
    int16_t positive = 300;
    ASSERT_TRUE(LengthType::from_code('s').read(&positive, v));
    EXPECT_EQ(v, 300u);
}

// ---- length framing ----

TEST(FramerLength, EveryPackTypeAtEveryByteBoundary) {
    for (char code : {'c', 'C', 's', 'S', 'n', 'N', 'v', 'V', 'l', 'L', 'q', 'Q', 'J', 'P'}) {
        size_t size = LengthType::from_code(code).size();
        FramingOptions o = length_options(code, 0, uint32_t(size));
        std::vector<std::string> packets;
        std::string stream;
        for (std::string body : {"hello", "", "x", "a longer body, with \x00 bytes\x01\x02"}) {
            std::string packet = pack(code, body.size()) + body;
            packets.push_back(packet);
            stream += packet;
        }
        SCOPED_TRACE(std::string("type ") + code);
        expect_every_split(o, stream, packets);
    }
}

TEST(FramerLength, LengthOffsetAndBodyOffset) {
    // A 10-byte header: 2 bytes magic, the body length as 'n' at offset 2, 6 more bytes.
    FramingOptions o = length_options('n', 2, 10);
    auto make = [](const std::string &body) { return "MG" + pack('n', body.size()) + "hdrxyz" + body; };
    std::vector<std::string> packets = {make("first"), make("2nd body"), make("")};
    std::string stream = packets[0] + packets[1] + packets[2] + make("incomplete").substr(0, 13);
    expect_every_split(o, stream, packets, make("incomplete").substr(0, 13));
}

TEST(FramerLength, BodyOffsetZeroCountsTheHeaderInTheLength) {
    FramingOptions o = length_options('N', 0, 0);
    std::string p1 = pack('N', 4 + 3) + "abc";
    std::string p2 = pack('N', 4) + "";
    expect_every_split(o, p1 + p2, {p1, p2});
    // A total shorter than the header itself cannot be framed.
    Framer f(o);
    f.feed(pack('N', 2) + "zz");
    std::string_view packet;
    EXPECT_EQ(f.next(packet), Status::error);
    EXPECT_EQ(f.error(), SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);
}

TEST(FramerLength, OverMaxLengthFailsAsSoonAsTheHeaderIsIn) {
    FramingOptions o = length_options('N', 0, 4);
    o.package_max_length = 1024;
    Framer f(o);
    std::string_view packet;
    f.feed(pack('N', 1020) + std::string(1020, 'a'));  // 1024 in all: fits
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet.size(), 1024u);
    f.feed(pack('N', 1021).substr(0, 3));
    EXPECT_EQ(f.next(packet), Status::need_more);
    f.feed(pack('N', 1021).substr(3));  // 1025: one byte too many, no body needed to tell
    EXPECT_EQ(f.next(packet), Status::error);
    EXPECT_EQ(f.error(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
    EXPECT_EQ(last_error(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
    // Sticky until clear().
    f.feed(pack('N', 1) + "a");
    EXPECT_EQ(f.next(packet), Status::error);
    f.clear();
    f.feed(pack('N', 1) + "a");
    EXPECT_EQ(f.next(packet), Status::packet);
    // A 64-bit length far past any limit.
    Framer huge(length_options('J', 0, 8));
    huge.feed(pack('J', ~0ull));
    EXPECT_EQ(huge.next(packet), Status::error);
    EXPECT_EQ(huge.error(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
}

TEST(FramerLength, NegativeSignedLengthIsAnError) {
    Framer f(length_options('l', 0, 4));
    int32_t minus = -5;
    f.feed(&minus, sizeof minus);
    std::string_view packet;
    EXPECT_EQ(f.next(packet), Status::error);
    EXPECT_EQ(f.error(), SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);
}

TEST(FramerLength, WantedTellsTheMissingBytes) {
    Framer f(length_options('N', 0, 4));
    std::string_view packet;
    f.feed(pack('N', 100));
    EXPECT_EQ(f.next(packet), Status::need_more);
    EXPECT_EQ(f.wanted(), 100u);
    f.feed(std::string(40, 'z'));
    EXPECT_EQ(f.next(packet), Status::need_more);
    EXPECT_EQ(f.wanted(), 60u);
}

namespace {
// A custom length: a decimal length up to ':', then that many bytes ("5:hello").
ssize_t decimal_length(void *ctx, const char *data, size_t length) {
    ++*static_cast<int *>(ctx);
    for (size_t i = 0; i < length; ++i) {
        if (data[i] == ':') {
            if (i == 0) return -1;
            return ssize_t(i + 1 + std::stoul(std::string(data, i)));
        }
        if (data[i] < '0' || data[i] > '9') return -1;
    }
    return 0;
}
}  // namespace

TEST(FramerLength, CustomLengthFunctionAtEveryByteBoundary) {
    int calls = 0;
    FramingOptions o;
    o.package_length_func = decimal_length;  // implies length framing
    o.package_length_ctx = &calls;
    expect_every_split(o, "5:hello0:12:twelve bytes3:ab", {"5:hello", "0:", "12:twelve bytes"}, "3:ab");
    EXPECT_GT(calls, 0);

    Framer bad(o);
    bad.feed("x:");
    std::string_view packet;
    EXPECT_EQ(bad.next(packet), Status::error);
    EXPECT_EQ(bad.error(), SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);

    o.package_max_length = 16;
    Framer endless(o);
    endless.feed("1234567890123456");  // never says how long: at the limit, too large
    EXPECT_EQ(endless.next(packet), Status::error);
    EXPECT_EQ(endless.error(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
}

// ---- EOF framing ----

TEST(FramerEof, SplitAtEveryByteBoundary) {
    FramingOptions o = eof_options("\r\n", true);
    expect_every_split(o, "GET\r\n\r\nline two\r\nx\r\nrest\r", {"GET\r\n", "\r\n", "line two\r\n", "x\r\n"}, "rest\r");
}

TEST(FramerEof, SplitOnALongEofWithNearMisses) {
    FramingOptions o = eof_options("<<END>>", true);
    std::vector<std::string> packets = {"a<<END>>", "<<EN<<END<<END>>", "<<END>>", "<END>><<END>>"};
    std::string stream;
    for (auto &p : packets) stream += p;
    expect_every_split(o, stream + "<<END", packets, "<<END");
}

TEST(FramerEof, CheckGivesEverythingOnceItEndsWithTheEof) {
    FramingOptions o = eof_options("\r\n", false);
    expect_every_split(o, "one message\r\n", {"one message\r\n"});
    // Several messages: however the stream is cut, the packets end with the
    // EOF and together are the stream.
    std::string stream = "a\r\nbb\r\nccc\r\n";
    for (size_t i = 0; i <= stream.size(); ++i) {
        Outcome out = frame(o, stream, {i});
        std::string joined;
        for (auto &p : out.packets) {
            EXPECT_EQ(p.substr(p.size() - 2), "\r\n");
            joined += p;
        }
        EXPECT_EQ(joined, stream) << "cut at " << i;
    }
    // One write of two messages is one packet.
    Framer f(o);
    f.feed(stream);
    std::string_view packet;
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, stream);
}

TEST(FramerEof, NoEofWithinMaxLengthIsTooLarge) {
    for (bool split : {false, true}) {
        FramingOptions o = eof_options("\n", split);
        o.package_max_length = 8;
        Framer f(o);
        std::string_view packet;
        f.feed("1234567");
        EXPECT_EQ(f.next(packet), Status::need_more);
        f.feed("8");
        EXPECT_EQ(f.next(packet), Status::error) << split;
        EXPECT_EQ(f.error(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);

        // Exactly at the limit with the EOF: fine.
        Framer g(o);
        g.feed("1234567\n");
        ASSERT_EQ(g.next(packet), Status::packet);
        EXPECT_EQ(packet, "1234567\n");
    }
    // Check mode with more than the limit buffered: cut at the last EOF that fits.
    FramingOptions o = eof_options("\n", false);
    o.package_max_length = 8;
    Framer f(o);
    std::string_view packet;
    f.feed("ab\ncd\nefgh\n");
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, "ab\ncd\n");
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, "efgh\n");
}

// ---- the buffer ----

TEST(FramerBuffer, PacketsAreViewsIntoOneBufferNotCopies) {
    Framer f(eof_options("|", true));
    f.feed("one|two|three|");
    std::string_view a, b, c;
    ASSERT_EQ(f.next(a), Status::packet);
    ASSERT_EQ(f.next(b), Status::packet);
    ASSERT_EQ(f.next(c), Status::packet);
    EXPECT_EQ(b.data(), a.data() + a.size());
    EXPECT_EQ(c.data(), b.data() + b.size());
    EXPECT_EQ(c, "three|");
    EXPECT_EQ(f.buffered(), 0u);
}

TEST(FramerBuffer, RawModeHandsOutWhatIsBuffered) {
    Framer f;
    EXPECT_EQ(f.mode(), Framer::Mode::raw);
    std::string_view packet;
    EXPECT_EQ(f.next(packet), Status::need_more);
    f.feed("abc");
    f.feed("def");
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, "abcdef");
    EXPECT_EQ(f.next(packet), Status::need_more);
}

TEST(FramerBuffer, ReconfigureKeepsPendingBytesAndConsumeDropsThem) {
    Framer f;
    f.feed("abc\ndef\n");
    f.consume(1);
    EXPECT_EQ(f.pending(), "bc\ndef\n");
    ASSERT_TRUE(f.configure(eof_options("\n", true)));
    std::string_view packet;
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, "bc\n");
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet, "def\n");
    f.release();
    EXPECT_EQ(f.buffered(), 0u);
}

TEST(FramerBuffer, LargePacketGrowsTheBufferOnceAndLeavesTheNextIntact) {
    Framer f(length_options('N', 0, 4));
    std::string body(300000, 'q');
    std::string stream = pack('N', body.size()) + body + pack('N', 2) + "ok";
    for (size_t at = 0; at < stream.size();) {
        size_t n = std::min<size_t>(65536, stream.size() - at);
        auto room = f.prepare(std::max<size_t>(n, f.wanted()));
        ASSERT_GE(room.size(), n);
        std::memcpy(room.data(), stream.data() + at, n);
        f.commit(n);
        at += n;
    }
    std::string_view packet;
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet.size(), body.size() + 4);
    ASSERT_EQ(f.next(packet), Status::packet);
    EXPECT_EQ(packet.substr(4), "ok");
}

TEST(FramerOptions, InvalidOptionsAreRefused) {
    Framer f;
    FramingOptions empty_eof = eof_options("", true);
    EXPECT_FALSE(f.configure(empty_eof));
    EXPECT_EQ(f.error(), SW_ERROR_INVALID_PARAMS);
    EXPECT_FALSE(f.configure(eof_options("123456789", false)));
    EXPECT_TRUE(f.configure(eof_options("12345678", false)));
    EXPECT_EQ(f.mode(), Framer::Mode::eof_check);
    EXPECT_EQ(f.error(), 0);
    EXPECT_FALSE(f.configure(length_options('x', 0, 4)));
    EXPECT_EQ(f.mode(), Framer::Mode::eof_check);  // unchanged
    FramingOptions zero = length_options('N', 0, 4);
    zero.package_max_length = 0;
    EXPECT_FALSE(f.configure(zero));
    // Length takes precedence over EOF when both are set.
    FramingOptions both = length_options('N', 0, 4);
    both.open_eof_check = true;
    EXPECT_TRUE(f.configure(both));
    EXPECT_EQ(f.mode(), Framer::Mode::length);
}
