// What Coroutine\Http2\Client exchanges, without PHP: a response as the
// client assembles it from HEADERS/DATA frames, the SETTINGS it advertises,
// and small pure helpers (the :authority value, Set-Cookie name/value) that
// the unit tests exercise directly. Bodies are decoded by the HTTP/1
// client's BodyDecoder (client/body_decoder.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace swoole::mod::http::h2c {

// The five SETTINGS values stats() shows (4.8's defaults for the local side;
// the RFC 7540 initial values for the remote side until its SETTINGS arrive).
struct Settings {
    uint32_t header_table_size = 4096;
    uint32_t init_window_size = 65535;
    uint32_t max_concurrent_streams = 128;
    uint32_t max_frame_size = 16384;
    uint32_t max_header_list_size = 4096;
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// One Swoole\Http2\Response (or a partial one, pipeline = true).
struct Response {
    int32_t stream_id = 0;
    int status = 0;          // :status; -3 when the stream was reset
    uint32_t error_code = 0; // RST_STREAM error code
    bool pipeline = false;   // more DATA follows on this stream
    HeaderList headers;      // in arrival order; a repeated name: the last wins in PHP
    std::vector<std::string> set_cookies;
    std::vector<std::pair<std::string, std::string>> cookies;
    std::string body;
};

// ":authority" when the request has no host header: the port is left out
// when it is the scheme's default (80, or 443 with TLS).
std::string default_authority(std::string_view host, int port, bool tls);

// "name=value; Path=/" -> {"name", "value"}; false when there is no '='
// or the name is empty. The value is URL-decoded, as 4.8's cookie jar does.
bool parse_set_cookie(std::string_view header, std::string &name, std::string &value);

// Cookie values in a request are URL-encoded (RFC 3986 unreserved kept).
void url_encode_append(std::string &out, std::string_view in);

}  // namespace swoole::mod::http::h2c
