#include "http2_client/h2_session.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>

namespace swoole::mod::http::h2c {

namespace {

constexpr int kProtocolError = 508;     // SW_ERROR_PROTOCOL_ERROR
constexpr int kInvalidParams = 505;     // SW_ERROR_INVALID_PARAMS
constexpr int kNoConnection = 5001;     // SW_ERROR_CLIENT_NO_CONNECTION
constexpr int kCoHasBeenBound = 10002;  // SW_ERROR_CO_HAS_BEEN_BOUND
// Frames queued beyond this wait in nghttp2 until the socket took these.
constexpr size_t kPendingLimit = 256 * 1024;

double now_seconds() {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

nghttp2_nv make_nv(std::string_view name, std::string_view value) {
    return {reinterpret_cast<uint8_t *>(const_cast<char *>(name.data())),
            reinterpret_cast<uint8_t *>(const_cast<char *>(value.data())), name.size(), value.size(),
            NGHTTP2_NV_FLAG_NONE};
}

Session *self_of(void *p) { return static_cast<Session *>(p); }

}  // namespace

Session::Session(const sw_host_api *host) : host_(host) {}

Session::~Session() {
    drop_session();
    if (sock_) host_->socket_free(sock_);
    for (sw_socket *s : retired_) host_->socket_free(s);
}

int Session::fd() const { return sock_ && !closed_ ? host_->socket_fd(sock_) : -1; }

bool Session::fail(int code, std::string_view message) {
    error_code_ = code;
    error_message_.assign(message);
    host_->set_last_error(code);
    return false;
}

bool Session::fail_io(int code) {
    fail(code, host_->strerror(code));
    close();
    return false;
}

bool Session::not_connected() { return fail(kNoConnection, "client is not connected to server"); }

void Session::drop_session() {
    if (session_) nghttp2_session_del(session_);
    session_ = nullptr;
    streams_.clear();
    ready_.clear();
    active_ = 0;
    pending_.clear();
}

bool Session::connect(std::string_view host, int port, const ConnectOptions &options) {
    if (connected()) return fail(EISCONN, host_->strerror(EISCONN));
    close();
    options_ = options;
    std::string name(host);
    sw_socket *sock = host_->socket_connect(name.c_str(), port, options.connect_timeout);
    if (!sock) return fail(host_->last_error(), host_->strerror(host_->last_error()));
    sock_ = sock;
    if (options.tls) {
        sw_tls_options tls{};
        tls.struct_size = sizeof(tls);
        tls.verify_peer = options.verify_peer;
        tls.allow_self_signed = options.allow_self_signed;
        auto opt = [](const std::string &s) { return s.empty() ? nullptr : s.c_str(); };
        tls.host_name = opt(options.host_name);
        tls.cafile = opt(options.cafile);
        tls.capath = opt(options.capath);
        tls.cert_file = opt(options.cert_file);
        tls.key_file = opt(options.key_file);
        tls.passphrase = opt(options.passphrase);
        tls.alpn = "h2";
        if (host_->socket_enable_tls(sock_, &tls, options.connect_timeout) != 0) {
            int code = host_->last_error();
            host_->socket_free(sock_);
            sock_ = nullptr;
            return fail(code, host_->strerror(code));
        }
    }

    nghttp2_session_callbacks *cbs = nullptr;
    if (nghttp2_session_callbacks_new(&cbs) != 0) return fail_io(ENOMEM);
    nghttp2_session_callbacks_set_send_callback(cbs, on_send);
    nghttp2_session_callbacks_set_on_frame_recv_callback(cbs, on_frame_recv);
    nghttp2_session_callbacks_set_on_header_callback(cbs, on_header);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cbs, on_data_chunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(cbs, on_stream_close);
    int rv = nghttp2_session_client_new(&session_, cbs, this);
    nghttp2_session_callbacks_del(cbs);
    if (rv != 0) {
        session_ = nullptr;
        return fail_io(ENOMEM);
    }
    closed_ = false;
    writing_ = reading_ = false;
    generation_++;
    next_stream_id_ = 1;
    last_stream_id_ = 0;
    goaway_received_ = false;
    goaway_code_ = 0;
    goaway_data_.clear();
    server_last_stream_id_ = 0;

    const Settings &s = options_.local;
    nghttp2_settings_entry iv[] = {
        {NGHTTP2_SETTINGS_HEADER_TABLE_SIZE, s.header_table_size},
        {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, s.max_concurrent_streams},
        {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, s.init_window_size},
        {NGHTTP2_SETTINGS_MAX_FRAME_SIZE, s.max_frame_size},
        {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, s.max_header_list_size},
        {NGHTTP2_SETTINGS_ENABLE_PUSH, 0},
    };
    rv = nghttp2_submit_settings(session_, NGHTTP2_FLAG_NONE, iv, sizeof(iv) / sizeof(iv[0]));
    if (rv != 0) {
        fail(kInvalidParams, nghttp2_strerror(rv));
        close();
        return false;
    }
    return flush();  // the preface goes out with the first write
}

bool Session::close() {
    if (closed_ && !sock_ && !session_) return false;
    bool was_open = !closed_;
    closed_ = true;
    generation_++;
    writing_ = reading_ = false;
    drop_session();
    if (sock_) {
        sw_socket *s = sock_;
        sock_ = nullptr;
        if (in_io_ > 0) {
            // A coroutine waits on it: closing wakes it; it is freed once
            // nobody is inside a socket call any more.
            // The woken coroutine runs before socket_close returns: count
            // this call as I/O so its settle() cannot free the socket under us.
            retired_.push_back(s);
            in_io_++;
            host_->socket_close(s);
            in_io_--;
            settle();
        } else {
            host_->socket_free(s);
        }
    }
    return was_open;
}

void Session::settle() {
    if (in_io_ > 0 || retired_.empty()) return;
    for (sw_socket *s : retired_) host_->socket_free(s);
    retired_.clear();
}

bool Session::flush() {
    if (!connected()) return not_connected();
    if (writing_) return true;  // the coroutine writing now sends ours too
    writing_ = true;
    uint64_t gen = generation_;
    for (;;) {
        int rv = nghttp2_session_send(session_);
        if (rv != 0) {
            writing_ = false;
            fail(kProtocolError, nghttp2_strerror(rv));
            close();
            return false;
        }
        if (pending_.empty()) break;
        sending_.swap(pending_);
        pending_.clear();
        in_io_++;
        ssize_t n = host_->socket_send(sock_, sending_.data(), sending_.size(), options_.write_timeout);
        int code = n < 0 ? host_->last_error() : 0;
        in_io_--;
        settle();
        if (gen != generation_) return fail(ECONNRESET, host_->strerror(ECONNRESET));
        sending_.clear();
        if (n < 0) {
            writing_ = false;
            return fail_io(code);
        }
    }
    writing_ = false;
    return true;
}

int32_t Session::send(RequestSpec &request) {
    if (!connected()) {
        not_connected();
        return -1;
    }
    std::vector<nghttp2_nv> nva;
    nva.reserve(4 + request.headers.size());
    nva.push_back(make_nv(":method", request.method));
    nva.push_back(make_nv(":scheme", options_.tls ? "https" : "http"));
    nva.push_back(make_nv(":authority", request.authority));
    nva.push_back(make_nv(":path", request.path));
    for (auto &[name, value] : request.headers) nva.push_back(make_nv(name, value));

    auto stream = std::make_unique<Stream>();
    stream->pipeline = request.pipeline;
    stream->pipeline_read = request.pipeline_read;
    stream->out = std::move(request.body);
    stream->local_ended = !request.pipeline;
    stream->has_provider = request.pipeline || !stream->out.empty();
    nghttp2_data_provider provider{};
    provider.source.ptr = stream.get();
    provider.read_callback = read_body;
    int32_t id = nghttp2_submit_request(session_, nullptr, nva.data(), nva.size(),
                                        stream->has_provider ? &provider : nullptr, stream.get());
    if (id < 0) {
        fail(kProtocolError, nghttp2_strerror(id));
        return -1;
    }
    stream->id = id;
    stream->response.stream_id = id;
    streams_.emplace(id, std::move(stream));
    active_++;
    next_stream_id_ = id + 2;
    if (!flush()) return -1;
    return id;
}

bool Session::write(int32_t stream_id, std::string_view data, bool end) {
    if (!connected()) return not_connected();
    Stream *s = find(stream_id);
    if (!s || s->popped || !s->pipeline || s->local_ended) {
        return fail(EINVAL, "unable to found active pipeline stream#" + std::to_string(stream_id));
    }
    s->out.append(data);
    s->local_ended = end;
    if (nghttp2_session_find_stream(session_, stream_id)) nghttp2_session_resume_data(session_, stream_id);
    return flush();
}

bool Session::ping() {
    if (!connected()) return not_connected();
    int rv = nghttp2_submit_ping(session_, NGHTTP2_FLAG_NONE, nullptr);
    if (rv != 0) return fail(kProtocolError, nghttp2_strerror(rv));
    return flush();
}

bool Session::goaway(uint32_t error_code, std::string_view debug_data) {
    if (!connected()) return not_connected();
    int rv = nghttp2_submit_goaway(session_, NGHTTP2_FLAG_NONE, nghttp2_session_get_last_proc_stream_id(session_),
                                   error_code, reinterpret_cast<const uint8_t *>(debug_data.data()),
                                   debug_data.size());
    if (rv != 0) return fail(kProtocolError, nghttp2_strerror(rv));
    return flush();
}

Settings Session::remote_settings() const {
    Settings s;
    s.max_concurrent_streams = 100;  // until the peer says otherwise
    if (!session_) return s;
    s.header_table_size = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_HEADER_TABLE_SIZE);
    s.init_window_size = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE);
    s.max_concurrent_streams = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS);
    s.max_frame_size = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_MAX_FRAME_SIZE);
    s.max_header_list_size = nghttp2_session_get_remote_settings(session_, NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE);
    return s;
}

