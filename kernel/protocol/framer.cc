#include "protocol/framer.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <utility>

#include "base/error.h"

namespace swoole::kernel {

namespace {
constexpr size_t kMinCapacity = 8192;
}

Framer::Framer(const FramingOptions &options) { configure(options); }

Framer::~Framer() { std::free(buf_); }

Framer::Framer(Framer &&other) noexcept { *this = std::move(other); }

Framer &Framer::operator=(Framer &&other) noexcept {
    if (this == &other) return *this;
    std::free(buf_);
    mode_ = other.mode_;
    std::memcpy(eof_, other.eof_, sizeof eof_);
    eof_len_ = other.eof_len_;
    length_type_ = other.length_type_;
    length_offset_ = other.length_offset_;
    body_offset_ = other.body_offset_;
    length_func_ = other.length_func_;
    length_ctx_ = other.length_ctx_;
    max_length_ = other.max_length_;
    buf_ = std::exchange(other.buf_, nullptr);
    capacity_ = std::exchange(other.capacity_, 0);
    head_ = std::exchange(other.head_, 0);
    tail_ = std::exchange(other.tail_, 0);
    scan_ = std::exchange(other.scan_, 0);
    current_ = std::exchange(other.current_, 0);
    error_ = std::exchange(other.error_, 0);
    return *this;
}

bool Framer::configure(const FramingOptions &o) {
    Mode mode = Mode::raw;
    if (o.open_length_check || o.package_length_func) {
        mode = Mode::length;
    } else if (o.open_eof_split) {
        mode = Mode::eof_split;
    } else if (o.open_eof_check) {
        mode = Mode::eof_check;
    }
    LengthType type = LengthType::from_code(o.package_length_type);
    bool eof_mode = mode == Mode::eof_check || mode == Mode::eof_split;
    bool bad = o.package_max_length == 0 ||
               (eof_mode && (o.package_eof.empty() || o.package_eof.size() > FramingOptions::kMaxEofLength)) ||
               (mode == Mode::length && !o.package_length_func && !type.valid());
    if (bad) {
        error_ = SW_ERROR_INVALID_PARAMS;
        set_last_error(error_);
        return false;
    }
    mode_ = mode;
    eof_len_ = std::min(o.package_eof.size(), FramingOptions::kMaxEofLength);
    std::memcpy(eof_, o.package_eof.data(), eof_len_);
    length_type_ = type;
    length_offset_ = o.package_length_offset;
    body_offset_ = o.package_body_offset;
    length_func_ = o.package_length_func;
    length_ctx_ = o.package_length_ctx;
    max_length_ = o.package_max_length;
    // The rules changed: frame what is pending afresh.
    scan_ = head_;
    current_ = 0;
    if (error_ == SW_ERROR_INVALID_PARAMS) error_ = 0;
    return true;
}

// ---- input ----

std::span<char> Framer::prepare(size_t min_free) {
    if (head_ > 0) {
        size_t pending = tail_ - head_;
        if (pending) std::memmove(buf_, buf_ + head_, pending);
        scan_ = scan_ > head_ ? scan_ - head_ : 0;
        tail_ = pending;
        head_ = 0;
    }
    if (capacity_ - tail_ < min_free) {
        size_t want = std::max({capacity_ * 2, tail_ + min_free, kMinCapacity});
        auto *grown = static_cast<char *>(std::realloc(buf_, want));
        if (!grown) return {};
        buf_ = grown;
        capacity_ = want;
    }
    return {buf_ + tail_, capacity_ - tail_};
}

void Framer::commit(size_t n) { tail_ += std::min(n, capacity_ - tail_); }

void Framer::feed(const void *data, size_t length) {
    if (length == 0) return;
    std::span<char> room = prepare(length);
    if (room.size() < length) return;  // out of memory: the bytes are lost
    std::memcpy(room.data(), data, length);
    commit(length);
}

// ---- output ----

Framer::Status Framer::fail(int code) {
    error_ = code;
    set_last_error(code);
    return Status::error;
}

Framer::Status Framer::emit(size_t length, std::string_view &packet) {
    packet = {buf_ + head_, length};
    head_ += length;
    scan_ = head_;
    current_ = 0;
    if (head_ == tail_) head_ = tail_ = scan_ = 0;  // indices only: the bytes stay until the next input
    return Status::packet;
}

Framer::Status Framer::next(std::string_view &packet) {
    if (error_) return Status::error;
    if (head_ == tail_) return Status::need_more;
    switch (mode_) {
        case Mode::raw: return emit(tail_ - head_, packet);
        case Mode::eof_check: return next_eof_check(packet);
        case Mode::eof_split: return next_eof_split(packet);
        case Mode::length: return next_length(packet);
    }
    return Status::need_more;
}

Framer::Status Framer::next_eof_check(std::string_view &packet) {
    size_t pending = tail_ - head_;
    if (pending >= eof_len_ && pending <= max_length_ && std::memcmp(buf_ + tail_ - eof_len_, eof_, eof_len_) == 0) {
        return emit(pending, packet);
    }
    if (pending < max_length_) return Status::need_more;
    // No packet ending in the EOF fits the limit as a whole: cut at the last
    // EOF inside the first max_length_ bytes, if there is one.
    const char *data = buf_ + head_;
    for (size_t end = std::min(pending, max_length_); end >= eof_len_; --end) {
        if (std::memcmp(data + end - eof_len_, eof_, eof_len_) == 0) return emit(end, packet);
    }
    return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
}

Framer::Status Framer::next_eof_split(std::string_view &packet) {
    size_t from = std::max(scan_, head_);
    const void *found = ::memmem(buf_ + from, tail_ - from, eof_, eof_len_);
    if (found) {
        size_t end = static_cast<const char *>(found) - buf_ + eof_len_;
        if (end - head_ > max_length_) return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
        return emit(end - head_, packet);
    }
    // An EOF may still start in the last eof_len_ - 1 bytes.
    scan_ = std::max(head_, tail_ - std::min(tail_, eof_len_ - 1));
    if (tail_ - head_ >= max_length_) return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
    return Status::need_more;
}

Framer::Status Framer::next_length(std::string_view &packet) {
    size_t pending = tail_ - head_;
    if (current_ == 0) {
        size_t total = 0;
        if (length_func_) {
            ssize_t r = length_func_(length_ctx_, buf_ + head_, pending);
            if (r < 0) return fail(SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);
            if (r == 0) {
                if (pending >= max_length_) return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
                return Status::need_more;
            }
            total = size_t(r);
        } else {
            size_t header = length_offset_ + length_type_.size();
            if (pending < header) return Status::need_more;
            uint64_t value = 0;
            if (!length_type_.read(buf_ + head_ + length_offset_, value)) {
                return fail(SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);
            }
            if (value > max_length_) return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
            total = body_offset_ + size_t(value);
            if (total < header) return fail(SW_ERROR_PACKAGE_LENGTH_NOT_FOUND);
        }
        if (total > max_length_) return fail(SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
        current_ = total;
    }
    if (pending < current_) return Status::need_more;
    return emit(current_, packet);
}

size_t Framer::wanted() const {
    size_t pending = tail_ - head_;
    return current_ > pending ? current_ - pending : 0;
}

void Framer::consume(size_t n) {
    head_ += std::min(n, tail_ - head_);
    scan_ = std::max(scan_, head_);
    current_ = 0;
    if (head_ == tail_) head_ = tail_ = scan_ = 0;
}

void Framer::clear() {
    head_ = tail_ = scan_ = current_ = 0;
    error_ = 0;
}

void Framer::release() {
    clear();
    std::free(buf_);
    buf_ = nullptr;
    capacity_ = 0;
}

}  // namespace swoole::kernel
