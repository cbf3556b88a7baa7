// Incremental HTTP/1.x request framing over llhttp, for one connection.
// feed() is given every unconsumed byte from the start of the current request
// (the connection's input buffer, which may have moved since the last call);
// only the new bytes are parsed. Names, values and the URL are kept as offsets
// into those bytes, a chunked body is de-chunked into a reused buffer. At a
// complete request the parser stops (pipelined bytes stay for the next one);
// the caller consumes message_length() bytes and calls reset().
#pragma once

#include <llhttp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/request_wire.h"

namespace swoole::mod::http {

struct ParserLimits {
    size_t max_header_size = 64 * 1024;        // request line + headers
    size_t package_max_length = 2 * 1024 * 1024;  // head + body
};

class RequestParser {
  public:
    enum class Status { need_more, complete, error };

    explicit RequestParser(ParserLimits limits = {});
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    Status feed(std::string_view data);
    void reset();  // after the complete request was consumed

    // ---- valid after Status::complete (offsets into the bytes fed)
    size_t message_length() const { return message_length_; }
    size_t head_length() const { return head_length_; }
    std::string_view body(std::string_view data) const;
    const std::vector<WireHeader> &headers() const { return headers_; }
    uint32_t url_offset() const { return url_offset_; }
    uint32_t url_length() const { return url_length_; }
    uint8_t method() const { return method_; }
    uint8_t version_major() const { return major_; }
    uint8_t version_minor() const { return minor_; }
    bool keep_alive() const { return keep_alive_; }
    bool chunked() const { return chunked_; }
    // Appends the wire form of the complete request to out (cleared first).
    void write_wire(std::string_view data, std::string &out) const;

    // ---- valid after Status::error: the status to answer (400, 413)
    int error_status() const { return error_status_; }

    const ParserLimits &limits() const { return limits_; }

  private:
    static int on_url(llhttp_t *p, const char *at, size_t n);
    static int on_header_field(llhttp_t *p, const char *at, size_t n);
    static int on_header_field_complete(llhttp_t *p);
    static int on_header_value(llhttp_t *p, const char *at, size_t n);
    static int on_header_value_complete(llhttp_t *p);
    static int on_headers_complete(llhttp_t *p);
    static int on_body(llhttp_t *p, const char *at, size_t n);
    static int on_message_complete(llhttp_t *p);
    static const llhttp_settings_t *settings();

    bool over_header_limit(const char *end) const;
    Status fail(int status);

    llhttp_t parser_;
    ParserLimits limits_;
    const char *base_ = nullptr;  // start of the bytes of this feed()
    const char *end_ = nullptr;
    size_t parsed_ = 0;           // bytes already given to llhttp
    std::vector<WireHeader> headers_;
    std::string chunked_body_;
    size_t message_length_ = 0;
    size_t head_length_ = 0;
    size_t body_offset_ = 0;
    size_t body_length_ = 0;
    uint32_t url_offset_ = 0;
    uint32_t url_length_ = 0;
    int error_status_ = 0;
    uint8_t method_ = 0;
    uint8_t major_ = 1;
    uint8_t minor_ = 1;
    bool field_open_ = false;
    bool value_open_ = false;
    bool name_pending_ = false;  // a name completed, its value not yet
    bool headers_done_ = false;
    bool message_done_ = false;
    bool keep_alive_ = false;
    bool chunked_ = false;
    bool upgrade_ = false;
};

}  // namespace swoole::mod::http
