// The form in which the Redis\Server protocol hands a request to the worker:
// the words already cut out, so the worker builds the handler's arguments
// without parsing RESP again. It travels through the server's pipes in
// PROCESS mode, so it is self-contained bytes (host byte order: both ends
// are the same machine):
//
//   u32 argc | u32 length[argc] | the words' bytes, back to back
//
// Word 0 is the command name. The encoder reuses the caller's buffer, so a
// steady stream of requests allocates nothing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "server/request_parser.h"

namespace swoole::mod::redis {

// The frame of a request parse_request() found complete in `input`
// (req.argc > 0), written over `out`.
void encode_frame(std::string_view input, const ParsedRequest &req, std::string &out);

// Reads a frame's words in order.
class FrameReader {
  public:
    // false when `frame` is not a well-formed frame (lengths not adding up).
    bool open(std::string_view frame);
    uint32_t argc() const { return argc_; }
    // The next word; false after the last one.
    bool next(std::string_view &word);

  private:
    std::string_view frame_;
    uint32_t argc_ = 0;
    uint32_t index_ = 0;
    size_t data_ = 0;  // offset of the next word's bytes
};

}  // namespace swoole::mod::redis
