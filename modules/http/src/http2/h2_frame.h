// The reactor's view of an HTTP/2 byte stream (RFC 9113 §3.4, §4.1): the
// client connection preface and the boundaries of frames (a 9-byte header:
// 24-bit payload length, type, flags, 31-bit stream id). The reactor only
// cuts whole frames out of the input and refuses one announcing more than a
// limit; everything else (HPACK, stream states, flow control, SETTINGS) is
// checked by the session in the worker that owns the connection.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace swoole::mod::http::h2 {

inline constexpr std::string_view kClientPreface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";
inline constexpr size_t kFrameHeaderLength = 9;
inline constexpr uint32_t kMaxFrameLength = (1u << 24) - 1;  // what 24 bits can announce

enum FrameType : uint8_t {
    kData = 0,
    kHeaders = 1,
    kPriority = 2,
    kRstStream = 3,
    kSettings = 4,
    kPushPromise = 5,
    kPing = 6,
    kGoaway = 7,
    kWindowUpdate = 8,
    kContinuation = 9,
};

enum ErrorCode : uint32_t {
    kNoError = 0,
    kProtocolError = 1,
    kInternalError = 2,
    kFlowControlError = 3,
    kFrameSizeError = 6,
    kCompressionError = 9,
};

enum class PrefaceMatch { partial, full, mismatch };

// Whether bytes start with the client preface: partial while they are a
// proper prefix of it.
PrefaceMatch match_preface(std::string_view bytes);

struct FrameHeader {
    uint32_t length = 0;
    uint8_t type = 0;
    uint8_t flags = 0;
    uint32_t stream_id = 0;
};

// p: at least kFrameHeaderLength bytes.
FrameHeader read_frame_header(const char *p);

struct SplitResult {
    size_t length = 0;               // bytes of whole frames at the front
    size_t frames = 0;               // how many
    bool too_large = false;          // the frame after them announces more than the limit
    uint32_t last_stream_id = 0;     // highest stream id of a HEADERS frame among them
    bool first_is_settings = false;  // the first whole header (even of an incomplete frame) is SETTINGS
    bool has_header = false;         // at least one frame header is there
};

// Cuts the whole frames at the front of bytes; a frame whose payload is
// longer than max_payload stops the cut (too_large).
SplitResult split_frames(std::string_view bytes, size_t max_payload);

// A GOAWAY frame (stream 0) naming the last stream processed and why.
std::array<char, kFrameHeaderLength + 8> goaway_frame(uint32_t last_stream_id, uint32_t error_code);

}  // namespace swoole::mod::http::h2