Session::Stream *Session::find(int32_t stream_id) {
    auto it = streams_.find(stream_id);
    return it == streams_.end() ? nullptr : it->second.get();
}

bool Session::stream_exists(int32_t stream_id) const {
    auto it = streams_.find(stream_id);
    return it != streams_.end() && !it->second->popped;
}

bool Session::take_ready(bool read_mode, Response &out) {
    while (!ready_.empty()) {
        Ready r = ready_.front();
        ready_.pop_front();
        auto it = streams_.find(r.stream_id);
        if (it == streams_.end() || it->second->popped) continue;
        Stream &s = *it->second;
        if (!r.final) {
            // A partial response: only when asked for, and never an empty one;
            // otherwise the bytes stay for the final response.
            if (!(read_mode || s.pipeline_read) || s.done || s.response.body.empty()) continue;
            out = std::move(s.response);
            out.pipeline = true;
            s.response = Response{};
            s.response.stream_id = s.id;
            return true;
        }
        out = std::move(s.response);
        out.pipeline = false;
        active_--;
        // nghttp2 may still own the stream (our side of a pipeline stream is
        // open) and call its data provider: keep it until on_stream_close.
        if (session_ && nghttp2_session_find_stream(session_, r.stream_id)) {
            s.popped = true;
        } else {
            streams_.erase(it);
        }
        return true;
    }
    return false;
}

