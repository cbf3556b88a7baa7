#include "http2/h2_session.h"

#include <nghttp2/nghttp2.h>

#include <algorithm>

namespace swoole::mod::http::h2 {

Field Stream::field(size_t i) const {
    const Span &s = spans_[i];
    std::string_view all(fields_);
    return {all.substr(s.offset, s.name_length), all.substr(s.offset + s.name_length, s.value_length)};
}

void Stream::release_body() {
    if (out_.release) out_.release(out_.owner);
    out_ = BodyRef{};
}

void Stream::reset() {
    id_ = 0;
    answered_ = refused_ = false;
    fields_.clear();
    spans_.clear();
    body_.clear();
    read_at_ = sent_at_ = 0;
    trailer_fields_.clear();
    trailer_spans_.clear();
}

namespace {

Session *self_of(void *user_data) { return static_cast<Session *>(user_data); }

uint8_t *bytes(std::string_view v) { return reinterpret_cast<uint8_t *>(const_cast<char *>(v.data())); }

// nghttp2_nv views over fields (nghttp2 copies them when submitting).
void to_nv(std::span<const Field> fields, std::vector<nghttp2_nv> &out) {
    out.clear();
    for (const Field &f : fields) {
        out.push_back(nghttp2_nv{bytes(f.name), bytes(f.value), f.name.size(), f.value.size(), NGHTTP2_NV_FLAG_NONE});
    }
}

}  // namespace

struct Session::Callbacks {
    static ssize_t send(nghttp2_session *, const uint8_t *data, size_t length, int, void *user) {
        self_of(user)->out_.append(reinterpret_cast<const char *>(data), length);
        return static_cast<ssize_t>(length);
    }

    // DATA straight from the body the response holds (no padding is used).
    static int send_data(nghttp2_session *, nghttp2_frame *, const uint8_t *framehd, size_t length,
                         nghttp2_data_source *source, void *user) {
        auto *s = static_cast<Stream *>(source->ptr);
        std::string &out = self_of(user)->out_;
        out.append(reinterpret_cast<const char *>(framehd), 9);
        out.append(s->out_.data.substr(s->sent_at_, length));
        s->sent_at_ += length;
        return 0;
    }

    static ssize_t read_body(nghttp2_session *ng, int32_t stream_id, uint8_t *, size_t length, uint32_t *flags,
                             nghttp2_data_source *source, void *) {
        auto *s = static_cast<Stream *>(source->ptr);
        size_t n = std::min(length, s->out_.data.size() - s->read_at_);
        s->read_at_ += n;
        *flags |= NGHTTP2_DATA_FLAG_NO_COPY;
        if (s->read_at_ == s->out_.data.size()) {
            *flags |= NGHTTP2_DATA_FLAG_EOF;
            if (!s->trailer_spans_.empty()) {
                *flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
                thread_local std::vector<nghttp2_nv> nv;
                nv.clear();
                std::string_view all(s->trailer_fields_);
                for (const Stream::Span &t : s->trailer_spans_) {
                    nv.push_back(nghttp2_nv{bytes(all.substr(t.offset, t.name_length)),
                                            bytes(all.substr(t.offset + t.name_length, t.value_length)),
                                            t.name_length, t.value_length, NGHTTP2_NV_FLAG_NONE});
                }
                if (nghttp2_submit_trailer(ng, stream_id, nv.data(), nv.size()) != 0) {
                    return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE;
                }
            }
        }
        return static_cast<ssize_t>(n);
    }

    static int begin_headers(nghttp2_session *ng, const nghttp2_frame *frame, void *user) {
        if (frame->hd.type != NGHTTP2_HEADERS || frame->headers.cat != NGHTTP2_HCAT_REQUEST) return 0;
        Stream *s = self_of(user)->acquire(frame->hd.stream_id);
        nghttp2_session_set_stream_user_data(ng, frame->hd.stream_id, s);
        return 0;
    }

