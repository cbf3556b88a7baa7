// The server side of one HTTP/2 connection, kept in the worker that owns it:
// fed the frames the reactor cut (h2_protocol.h), it collects each request
// (fields, body) per stream, answers with HEADERS + DATA (+ trailers),
// PING and GOAWAY, and writes its frames through an output function.
//
// Built on nghttp2's session API rather than on its HPACK coder alone: the
// session is the library's complete state machine (stream states, SETTINGS
// and their ACKs, both directions of flow control, PING ACKs, the HTTP
// messaging rules of RFC 9113 §8) and answers protocol errors with the
// GOAWAY / RST_STREAM codes the RFC names. Writing that again over the HPACK
// coder would only add places for bugs; what it costs is one library call
// per batch of frames. Response bodies are not copied into the session: DATA
// frames are written straight from the caller's bytes (BodyRef, held until
// the stream closes), as the peer's windows allow; the rest waits for its
// WINDOW_UPDATE.
//
// Not thread-safe; no PHP. Streams are pooled per session.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct nghttp2_session;

namespace swoole::mod::http::h2 {

// Our SETTINGS (the http2_* options); 0 leaves a value unannounced.
struct SessionSettings {
    uint32_t header_table_size = 4096;
    uint32_t max_concurrent_streams = 128;
    uint32_t init_window_size = 65535;
    uint32_t max_frame_size = 16384;
    uint32_t max_header_list_size = 0;
    size_t max_body = 2 * 1024 * 1024;  // package_max_length: a longer request body is answered 413
};

// Beyond this many bytes of names and values a request is refused
// (RST_STREAM), unless max_header_list_size says otherwise.
inline constexpr size_t kDefaultHeaderListLimit = 64 * 1024;

struct Field {
    std::string_view name, value;
};

// Bytes a response body is sent from, and how to let them go once sent.
struct BodyRef {
    std::string_view data;
    void *owner = nullptr;
    void (*release)(void *owner) = nullptr;
};

class Session;

// One request as it came; valid while its stream is open.
class Stream {
  public:
    int32_t id() const { return id_; }
    size_t field_count() const { return spans_.size(); }
    Field field(size_t i) const;
    std::string_view body() const { return body_; }

  private:
    friend class Session;
    struct Span {
        uint32_t offset, name_length, value_length;
    };
    void reset();
    void release_body();

    int32_t id_ = 0;
    bool in_use_ = false;
    bool answered_ = false;  // answered (or refused: 413, header list too long): no dispatch
    bool refused_ = false;   // answered before the request ended: reset once the answer is out
    std::string fields_;    // names and values, back to back
    std::vector<Span> spans_;
    std::string body_;
    // the response
    BodyRef out_{};
    size_t read_at_ = 0, sent_at_ = 0;
    std::string trailer_fields_;
    std::vector<Span> trailer_spans_;
};

class Session {
  public:
    using Output = void (*)(void *ctx, std::string_view bytes);

    Session(const SessionSettings &settings, Output output, void *ctx);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // Feeds whole frames; the ids of requests completed by them are appended
    // to ready (in order). Protocol errors are answered (GOAWAY / RST_STREAM)
    // and written; after a connection error finished() is true.
    void feed(std::string_view frames, std::vector<int32_t> &ready);

    // The open stream `id` (a request that may still be answered), or null.
    Stream *find(int32_t id) const;

    // Answers stream `id`: HEADERS (fields, lower-case names, ":status"
    // first), then body unless head_only, then trailers. The body is held
    // until sent (body.release is called in every case, even on false).
    // false when the stream is gone or could not be answered.
    bool respond(int32_t id, std::span<const Field> fields, BodyRef body, std::span<const Field> trailers,
                 bool head_only);
    // Cancels one stream (RST_STREAM).
    void reset_stream(int32_t id, uint32_t error_code);
    bool ping();
    // GOAWAY naming the last stream processed: no new streams; the open ones
    // may still be answered, then the session is finished.
    bool goaway(uint32_t error_code, std::string_view debug_data);

    // Nothing more to read or write: close the connection (after flushing).
    bool finished() const { return finished_; }
    int32_t last_stream_id() const;

  private:
    struct Callbacks;
    friend struct Callbacks;

    Stream *acquire(int32_t id);
    void release(Stream *s);
    void refuse(Stream &s, int status);
    void flush();

    nghttp2_session *ng_ = nullptr;
    SessionSettings settings_;
    size_t header_limit_;
    Output output_;
    void *ctx_;
    std::string out_;
    std::vector<int32_t> *ready_ = nullptr;  // during feed()
    std::vector<std::unique_ptr<Stream>> streams_;
    std::vector<Stream *> free_;
    bool finished_ = false;
    bool flushing_ = false;
};

}  // namespace swoole::mod::http::h2