bool Session::recv(double timeout, bool read_mode, Response &out) {
    if (take_ready(read_mode, out)) return true;
    if (!connected()) return not_connected();
    if (goaway_received_) {
        fail(static_cast<int>(goaway_code_), goaway_data_);
        close();
        return false;
    }
    if (reading_) return fail(kCoHasBeenBound, "another coroutine is already receiving on this client");
    double limit = timeout != 0 ? timeout : options_.read_timeout;
    double deadline = limit > 0 ? now_seconds() + limit : 0;
    uint64_t gen = generation_;
    reading_ = true;
    for (;;) {
        double wait = limit;
        if (limit > 0) {
            wait = deadline - now_seconds();
            if (wait <= 0) {
                reading_ = false;
                return fail(ETIMEDOUT, host_->strerror(ETIMEDOUT));
            }
        }
        in_io_++;
        ssize_t n = host_->socket_recv(sock_, in_, sizeof(in_), wait);
        int code = n < 0 ? host_->last_error() : 0;
        in_io_--;
        settle();
        if (gen != generation_) return fail(ECONNRESET, host_->strerror(ECONNRESET));
        if (n <= 0) {
            reading_ = false;
            if (n == 0) code = ECONNRESET;  // the peer closed without GOAWAY
            if (code == ETIMEDOUT) return fail(code, host_->strerror(code));
            return fail_io(code);
        }
        ssize_t used = nghttp2_session_mem_recv(session_, reinterpret_cast<const uint8_t *>(in_), static_cast<size_t>(n));
        if (used < 0) {
            reading_ = false;
            fail(kProtocolError, nghttp2_strerror(static_cast<int>(used)));
            close();
            return false;
        }
        // What the input produced: ACKs, WINDOW_UPDATE, DATA the window held back.
        if (!flush()) {
            if (gen == generation_) reading_ = false;
            return false;
        }
        if (take_ready(read_mode, out)) {
            reading_ = false;
            return true;
        }
        if (goaway_received_) {
            reading_ = false;
            fail(static_cast<int>(goaway_code_), goaway_data_);
            close();
            return false;
        }
        if (!nghttp2_session_want_read(session_) && !nghttp2_session_want_write(session_)) {
            reading_ = false;
            fail(kProtocolError, "the HTTP/2 session was terminated");
            close();
            return false;
        }
    }
}

// ---- nghttp2 callbacks --------------------------------------------------------

ssize_t Session::on_send(nghttp2_session *, const uint8_t *data, size_t length, int, void *p) {
    Session *self = self_of(p);
    if (self->pending_.size() >= kPendingLimit) return NGHTTP2_ERR_WOULDBLOCK;
    self->pending_.append(reinterpret_cast<const char *>(data), length);
    return static_cast<ssize_t>(length);
}

