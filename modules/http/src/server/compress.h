// Response body compression (http_compression, http_compression_level,
// http_compression_min_length) and the matching decoders for the HTTP clients.
//
// Choice of encoding, as 4.8: br when the client accepts it (brotli is always
// built here), else gzip, else deflate, whatever the q-values order; unlike
// 4.8's substring match, Accept-Encoding is read as a token list and a coding
// refused with q=0 is skipped ("gzip;q=0, deflate" → deflate). "deflate" is
// the zlib format (RFC 1950), as browsers and 4.8 expect.
//
// Compressors keep one zlib stream per thread and reset it per call, so a
// response allocates nothing once warm; output goes to a caller buffer.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace swoole::mod::http {

enum class Encoding { none, gzip, deflate, br };

// "gzip", "deflate", "br" ("" for none): the Content-Encoding value.
std::string_view encoding_name(Encoding encoding);
// Inverse of encoding_name, case-insensitive, trims blanks; none if unknown.
Encoding encoding_from_name(std::string_view name);

// The encoding to answer a request carrying this Accept-Encoding value with.
Encoding choose_encoding(std::string_view accept_encoding);

// The default http_compression_min_length (bodies shorter are sent as is).
inline constexpr size_t kDefaultCompressionMinLength = 20;

// Whether a body of this Content-Type may be compressed. With an empty list
// every type may (4.8's default); else the media type (parameters and case
// ignored) must equal one of the entries.
bool content_type_compressible(std::string_view content_type, std::span<const std::string> allowed_types = {});

// The whole rule: an encoding was chosen, the body is at least min_length
// bytes, and its type is compressible.
bool should_compress(Encoding encoding, size_t body_length, size_t min_length, std::string_view content_type,
                     std::span<const std::string> allowed_types = {});

// Compresses body into out (replacing its content; its capacity is reused).
// level is http_compression_level: gzip/deflate use 1..9 (0 → 1, above → 9),
// br uses 0..11 (clamped). false (out unspecified) on a codec failure or for
// Encoding::none.
bool compress(Encoding encoding, int level, std::string_view body, std::string &out);

// Decodes a whole body into out (replacing its content). false when the data
// is not valid for the encoding, is truncated, or would exceed max_output bytes.
// gzip accepts concatenated members; deflate also accepts raw deflate data
// (some servers send it).
bool decompress(Encoding encoding, std::string_view data, std::string &out, size_t max_output);

}  // namespace swoole::mod::http