    // Request fields and trailer fields alike (nghttp2 has checked both).
    static int header(nghttp2_session *ng, const nghttp2_frame *frame, const uint8_t *name, size_t name_length,
                      const uint8_t *value, size_t value_length, uint8_t, void *user) {
        if (frame->hd.type != NGHTTP2_HEADERS) return 0;
        auto *s = static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng, frame->hd.stream_id));
        if (!s || s->answered_) return 0;
        Session *self = self_of(user);
        // RFC 9113 §6.5.2 counts 32 bytes of overhead per field.
        if (s->fields_.size() + s->spans_.size() * 32 + name_length + value_length + 32 > self->header_limit_) {
            s->answered_ = true;
            return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE;  // RST_STREAM
        }
        s->spans_.push_back(Stream::Span{static_cast<uint32_t>(s->fields_.size()), static_cast<uint32_t>(name_length),
                                         static_cast<uint32_t>(value_length)});
        s->fields_.append(reinterpret_cast<const char *>(name), name_length);
        s->fields_.append(reinterpret_cast<const char *>(value), value_length);
        return 0;
    }

    static int data_chunk(nghttp2_session *ng, uint8_t, int32_t stream_id, const uint8_t *data, size_t length,
                          void *user) {
        auto *s = static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng, stream_id));
        if (!s || s->answered_) return 0;
        Session *self = self_of(user);
        if (s->body_.size() + length > self->settings_.max_body) {
            self->refuse(*s, 413);
            return 0;
        }
        s->body_.append(reinterpret_cast<const char *>(data), length);
        return 0;
    }

    static int frame_recv(nghttp2_session *ng, const nghttp2_frame *frame, void *user) {
        bool ends = (frame->hd.type == NGHTTP2_HEADERS || frame->hd.type == NGHTTP2_DATA) &&
                    (frame->hd.flags & NGHTTP2_FLAG_END_STREAM);
        if (!ends) return 0;
        auto *s = static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng, frame->hd.stream_id));
        Session *self = self_of(user);
        if (s && !s->answered_ && self->ready_) self->ready_->push_back(frame->hd.stream_id);
        return 0;
    }

    // A refused request's answer is out: RST_STREAM(NO_ERROR) tells the
    // client to stop sending the rest (RFC 9113 §8.1).
    static int frame_send(nghttp2_session *ng, const nghttp2_frame *frame, void *) {
        if (frame->hd.type != NGHTTP2_HEADERS || !(frame->hd.flags & NGHTTP2_FLAG_END_STREAM)) return 0;
        auto *s = static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng, frame->hd.stream_id));
        if (s && s->refused_ && !nghttp2_session_get_stream_remote_close(ng, frame->hd.stream_id)) {
            nghttp2_submit_rst_stream(ng, NGHTTP2_FLAG_NONE, frame->hd.stream_id, NGHTTP2_NO_ERROR);
        }
        return 0;
    }

    static int stream_close(nghttp2_session *ng, int32_t stream_id, uint32_t, void *user) {
        auto *s = static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng, stream_id));
        if (s) self_of(user)->release(s);
        return 0;
    }

    static nghttp2_session_callbacks *table() {
        static nghttp2_session_callbacks *cbs = [] {
            nghttp2_session_callbacks *c = nullptr;
            nghttp2_session_callbacks_new(&c);
            nghttp2_session_callbacks_set_send_callback(c, send);
            nghttp2_session_callbacks_set_send_data_callback(c, send_data);
            nghttp2_session_callbacks_set_on_begin_headers_callback(c, begin_headers);
            nghttp2_session_callbacks_set_on_header_callback(c, header);
            nghttp2_session_callbacks_set_on_data_chunk_recv_callback(c, data_chunk);
            nghttp2_session_callbacks_set_on_frame_recv_callback(c, frame_recv);
            nghttp2_session_callbacks_set_on_stream_close_callback(c, stream_close);
            nghttp2_session_callbacks_set_on_frame_send_callback(c, frame_send);
            return c;
        }();
        return cbs;
    }
};

Session::Session(const SessionSettings &settings, Output output, void *ctx)
    : settings_(settings), output_(output), ctx_(ctx) {
    SessionSettings &s = settings_;
    s.max_frame_size = std::clamp<uint32_t>(s.max_frame_size, 16384, (1u << 24) - 1);
    s.init_window_size = std::min<uint32_t>(s.init_window_size, 0x7fffffffu);
    header_limit_ = s.max_header_list_size ? s.max_header_list_size : kDefaultHeaderListLimit;

    nghttp2_option *opt = nullptr;
    nghttp2_option_new(&opt);
    nghttp2_option_set_no_recv_client_magic(opt, 1);  // the reactor checked and consumed it
    if (nghttp2_session_server_new2(&ng_, Callbacks::table(), this, opt) != 0) ng_ = nullptr;
    nghttp2_option_del(opt);
    if (!ng_) {
        finished_ = true;
        return;
    }
    nghttp2_settings_entry iv[5];
    size_t n = 0;
    iv[n++] = {NGHTTP2_SETTINGS_HEADER_TABLE_SIZE, s.header_table_size};
    if (s.max_concurrent_streams) iv[n++] = {NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS, s.max_concurrent_streams};
    iv[n++] = {NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE, s.init_window_size};
    iv[n++] = {NGHTTP2_SETTINGS_MAX_FRAME_SIZE, s.max_frame_size};
    if (s.max_header_list_size) iv[n++] = {NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE, s.max_header_list_size};
    nghttp2_submit_settings(ng_, NGHTTP2_FLAG_NONE, iv, n);
    // The connection window follows the streams' (uploads are not held back).
    if (s.init_window_size > 65535) {
        nghttp2_session_set_local_window_size(ng_, NGHTTP2_FLAG_NONE, 0, static_cast<int32_t>(s.init_window_size));
    }
}

