#include "server/command_frame.h"

#include <cstring>

#include "server/inline_split.h"

namespace swoole::mod::redis {

namespace {

void put_u32(std::string &out, size_t at, uint32_t v) { std::memcpy(out.data() + at, &v, sizeof v); }

uint32_t get_u32(std::string_view in, size_t at) {
    uint32_t v;
    std::memcpy(&v, in.data() + at, sizeof v);
    return v;
}

// Appends inline words to the frame, filling the length table as it goes.
struct FrameSink {
    std::string &out;
    size_t slot = sizeof(uint32_t);  // next length entry
    size_t start = 0;                // where the current word's bytes begin
    void begin() { start = out.size(); }
    void put(std::string_view piece) { out.append(piece); }
    void end() {
        put_u32(out, slot, static_cast<uint32_t>(out.size() - start));
        slot += sizeof(uint32_t);
    }
};

}  // namespace

void encode_frame(std::string_view input, const ParsedRequest &req, std::string &out) {
    const size_t table = sizeof(uint32_t) * (1 + static_cast<size_t>(req.argc));
    out.resize(table);
    put_u32(out, 0, req.argc);
    if (req.inline_form) {
        std::string_view line = input.substr(0, req.size - 1);  // without the '\n'
        FrameSink sink{out};
        split_inline(line, sink);
        return;
    }
    // A validated multi-bulk request: each "$<len>\r\n" is followed by the
    // bytes and "\r\n"; only the lengths need reading.
    size_t pos = static_cast<size_t>(static_cast<const char *>(std::memchr(input.data(), '\n', req.size)) -
                                     input.data()) + 1;
    for (uint32_t i = 0; i < req.argc; ++i) {
        size_t length = 0;
        ++pos;  // '$'
        if (input[pos] == '-') ++pos;  // "$-0" is a valid empty length
        while (input[pos] != '\r') length = length * 10 + static_cast<size_t>(input[pos++] - '0');
        pos += 2;
        put_u32(out, sizeof(uint32_t) * (1 + i), static_cast<uint32_t>(length));
        out.append(input.data() + pos, length);
        pos += length + 2;
    }
}

bool FrameReader::open(std::string_view frame) {
    frame_ = frame;
    argc_ = index_ = 0;
    data_ = 0;
    if (frame.size() < sizeof(uint32_t)) return false;
    const uint32_t argc = get_u32(frame, 0);
    const size_t table = sizeof(uint32_t) * (1 + static_cast<size_t>(argc));
    if (table > frame.size()) return false;
    size_t total = 0;
    for (uint32_t i = 0; i < argc; ++i) total += get_u32(frame, sizeof(uint32_t) * (1 + i));
    if (total != frame.size() - table) return false;
    argc_ = argc;
    data_ = table;
    return true;
}

bool FrameReader::next(std::string_view &word) {
    if (index_ >= argc_) return false;
    const uint32_t length = get_u32(frame_, sizeof(uint32_t) * (1 + index_));
    word = frame_.substr(data_, length);
    data_ += length;
    ++index_;
    return true;
}

}  // namespace swoole::mod::redis