int Session::on_frame_recv(nghttp2_session *, const nghttp2_frame *frame, void *p) {
    Session *self = self_of(p);
    if (frame->hd.stream_id > self->last_stream_id_) self->last_stream_id_ = frame->hd.stream_id;
    switch (frame->hd.type) {
    case NGHTTP2_HEADERS:
    case NGHTTP2_DATA: {
        Stream *s = self->find(frame->hd.stream_id);
        if (!s || s->done || s->popped) break;
        if (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) {
            s->done = true;
            self->ready_.push_back({s->id, true});
        } else if (frame->hd.type == NGHTTP2_DATA && frame->hd.length > 0) {
            self->ready_.push_back({s->id, false});
        }
        break;
    }
    case NGHTTP2_GOAWAY:
        self->goaway_received_ = true;
        self->goaway_code_ = frame->goaway.error_code;
        self->goaway_data_.assign(reinterpret_cast<const char *>(frame->goaway.opaque_data), frame->goaway.opaque_data_len);
        self->server_last_stream_id_ = frame->goaway.last_stream_id;
        break;
    default:
        break;
    }
    return 0;
}

int Session::on_header(nghttp2_session *, const nghttp2_frame *frame, const uint8_t *name, size_t namelen,
                       const uint8_t *value, size_t valuelen, uint8_t, void *p) {
    Session *self = self_of(p);
    if (frame->hd.type != NGHTTP2_HEADERS) return 0;
    Stream *s = self->find(frame->hd.stream_id);
    if (!s || s->popped) return 0;
    std::string_view n(reinterpret_cast<const char *>(name), namelen);
    std::string_view v(reinterpret_cast<const char *>(value), valuelen);
    Response &r = s->response;
    if (n == ":status") {
        r.status = std::atoi(std::string(v).c_str());
        return 0;
    }
    if (!n.empty() && n[0] == ':') return 0;
    if (n == "content-encoding" && s->decoder.encoding() == Encoding::none) {
        s->decoder.start(encoding_from_name(v));
    } else if (n == "set-cookie") {
        r.set_cookies.emplace_back(v);
        std::string cname, cvalue;
        if (parse_set_cookie(v, cname, cvalue)) r.cookies.emplace_back(std::move(cname), std::move(cvalue));
    }
    r.headers.emplace_back(n, v);
    return 0;
}

int Session::on_data_chunk(nghttp2_session *session, uint8_t, int32_t stream_id, const uint8_t *data, size_t len,
                           void *p) {
    Session *self = self_of(p);
    Stream *s = self->find(stream_id);
    if (!s || s->popped) return 0;
    std::string_view chunk(reinterpret_cast<const char *>(data), len);
    client::StringSink sink(s->response.body);
    if (s->decoder.encoding() == Encoding::none) {
        s->response.body.append(chunk);
    } else if (!s->decoder.write(chunk, sink)) {
        // A body that does not decode: the stream ends with an error.
        nghttp2_submit_rst_stream(session, NGHTTP2_FLAG_NONE, stream_id, NGHTTP2_INTERNAL_ERROR);
    }
    return 0;
}

int Session::on_stream_close(nghttp2_session *, int32_t stream_id, uint32_t error_code, void *p) {
    Session *self = self_of(p);
    auto it = self->streams_.find(stream_id);
    if (it == self->streams_.end()) return 0;
    Stream &s = *it->second;
    if (s.popped) {
        self->streams_.erase(it);
        return 0;
    }
    // After a GOAWAY the connection fails as a whole (recv() reports it).
    if (s.done || self->goaway_received_) return 0;
    s.done = true;
    if (error_code != NGHTTP2_NO_ERROR) {
        s.response.status = -3;  // 4.8: HTTP_CLIENT_ESTATUS_SERVER_RESET
        s.response.error_code = error_code;
    }
    self->ready_.push_back({stream_id, true});
    return 0;
}

ssize_t Session::read_body(nghttp2_session *, int32_t, uint8_t *buf, size_t length, uint32_t *flags,
                           nghttp2_data_source *source, void *) {
    auto *s = static_cast<Stream *>(source->ptr);
    size_t avail = s->out.size() - s->out_pos;
    if (avail == 0) {
        if (!s->local_ended) return NGHTTP2_ERR_DEFERRED;  // write() resumes it
        *flags |= NGHTTP2_DATA_FLAG_EOF;
        return 0;
    }
    size_t n = avail < length ? avail : length;
    std::memcpy(buf, s->out.data() + s->out_pos, n);
    s->out_pos += n;
    if (s->out_pos == s->out.size()) {
        s->out.clear();
        s->out_pos = 0;
        if (s->local_ended) *flags |= NGHTTP2_DATA_FLAG_EOF;
    }
    return static_cast<ssize_t>(n);
}

}  // namespace swoole::mod::http::h2c
