// The reactor's HTTP/2 framing: the preface, whole frames cut at every
// possible split of the input, the size limit, GOAWAY bytes.
#include <gtest/gtest.h>

#include <string>

#include "http2/h2_frame.h"

using namespace swoole::mod::http::h2;

namespace {

std::string frame(uint32_t length, uint8_t type, uint8_t flags, uint32_t stream, char fill = 'x') {
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
    f.append(length, fill);
    return f;
}

}  // namespace

TEST(Http2Frame, Preface) {
    EXPECT_EQ(match_preface(""), PrefaceMatch::partial);
    EXPECT_EQ(match_preface("PRI * HTTP/2.0\r\n"), PrefaceMatch::partial);
    EXPECT_EQ(match_preface(kClientPreface), PrefaceMatch::full);
    EXPECT_EQ(match_preface(std::string(kClientPreface) + "more"), PrefaceMatch::full);
    EXPECT_EQ(match_preface("GET / HTTP/1.1\r\n"), PrefaceMatch::mismatch);
    EXPECT_EQ(match_preface("PRI * HTTP/2.1"), PrefaceMatch::mismatch);
    EXPECT_EQ(match_preface("P"), PrefaceMatch::partial);
    EXPECT_EQ(match_preface("X"), PrefaceMatch::mismatch);
}

TEST(Http2Frame, HeaderFields) {
    std::string f = frame(0x010203, kHeaders, 0x05, 0x80000007u, 'a');
    FrameHeader h = read_frame_header(f.data());
    EXPECT_EQ(h.length, 0x010203u);
    EXPECT_EQ(h.type, kHeaders);
    EXPECT_EQ(h.flags, 0x05);
    EXPECT_EQ(h.stream_id, 7u);  // the reserved bit is dropped
}

// Every split point of a run of frames: the cut is always the whole frames
// before it, nothing more, and nothing is lost when the rest comes.
TEST(Http2Frame, SplitAtEveryByte) {
    std::string run = frame(6, kSettings, 0, 0) + frame(0, kSettings, 1, 0) + frame(13, kHeaders, 5, 1) +
                      frame(4, kWindowUpdate, 0, 0) + frame(100, kData, 1, 3) + frame(13, kHeaders, 4, 5);
    std::vector<size_t> ends;
    size_t at = 0;
    while (at < run.size()) {
        at += kFrameHeaderLength + read_frame_header(run.data() + at).length;
        ends.push_back(at);
    }
    for (size_t split = 0; split <= run.size(); ++split) {
        std::string first = run.substr(0, split);  // a fresh copy: no reading past it
        SplitResult a = split_frames(first, 16384);
        size_t expect = 0, frames = 0;
        for (size_t e : ends) {
            if (e <= split) {
                expect = e;
                ++frames;
            }
        }
        ASSERT_EQ(a.length, expect) << "split " << split;
        ASSERT_EQ(a.frames, frames) << "split " << split;
        EXPECT_FALSE(a.too_large);
        EXPECT_EQ(a.has_header, split >= kFrameHeaderLength);
        if (a.has_header) {
            EXPECT_TRUE(a.first_is_settings);
        }
        // the rest, with what was not cut, completes the run
        std::string rest = run.substr(a.length);
        SplitResult b = split_frames(rest, 16384);
        ASSERT_EQ(a.length + b.length, run.size()) << "split " << split;
        ASSERT_EQ(a.frames + b.frames, ends.size());
        EXPECT_EQ(std::max(a.last_stream_id, b.last_stream_id), 5u);
    }
}

TEST(Http2Frame, TooLarge) {
    std::string run = frame(10, kSettings, 0, 0) + frame(20000, kData, 0, 1);
    // refused as soon as its header is there, before any of its payload
    for (size_t n = 0; n <= run.size(); ++n) {
        std::string part = run.substr(0, n);
        SplitResult r = split_frames(part, 16384);
        EXPECT_EQ(r.length, n >= 19 ? 19u : 0u) << n;
        EXPECT_EQ(r.too_large, n >= 19 + kFrameHeaderLength) << n;
    }
    SplitResult ok = split_frames(run, 20000);
    EXPECT_FALSE(ok.too_large);
    EXPECT_EQ(ok.length, run.size());
}

TEST(Http2Frame, FirstFrameType) {
    std::string run = frame(4, kHeaders, 0, 1);
    SplitResult r = split_frames(run.substr(0, kFrameHeaderLength), 16384);
    EXPECT_TRUE(r.has_header);
    EXPECT_FALSE(r.first_is_settings);
    EXPECT_EQ(r.length, 0u);
}

TEST(Http2Frame, Goaway) {
    auto f = goaway_frame(0x80000009u, kFrameSizeError);
    std::string bytes(f.data(), f.size());
    EXPECT_EQ(bytes, std::string("\x00\x00\x08\x07\x00\x00\x00\x00\x00"
                                 "\x00\x00\x00\x09"
                                 "\x00\x00\x00\x06",
                                 17));
}
