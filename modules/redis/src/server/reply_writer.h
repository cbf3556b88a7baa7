// RESP reply encoding for Redis\Server::format(), without PHP: the pieces
// ("+OK\r\n", ":12\r\n", "$3\r\nabc\r\n", "*2\r\n") appended to any buffer
// with append(const char *, size_t) (std::string; the binding's smart_str
// adapter), so a reply is built in place with no intermediate copies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace swoole::mod::redis {

// Longest "<prefix><int64>\r\n".
inline constexpr size_t kMaxReplyHeader = 1 + 20 + 2;

// Writes "<prefix><n>\r\n" into buf (kMaxReplyHeader bytes); returns its length.
size_t write_reply_header(char *buf, char prefix, int64_t n);

template <class Out>
void append_line(Out &out, char prefix, std::string_view text) {  // "+OK\r\n", "-ERR x\r\n"
    out.append(&prefix, 1);
    out.append(text.data(), text.size());
    out.append("\r\n", 2);
}

template <class Out>
void append_header(Out &out, char prefix, int64_t n) {  // ":12\r\n", "*2\r\n", "$3\r\n"
    char buf[kMaxReplyHeader];
    out.append(buf, write_reply_header(buf, prefix, n));
}

template <class Out>
void append_bulk(Out &out, std::string_view bytes) {  // "$3\r\nabc\r\n"
    append_header(out, '$', static_cast<int64_t>(bytes.size()));
    out.append(bytes.data(), bytes.size());
    out.append("\r\n", 2);
}

}  // namespace swoole::mod::redis
