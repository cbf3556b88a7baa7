// Cuts a byte stream into packets, as Swoole's framing options describe
// (open_eof_check / open_eof_split / package_eof, open_length_check /
// package_length_type / package_length_offset / package_body_offset /
// package_length_func, package_max_length). Shared by the coroutine socket's
// recv_packet and the server core, so it is pure: no fd, no loop, no PHP.
//
// The framer owns one growing buffer. Bytes come in either by reading straight
// into it (prepare() + commit(), no copy) or by feed(); next() then hands out
// each complete packet as a view into that buffer (no copy per packet). A view
// stays valid until the next prepare(), feed(), clear() or release().
//
// Modes, chosen from the options (length takes precedence, as in Swoole):
//   raw        no framing: next() returns whatever is buffered
//   eof_check  a packet is all buffered data once it ends with package_eof
//              (so it may hold several EOF-terminated messages)
//   eof_split  a packet is each run of bytes up to and including package_eof
//   length     a header holds the body length at package_length_offset; the
//              packet is package_body_offset + that value bytes, header
//              included. package_length_func replaces the header decoding.
// A packet over package_max_length, or that many bytes buffered without a
// complete packet, is SW_ERROR_PACKAGE_LENGTH_TOO_LARGE; a length that cannot
// be a length (negative field, the length function returning < 0, a total
// shorter than the header itself) is SW_ERROR_PACKAGE_LENGTH_NOT_FOUND. An
// error is sticky until clear(): the stream cannot be resynchronized.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "protocol/length_type.h"

namespace swoole::kernel {

// A custom packet length (package_length_func): given the buffered bytes of
// the packet being framed, returns its total length (header included), 0 when
// more bytes are needed to tell, < 0 when the data is not a valid packet.
using PacketLengthFunc = ssize_t (*)(void *ctx, const char *data, size_t length);

struct FramingOptions {
    static constexpr uint32_t kDefaultMaxLength = 2 * 1024 * 1024;  // Swoole's 2 MiB
    static constexpr size_t kMaxEofLength = 8;

    bool open_eof_check = false;
    bool open_eof_split = false;  // implies open_eof_check
    std::string package_eof = "\r\n";  // 1 to 8 bytes
    bool open_length_check = false;  // also implied by package_length_func
    char package_length_type = 'N';
    uint32_t package_length_offset = 0;
    uint32_t package_body_offset = 0;
    PacketLengthFunc package_length_func = nullptr;
    void *package_length_ctx = nullptr;
    uint32_t package_max_length = kDefaultMaxLength;
};

class Framer {
  public:
    enum class Mode { raw, eof_check, eof_split, length };
    enum class Status { packet, need_more, error };

    Framer() = default;  // raw
    // Invalid options leave a raw framer with error() set, whose next() fails
    // until a configure() succeeds (see configure).
    explicit Framer(const FramingOptions &options);
    ~Framer();
    Framer(const Framer &) = delete;
    Framer &operator=(const Framer &) = delete;
    Framer(Framer &&other) noexcept;
    Framer &operator=(Framer &&other) noexcept;

    // Switches the rules, keeping what is buffered. False, with error()
    // SW_ERROR_INVALID_PARAMS and the framer unchanged, when package_eof is
    // empty or longer than 8 bytes with an EOF mode, the length type is not
    // one of the pack() codes above, or package_max_length is 0.
    bool configure(const FramingOptions &options);
    Mode mode() const { return mode_; }
    size_t max_length() const { return max_length_; }

    // ---- input ----
    // At least min_free writable bytes at the end of the buffered data (may
    // move the pending bytes to the front and grow the buffer; invalidates
    // views). Write into it, then commit() the count written.
    std::span<char> prepare(size_t min_free);
    void commit(size_t n);
    void feed(const void *data, size_t length);
    void feed(std::string_view data) { feed(data.data(), data.size()); }

    // ---- output ----
    // The next complete packet, as a view into the buffer.
    Status next(std::string_view &packet);
    // Bytes still missing for the packet being framed, when its length is
    // known already (length mode), else 0: how much a reader should ask for.
    size_t wanted() const;
    // Received bytes not yet handed out as packets.
    std::string_view pending() const { return {buf_ + head_, tail_ - head_}; }
    size_t buffered() const { return tail_ - head_; }
    // Drops the first n pending bytes (a raw read served from the buffer).
    void consume(size_t n);
    // Drops everything pending and the error; keeps the memory.
    void clear();
    // clear(), and frees the memory.
    void release();

    int error() const { return error_; }

  private:
    Status fail(int code);
    Status next_eof_check(std::string_view &packet);
    Status next_eof_split(std::string_view &packet);
    Status next_length(std::string_view &packet);
    Status emit(size_t length, std::string_view &packet);

    Mode mode_ = Mode::raw;
    char eof_[FramingOptions::kMaxEofLength] = {};
    size_t eof_len_ = 0;
    LengthType length_type_;
    size_t length_offset_ = 0;
    size_t body_offset_ = 0;
    PacketLengthFunc length_func_ = nullptr;
    void *length_ctx_ = nullptr;
    size_t max_length_ = FramingOptions::kDefaultMaxLength;

    char *buf_ = nullptr;
    size_t capacity_ = 0;
    size_t head_ = 0;     // first pending byte
    size_t tail_ = 0;     // end of the data
    size_t scan_ = 0;     // eof_split: no EOF starts in [head_, scan_)
    size_t current_ = 0;  // length mode: total of the packet at head_, 0 = unknown
    int error_ = 0;
};

}  // namespace swoole::kernel
