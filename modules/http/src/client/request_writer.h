// The request side of the coroutine HTTP client: the request line and
// head in the order 4.8 writes them (Host first, then the user's headers,
// then Authorization, Connection, Accept-Encoding, Cookie, Content-Type,
// Content-Length), and the body as a list of segments to send in order:
// bytes in the writer's buffer, views of the caller's memory (large bodies
// are not copied), and file ranges streamed from disk (addFile).
//
// A user header named Host, Connection or Accept-Encoding replaces the
// automatic one; a user Content-Length is replaced by the real length of
// the body (a wrong one would desynchronise the connection). Header names
// or values holding CR/LF, and user headers with empty names, are dropped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace swoole::mod::http::client {

struct HeaderField {
    std::string_view name;
    std::string_view value;
};

// One part of a multipart/form-data body from addFile (path set) or addData.
struct UploadPart {
    std::string_view name;
    std::string_view filename;
    std::string_view type;
    std::string_view content;  // addData
    std::string_view path;     // addFile: the file, offset and length checked by the caller
    uint64_t offset = 0;
    uint64_t length = 0;
    bool from_file() const { return !path.empty(); }
};

enum class BodyKind { none, raw, urlencoded, multipart };

struct RequestSpec {
    std::string_view method = "GET";
    std::string_view target = "/";  // path (or absolute URI through a proxy)
    std::string_view host;          // the automatic Host value
    std::span<const HeaderField> headers;
    std::span<const HeaderField> cookies;  // sent URL-encoded; empty values skipped
    std::string_view authorization;        // "Basic ..." or empty
    std::string_view proxy_authorization;  // "Basic ..." or empty
    bool keep_alive = true;
    bool compression = true;  // http_compression: Accept-Encoding
    BodyKind body_kind = BodyKind::none;
    std::string_view body;                    // raw or urlencoded bytes
    std::span<const HeaderField> form;        // multipart text fields
    std::span<const UploadPart> uploads;      // multipart parts
    std::string_view boundary;                // multipart boundary (without the dashes)
};

struct Segment {
    enum class Kind { buffer, view, file };
    Kind kind;
    size_t offset = 0;  // buffer: range of OutgoingRequest::buffer
    size_t length = 0;
    std::string_view data;             // view
    const UploadPart *part = nullptr;  // file
};

struct OutgoingRequest {
    std::string buffer;     // the head, then small bodies and multipart glue
    size_t head_length = 0;  // bytes of the head, blank line included
    std::vector<Segment> segments;
    uint64_t content_length = 0;
    bool keep_alive = true;  // false when the user sent "Connection: close"
    bool head_method = false;

    // The head without its closing blank line (getHeaderOut()).
    std::string_view head_text() const {
        return head_length >= 4 ? std::string_view(buffer).substr(0, head_length - 4) : std::string_view();
    }
    void clear() {
        buffer.clear();
        head_length = 0;
        segments.clear();
        content_length = 0;
        keep_alive = true;
        head_method = false;
    }
};

// Writes spec into out (cleared first; its buffers keep their capacity).
void write_request(const RequestSpec &spec, OutgoingRequest &out);

// application/x-www-form-urlencoded encoding of one value ("a b" -> "a+b"),
// as PHP's urlencode() does; appends to out.
void url_encode(std::string_view in, std::string &out);
// Inverse (for Set-Cookie values): "+" -> " ", "%XX" -> byte.
std::string url_decode(std::string_view in);

// A multipart boundary of random letters and digits.
std::string make_boundary();

// "Basic " + base64(user ":" password).
std::string basic_authorization(std::string_view user, std::string_view password);
std::string base64_encode(std::string_view in);

}  // namespace swoole::mod::http::client
