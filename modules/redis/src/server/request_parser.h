// Framing of RESP requests as a Redis server reads them, without PHP and
// without I/O: the Redis\Server protocol feeds it the connection's unread
// bytes and gets back "one complete request of N bytes", "need more" or a
// protocol error.
//
// Two request forms are accepted, as redis-server accepts them:
//   - multi-bulk: "*<argc>\r\n" then argc items "$<len>\r\n<bytes>\r\n";
//   - inline: one line of words ("PING\r\n", what telnet and redis-benchmark's
//     PING_INLINE send), split on blanks, with "..." / '...' quoting.
// (4.8 closed the connection on an inline command; accepting it is what a
// Redis client expects and costs nothing for multi-bulk input.)
//
// The parser is resumable: a request split over many reads is scanned once,
// the state remembers where the scan stopped, so a slow peer cannot make the
// server rescan a big request on every byte.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace swoole::mod::redis {

// Limits of redis-server (a request larger than the port's
// package_max_length is cut off earlier by the server core).
inline constexpr int64_t kMaxRequestArgs = 1024 * 1024;
inline constexpr int64_t kMaxBulkLength = 512LL * 1024 * 1024;
inline constexpr size_t kMaxInlineLength = 64 * 1024;  // also the longest "*N" / "$N" line
// A command name this long or longer closes the connection (4.8's limit).
inline constexpr size_t kMaxCommandNameLength = 64;

enum class ParseStatus {
    complete,   // a request: size bytes, argc items (0: an empty request, skip it)
    need_more,  // keep reading
    error,      // the stream is not RESP: close the connection
};

enum class ParseError {
    none,
    bad_multibulk_length,  // "*x", "*" with no digits, more than kMaxRequestArgs
    expected_dollar,       // an item that is not a bulk string (":1", "+x", ...)
    bad_bulk_length,       // "$x", "$-1", more than kMaxBulkLength
    missing_crlf,          // a bulk string not followed by "\r\n"
    line_too_long,         // no line end within kMaxInlineLength
    unbalanced_quotes,     // inline: an open quote, or a quote not followed by a blank
    command_too_long,      // the first item is kMaxCommandNameLength bytes or more
};

// Text for logs and the "-ERR Protocol error: ..." reply.
std::string_view parse_error_text(ParseError error);

// Where a partial scan stopped; reset (= {}) after every complete request.
struct ParseState {
    uint32_t argc = 0;     // announced items (multi-bulk), 0 before the header
    uint32_t done = 0;     // items scanned completely
    size_t next = 0;       // offset of the next item's "$" line
    size_t scanned = 0;    // no line end in [line start, scanned) (long lines)
    bool header = false;   // the "*N" header was read
};

struct ParsedRequest {
    size_t size = 0;        // bytes the request takes in the input
    uint32_t argc = 0;      // items, command name included
    bool inline_form = false;
    ParseError error = ParseError::none;
    // command_too_long: the name's first bytes (up to 8, fewer when they have
    // not arrived yet) and its full length.
    char name_head[8] = {};
    size_t name_head_length = 0;
    size_t name_length = 0;
};

// Scans input (the unread bytes, starting at a request boundary).
ParseStatus parse_request(std::string_view input, ParseState &state, ParsedRequest &out);

}  // namespace swoole::mod::redis
