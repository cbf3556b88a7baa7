// The compact form of one parsed request, as the "http" protocol hands it to
// the worker (conn_deliver): a fixed header, the header spans, the raw head
// (request line + header lines) and the decoded body. The worker reads it
// without parsing the HTTP text again: every name/value is an offset into the
// head. Plain bytes (no pointers), so it crosses the master->worker pipe as is.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace swoole::mod::http {

inline constexpr uint32_t kWireMagic = 0x31505448;  // "HTP1"

enum WireFlags : uint8_t {
    kWireKeepAlive = 1,
    kWireChunked = 2,  // the body came chunked (decoded here)
    kWireUpgrade = 4,
};

struct WireFixed {
    uint32_t magic;
    uint32_t header_count;
    uint32_t head_length;  // request line + headers + the blank line
    uint32_t body_length;
    uint32_t url_offset;  // into the head
    uint32_t url_length;
    uint8_t method;  // llhttp_method_t
    uint8_t version_major;
    uint8_t version_minor;
    uint8_t flags;  // WireFlags
};

struct WireHeader {
    uint32_t name_offset, name_length;  // into the head
    uint32_t value_offset, value_length;
};

// A read-only view over a delivered request; valid while the bytes are.
class WireView {
  public:
    // False when the bytes are not a complete wire request.
    bool parse(std::string_view bytes) {
        if (bytes.size() < sizeof(WireFixed)) return false;
        std::memcpy(&fixed_, bytes.data(), sizeof fixed_);
        if (fixed_.magic != kWireMagic) return false;
        size_t spans = sizeof(WireFixed) + size_t(fixed_.header_count) * sizeof(WireHeader);
        if (bytes.size() != spans + fixed_.head_length + fixed_.body_length) return false;
        spans_ = bytes.data() + sizeof(WireFixed);
        head_ = bytes.substr(spans, fixed_.head_length);
        body_ = bytes.substr(spans + fixed_.head_length, fixed_.body_length);
        if (size_t(fixed_.url_offset) + fixed_.url_length > head_.size()) return false;
        for (uint32_t i = 0; i < fixed_.header_count; ++i) {
            WireHeader h = header(i);
            if (size_t(h.name_offset) + h.name_length > head_.size() ||
                size_t(h.value_offset) + h.value_length > head_.size())
                return false;
        }
        return true;
    }
    const WireFixed &fixed() const { return fixed_; }
    uint32_t header_count() const { return fixed_.header_count; }
    WireHeader header(uint32_t i) const {
        WireHeader h;
        std::memcpy(&h, spans_ + size_t(i) * sizeof(WireHeader), sizeof h);
        return h;
    }
    std::string_view name(const WireHeader &h) const { return head_.substr(h.name_offset, h.name_length); }
    std::string_view value(const WireHeader &h) const { return head_.substr(h.value_offset, h.value_length); }
    std::string_view url() const { return head_.substr(fixed_.url_offset, fixed_.url_length); }
    std::string_view head() const { return head_; }
    std::string_view body() const { return body_; }
    bool keep_alive() const { return fixed_.flags & kWireKeepAlive; }

  private:
    WireFixed fixed_{};
    const char *spans_ = nullptr;
    std::string_view head_, body_;
};

}  // namespace swoole::mod::http
