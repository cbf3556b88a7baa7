// Streaming decoder of a compressed response body (Content-Encoding gzip,
// deflate or br, body_decompression => true). Input arrives in whatever
// pieces the socket gives; output goes to a BodySink in pieces of at most
// one internal block, so a large body is never held twice.
//
// gzip accepts concatenated members; "deflate" is the zlib format, and raw
// deflate data (sent by some servers) is detected from its first bytes.
// When the very first piece is not valid for the announced encoding the
// decoder gives up decoding and passes the body through unchanged (a server
// that labels a plain body); corruption after valid output is an error.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "client/body_sink.h"
#include "server/compress.h"

namespace swoole::mod::http::client {

class BodyDecoder {
  public:
    BodyDecoder();
    ~BodyDecoder();
    BodyDecoder(const BodyDecoder &) = delete;
    BodyDecoder &operator=(const BodyDecoder &) = delete;

    // Starts a body in this encoding (Encoding::none: pass through).
    void start(Encoding encoding);
    // Decodes a piece into the sink. false: corrupt data (error() says
    // "decode") or the sink refused (sink_failed()).
    bool write(std::string_view in, BodySink &sink);
    // The body ended: false when the compressed stream was cut short.
    bool finish();
    bool sink_failed() const { return sink_failed_; }
    Encoding encoding() const { return encoding_; }

  private:
    bool inflate_piece(std::string_view in, BodySink &sink);
    bool brotli_piece(std::string_view in, BodySink &sink);
    bool emit(const char *data, size_t n, BodySink &sink);
    void end_streams();

    struct Streams;
    std::unique_ptr<Streams> streams_;
    Encoding encoding_ = Encoding::none;
    bool passthrough_ = false;   // gave up decoding: bytes go out unchanged
    bool produced_ = false;      // some decoded output went out already
    bool seen_input_ = false;
    bool stream_end_ = false;    // the compressed stream reached its end
    bool sink_failed_ = false;
};

}  // namespace swoole::mod::http::client
