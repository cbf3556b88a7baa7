// HTTP dates (RFC 9110 §5.6.7): formatting in IMF-fixdate for Date and
// Last-Modified, parsing of the three forms a client may send
// (IMF-fixdate, RFC 850, asctime) for If-Modified-Since / If-Range.
#pragma once

#include <ctime>
#include <optional>
#include <string_view>

namespace swoole::mod::http {

inline constexpr size_t kHttpDateLength = 29;  // "Sun, 06 Nov 1994 08:49:37 GMT"

// Writes the date of t (UTC) into out (at least kHttpDateLength bytes, no NUL
// written) and returns the view of it.
std::string_view format_http_date(time_t t, char *out);

// Seconds since the epoch, or nullopt when value is not an HTTP date.
std::optional<time_t> parse_http_date(std::string_view value);

}  // namespace swoole::mod::http
