// HTTP/1.1 response serialization into one reused buffer: the status line,
// header lines, the default headers 4.8 adds (Server, Connection,
// Content-Type, Date cached per second, Content-Length or chunked,
// Content-Encoding), chunk framing and trailers. No allocation once the
// buffer has grown to the largest response of the process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace swoole::mod::http {

// The standard reason phrase of a status code; empty when unknown.
std::string_view reason_phrase(int code);

// "Fri, 27 Nov 2026 21:50:48 GMT" for now, formatted at most once a second.
std::string_view http_date_now();

// Which default headers the user already set (case-insensitive names).
struct UserHeaderSet {
    bool server = false;
    bool connection = false;
    bool content_type = false;
    bool date = false;
    bool content_length = false;
    bool transfer_encoding = false;
    bool content_encoding = false;

    // Records name if it is one of the defaults; true when it is Content-Length.
    void note(std::string_view name);
};

// Case-insensitive ASCII comparison.
bool iequals(std::string_view a, std::string_view b);

class ResponseWriter {
  public:
    std::string &buffer() { return out_; }
    void clear() { out_.clear(); }

    // "HTTP/1.1 <code> <reason>\r\n": without a reason the standard phrase,
    // and 4.8's "200 OK" for a code that has none.
    void status_line(int code, std::string_view reason);
    void header(std::string_view name, std::string_view value);
    // The defaults the user did not set, in 4.8's order, then the blank line.
    // content_length < 0: chunked. encoding: "" when not compressed.
    void defaults_and_end(const UserHeaderSet &user, bool keep_alive, int64_t content_length,
                          std::string_view encoding);
    void body(std::string_view data) { out_.append(data); }
    void chunk(std::string_view data);  // "<hex>\r\n<data>\r\n"; nothing for empty data
    void last_chunk() { out_.append("0\r\n"); }  // then trailer lines, then end_trailers()
    void end_trailers() { out_.append("\r\n"); }

  private:
    void append_number(uint64_t n);
    std::string out_;
};

}  // namespace swoole::mod::http