Session::~Session() {
    for (auto &s : streams_) {
        if (s->in_use_) s->release_body();
    }
    if (ng_) nghttp2_session_del(ng_);
}

Stream *Session::acquire(int32_t id) {
    Stream *s;
    if (!free_.empty()) {
        s = free_.back();
        free_.pop_back();
    } else {
        streams_.push_back(std::make_unique<Stream>());
        s = streams_.back().get();
    }
    s->reset();
    s->id_ = id;
    s->in_use_ = true;
    return s;
}

void Session::release(Stream *s) {
    s->release_body();
    s->reset();
    s->in_use_ = false;
    free_.push_back(s);
}

Stream *Session::find(int32_t id) const {
    if (!ng_ || id <= 0) return nullptr;
    return static_cast<Stream *>(nghttp2_session_get_stream_user_data(ng_, id));
}

int32_t Session::last_stream_id() const { return ng_ ? nghttp2_session_get_last_proc_stream_id(ng_) : 0; }

void Session::feed(std::string_view frames, std::vector<int32_t> &ready) {
    if (finished_) return;
    ready_ = &ready;
    ssize_t rv = nghttp2_session_mem_recv(ng_, reinterpret_cast<const uint8_t *>(frames.data()), frames.size());
    ready_ = nullptr;
    if (rv < 0) {
        nghttp2_session_terminate_session(ng_, rv == NGHTTP2_ERR_FLOODED ? NGHTTP2_ENHANCE_YOUR_CALM : NGHTTP2_INTERNAL_ERROR);
    }
    flush();
}

void Session::refuse(Stream &s, int status) {
    s.answered_ = s.refused_ = true;
    char code[4] = {static_cast<char>('0' + status / 100), static_cast<char>('0' + status / 10 % 10),
                    static_cast<char>('0' + status % 10), 0};
    const Field fields[] = {{":status", {code, 3}}, {"content-length", "0"}};
    std::vector<nghttp2_nv> nv;
    to_nv(fields, nv);
    nghttp2_submit_response(ng_, s.id_, nv.data(), nv.size(), nullptr);
}

bool Session::respond(int32_t id, std::span<const Field> fields, BodyRef body, std::span<const Field> trailers,
                      bool head_only) {
    Stream *s = finished_ ? nullptr : find(id);
    if (!s || s->answered_) {
        if (body.release) body.release(body.owner);
        return false;
    }
    s->answered_ = true;
    thread_local std::vector<nghttp2_nv> nv;
    to_nv(fields, nv);
    bool with_data = !head_only && (!body.data.empty() || !trailers.empty());
    int rv;
    if (!with_data) {
        if (body.release) body.release(body.owner);
        rv = nghttp2_submit_response(ng_, id, nv.data(), nv.size(), nullptr);
    } else {
        s->out_ = body;
        s->read_at_ = s->sent_at_ = 0;
        for (const Field &t : trailers) {
            s->trailer_spans_.push_back(Stream::Span{static_cast<uint32_t>(s->trailer_fields_.size()),
                                                     static_cast<uint32_t>(t.name.size()),
                                                     static_cast<uint32_t>(t.value.size())});
            s->trailer_fields_.append(t.name).append(t.value);
        }
        nghttp2_data_provider provider;
        provider.source.ptr = s;
        provider.read_callback = Callbacks::read_body;
        rv = nghttp2_submit_response(ng_, id, nv.data(), nv.size(), &provider);
        if (rv != 0) s->release_body();
    }
    if (rv != 0) return false;
    flush();
    return true;
}

void Session::reset_stream(int32_t id, uint32_t error_code) {
    if (finished_ || !find(id)) return;
    nghttp2_submit_rst_stream(ng_, NGHTTP2_FLAG_NONE, id, error_code);
    flush();
}

bool Session::ping() {
    if (finished_ || nghttp2_submit_ping(ng_, NGHTTP2_FLAG_NONE, nullptr) != 0) return false;
    flush();
    return true;
}

bool Session::goaway(uint32_t error_code, std::string_view debug_data) {
    if (finished_) return false;
    int rv = nghttp2_submit_goaway(ng_, NGHTTP2_FLAG_NONE, nghttp2_session_get_last_proc_stream_id(ng_), error_code,
                                   reinterpret_cast<const uint8_t *>(debug_data.data()), debug_data.size());
    if (rv != 0) return false;
    flush();
    return true;
}

void Session::flush() {
    if (flushing_ || !ng_) return;
    flushing_ = true;
    if (nghttp2_session_send(ng_) != 0) finished_ = true;
    flushing_ = false;
    if (!nghttp2_session_want_read(ng_) && !nghttp2_session_want_write(ng_)) finished_ = true;
    if (!out_.empty()) {
        // The output may be given to a connection that is closing meanwhile;
        // this session is only freed later (see the binding).
        output_(ctx_, out_);
        out_.clear();
    }
}

}  // namespace swoole::mod::http::h2
