#include "http2/h2_frame.h"

#include <algorithm>
#include <cstring>

namespace swoole::mod::http::h2 {

namespace {

uint32_t read_u24(const unsigned char *p) { return (uint32_t(p[0]) << 16) | (uint32_t(p[1]) << 8) | p[2]; }
uint32_t read_u32(const unsigned char *p) {
    return (uint32_t(p[0]) << 24) | (uint32_t(p[1]) << 16) | (uint32_t(p[2]) << 8) | p[3];
}
void write_u32(char *p, uint32_t v) {
    p[0] = static_cast<char>(v >> 24);
    p[1] = static_cast<char>(v >> 16);
    p[2] = static_cast<char>(v >> 8);
    p[3] = static_cast<char>(v);
}

}  // namespace

PrefaceMatch match_preface(std::string_view bytes) {
    size_t n = std::min(bytes.size(), kClientPreface.size());
    if (std::memcmp(bytes.data(), kClientPreface.data(), n) != 0) return PrefaceMatch::mismatch;
    return n == kClientPreface.size() ? PrefaceMatch::full : PrefaceMatch::partial;
}

FrameHeader read_frame_header(const char *p) {
    auto *u = reinterpret_cast<const unsigned char *>(p);
    FrameHeader h;
    h.length = read_u24(u);
    h.type = u[3];
    h.flags = u[4];
    h.stream_id = read_u32(u + 5) & 0x7fffffffu;
    return h;
}

SplitResult split_frames(std::string_view bytes, size_t max_payload) {
    SplitResult r;
    size_t at = 0;
    while (bytes.size() - at >= kFrameHeaderLength) {
        FrameHeader h = read_frame_header(bytes.data() + at);
        if (!r.has_header) {
            r.has_header = true;
            r.first_is_settings = h.type == kSettings;
        }
        if (h.length > max_payload) {
            r.too_large = true;
            break;
        }
        size_t whole = kFrameHeaderLength + h.length;
        if (bytes.size() - at < whole) break;
        if (h.type == kHeaders) r.last_stream_id = std::max(r.last_stream_id, h.stream_id);
        at += whole;
        ++r.frames;
    }
    r.length = at;
    return r;
}

std::array<char, kFrameHeaderLength + 8> goaway_frame(uint32_t last_stream_id, uint32_t error_code) {
    std::array<char, kFrameHeaderLength + 8> f{};
    f[2] = 8;  // payload length
    f[3] = static_cast<char>(kGoaway);
    write_u32(f.data() + kFrameHeaderLength, last_stream_id & 0x7fffffffu);
    write_u32(f.data() + kFrameHeaderLength + 4, error_code);
    return f;
}

}  // namespace swoole::mod::http::h2
