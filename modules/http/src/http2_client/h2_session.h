// One HTTP/2 client connection, without PHP: nghttp2's client session
// driven by a kernel coroutine socket (sw_socket from the host table).
//
// nghttp2 does the framing, HPACK and flow control; this class moves bytes.
// Frames nghttp2 wants to write are collected by its send callback and
// written by whichever coroutine flushes first (the others only queue), so
// several coroutines may send while one receives. Input is read only by
// recv(): it feeds nghttp2 and flushes what that produced (SETTINGS ACK,
// WINDOW_UPDATE, DATA that was waiting for the peer's window), so a request
// body larger than the window keeps flowing while the caller waits for the
// response. Completed responses queue up in arrival order; recv() hands out
// the next one of any stream.
//
// Errors: calls return false / -1 and leave code + message in error_code() /
// error_message() (errno or SW_ERROR_* codes; after a GOAWAY the h2 error
// code and the peer's debug data).
#pragma once

#include <nghttp2/nghttp2.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <swoole/module.h>

#include "client/body_decoder.h"
#include "http2_client/h2_message.h"

namespace swoole::mod::http::h2c {

// What connect() needs. Timeouts in seconds as the host table takes them:
// > 0 that long, 0 the kernel default, < 0 none.
struct ConnectOptions {
    double connect_timeout = 0;
    double read_timeout = 0;
    double write_timeout = 0;
    bool tls = false;
    // ssl_* settings; empty strings are left out.
    bool verify_peer = false;
    bool allow_self_signed = false;
    std::string host_name, cafile, capath, cert_file, key_file, passphrase;
    Settings local;
};

// A request as the binding hands it over (names already lower-case).
struct RequestSpec {
    std::string method = "GET";
    std::string path = "/";
    std::string authority;
    HeaderList headers;
    std::string body;
    bool pipeline = false;       // keep the stream open for write()
    bool pipeline_read = false;  // recv() yields partial responses too
};

class Session {
  public:
    explicit Session(const sw_host_api *host);
    ~Session();
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    // TCP (+ TLS with ALPN h2), then the preface and our SETTINGS.
    bool connect(std::string_view host, int port, const ConnectOptions &options);
    // Closes the socket (waking a coroutine waiting on it); forgets streams.
    bool close();
    bool connected() const { return session_ != nullptr && !closed_; }
    int fd() const;
    void set_read_timeout(double t) { options_.read_timeout = t; }
    void set_write_timeout(double t) { options_.write_timeout = t; }

    // Opens a stream: HEADERS (+ DATA). The stream id, or -1.
    int32_t send(RequestSpec &request);
    // More body for a pipeline stream; end closes our side.
    bool write(int32_t stream_id, std::string_view data, bool end);
    // The next complete response (read_mode: partial ones of any stream too;
    // otherwise partials only for pipeline_read streams). timeout as the
    // host table's, 0 meaning the read timeout of the options.
    bool recv(double timeout, bool read_mode, Response &out);
    bool ping();
    bool goaway(uint32_t error_code, std::string_view debug_data);

    bool stream_exists(int32_t stream_id) const;
    int32_t next_stream_id() const { return next_stream_id_; }
    int32_t last_stream_id() const { return last_stream_id_; }
    const Settings &local_settings() const { return options_.local; }
    Settings remote_settings() const;
    size_t active_streams() const { return active_; }

    bool goaway_received() const { return goaway_received_; }
    int32_t server_last_stream_id() const { return server_last_stream_id_; }
    int error_code() const { return error_code_; }
    const std::string &error_message() const { return error_message_; }

  private:
    struct Stream {
        int32_t id = 0;
        bool pipeline = false;
        bool pipeline_read = false;
        bool local_ended = false;   // our END_STREAM is queued
        bool has_provider = false;  // DATA comes from the data provider
        bool done = false;          // the final response is queued
        bool popped = false;        // handed out; kept while nghttp2 still has the stream
        std::string out;            // body bytes not handed to nghttp2 yet
        size_t out_pos = 0;
        Response response;
        client::BodyDecoder decoder;  // Content-Encoding gzip/deflate/br
    };
    struct Ready {
        int32_t stream_id;
        bool final;
    };

    static ssize_t on_send(nghttp2_session *, const uint8_t *data, size_t length, int, void *self);
    static int on_frame_recv(nghttp2_session *, const nghttp2_frame *frame, void *self);
    static int on_header(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t namelen,
                         const uint8_t *value, size_t valuelen, uint8_t, void *self);
    static int on_data_chunk(nghttp2_session *, uint8_t, int32_t stream_id, const uint8_t *data, size_t len, void *self);
    static int on_stream_close(nghttp2_session *, int32_t stream_id, uint32_t error_code, void *self);
    static ssize_t read_body(nghttp2_session *, int32_t stream_id, uint8_t *buf, size_t length, uint32_t *flags,
                             nghttp2_data_source *source, void *self);

    Stream *find(int32_t stream_id);
    bool flush();
    bool fail(int code, std::string_view message);
    bool fail_io(int code);
    bool not_connected();
    void drop_session();
    bool take_ready(bool read_mode, Response &out);
    void settle();  // frees retired sockets once no call is inside one

    const sw_host_api *host_;
    sw_socket *sock_ = nullptr;
    std::vector<sw_socket *> retired_;  // closed while a coroutine still used them
    nghttp2_session *session_ = nullptr;
    bool closed_ = true;
    int in_io_ = 0;
    uint64_t generation_ = 0;  // bumped by close(): a waiter that sees a new one stops
    ConnectOptions options_;

    std::unordered_map<int32_t, std::unique_ptr<Stream>> streams_;
    std::deque<Ready> ready_;
    size_t active_ = 0;  // streams not handed out yet
    int32_t next_stream_id_ = 1;
    int32_t last_stream_id_ = 0;

    std::string pending_;  // frames nghttp2 produced, not written yet
    std::string sending_;  // being written by the flushing coroutine
    bool writing_ = false;
    bool reading_ = false;

    bool goaway_received_ = false;
    uint32_t goaway_code_ = 0;
    std::string goaway_data_;
    int32_t server_last_stream_id_ = 0;

    int error_code_ = 0;
    std::string error_message_;
    char in_[16384];
};

}  // namespace swoole::mod::http::h2c
