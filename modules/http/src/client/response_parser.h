// The HTTP/1.x response side of the coroutine HTTP client, over llhttp in
// response mode: status, headers (names lower-cased unless told not to),
// the Set-Cookie values, and the body de-chunked and, when asked, decoded
// (gzip/deflate/br) on its way to a BodySink. Bodies end by Content-Length,
// by the last chunk, or by the peer closing (finish()); responses to HEAD
// and 204/304 have none. Interim 1xx responses (100 Continue) are skipped;
// a 101 ends the parse with the bytes after its head left to the caller
// (the first WebSocket frames).
//
// Names and values live in one buffer reused from response to response, so
// a warm parser allocates nothing per response.
#pragma once

#include <llhttp.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "client/body_decoder.h"
#include "client/body_sink.h"

namespace swoole::mod::http::client {

class ResponseParser {
  public:
    struct Options {
        bool lowercase_header = true;
        bool decompress = true;        // body_decompression
        bool head_request = false;     // the request was HEAD: no body follows
        size_t max_head_size = 65536;  // status line + headers
    };
    enum class Result { more, done, error };
    struct Header {
        std::string_view name;
        std::string_view value;
    };

    ResponseParser();
    ResponseParser(const ResponseParser &) = delete;
    ResponseParser &operator=(const ResponseParser &) = delete;

    // Starts a new response; the body goes to sink (must outlive the parse).
    void reset(const Options &options, BodySink *sink);
    // Parses bytes. done: the response is complete and *used bytes of
    // data belong to it (the rest is the next protocol's, after a 101).
    Result feed(const char *data, size_t length, size_t *used = nullptr);
    // The peer closed: done when the body was delimited by the close,
    // error otherwise (truncated response).
    Result finish();

    bool complete() const { return complete_; }
    bool started() const { return started_; }  // some response bytes arrived
    int status() const { return status_; }
    bool keep_alive() const { return keep_alive_; }
    bool upgraded() const { return upgrade_; }  // ended with 101 + Upgrade
    const std::vector<Header> &headers() const { return view_; }
    // The last value of a header (name matched without case); empty if absent.
    std::string_view header(std::string_view name) const;
    const std::vector<std::string_view> &set_cookies() const { return set_cookies_; }
    // Why feed/finish returned error ("" otherwise); sink_error() when the
    // sink refused the body.
    std::string_view error() const { return error_; }
    bool sink_failed() const { return sink_failed_; }

  private:
    static int on_message_begin(llhttp_t *p);
    static int on_header_field(llhttp_t *p, const char *at, size_t n);
    static int on_header_value(llhttp_t *p, const char *at, size_t n);
    static int on_header_value_complete(llhttp_t *p);
    static int on_headers_complete(llhttp_t *p);
    static int on_body(llhttp_t *p, const char *at, size_t n);
    static int on_message_complete(llhttp_t *p);
    static ResponseParser &self(llhttp_t *p) { return *static_cast<ResponseParser *>(p->data); }

    void build_views();
    bool grow_head(size_t n);
    Result fail(std::string_view why);

    struct Span {
        uint32_t name_at, name_len, value_at, value_len;
    };

    llhttp_t parser_;
    llhttp_settings_t settings_;
    Options options_;
    BodySink *sink_ = nullptr;
    BodyDecoder decoder_;
    std::string names_;  // header names and values, back to back
    std::vector<Span> spans_;
    std::vector<Header> view_;
    std::vector<std::string_view> set_cookies_;
    size_t head_size_ = 0;
    bool in_value_ = false;
    bool headers_done_ = false;  // later header callbacks are trailers
    int status_ = 0;
    bool keep_alive_ = false;
    bool upgrade_ = false;
    bool complete_ = false;
    bool started_ = false;
    bool sink_failed_ = false;
    bool failed_ = false;
    std::string_view error_;
};

// "name=value; attr..." of one Set-Cookie header: the name (empty when the
// cookie has no '=') and the raw value (up to the first ';').
struct CookiePair {
    std::string_view name;
    std::string_view value;
};
CookiePair parse_set_cookie(std::string_view header);

}  // namespace swoole::mod::http::client
