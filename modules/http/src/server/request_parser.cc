// llhttp drives the framing; the callbacks only record offsets and lengths.
#include "server/request_parser.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace swoole::mod::http {

namespace {
RequestParser *self_of(llhttp_t *p) { return static_cast<RequestParser *>(p->data); }
}  // namespace

const llhttp_settings_t *RequestParser::settings() {
    static const llhttp_settings_t s = [] {
        llhttp_settings_t t;
        llhttp_settings_init(&t);
        t.on_url = on_url;
        t.on_header_field = on_header_field;
        t.on_header_field_complete = on_header_field_complete;
        t.on_header_value = on_header_value;
        t.on_header_value_complete = on_header_value_complete;
        t.on_headers_complete = on_headers_complete;
        t.on_body = on_body;
        t.on_message_complete = on_message_complete;
        return t;
    }();
    return &s;
}

RequestParser::RequestParser(ParserLimits limits) : limits_(limits) {
    headers_.reserve(16);
    reset();
}

void RequestParser::reset() {
    llhttp_init(&parser_, HTTP_REQUEST, settings());
    parser_.data = this;
    parsed_ = 0;
    headers_.clear();
    chunked_body_.clear();
    message_length_ = head_length_ = body_offset_ = body_length_ = 0;
    url_offset_ = url_length_ = 0;
    error_status_ = 0;
    field_open_ = value_open_ = name_pending_ = headers_done_ = message_done_ = false;
    keep_alive_ = chunked_ = upgrade_ = false;
}

RequestParser::Status RequestParser::fail(int status) {
    error_status_ = status;
    return Status::error;
}

bool RequestParser::over_header_limit(const char *end) const {
    return static_cast<size_t>(end - base_) > limits_.max_header_size;
}

RequestParser::Status RequestParser::feed(std::string_view data) {
    if (error_status_ != 0) return Status::error;
    if (message_done_) return Status::complete;
    base_ = data.data();
    end_ = data.data() + data.size();
    // after the pause at the end of the head, llhttp goes on even without
    // new bytes (a request without a body completes right there)
    for (bool resumed = false;; resumed = true) {
        if (data.size() <= parsed_ && !resumed) return Status::need_more;
        // At most one byte past package_max_length is parsed: whatever follows
        // cannot change the answer (413), so the outcome does not depend on how
        // the bytes were split into reads.
        size_t room = limits_.package_max_length - parsed_;
        size_t n = std::min(data.size() - parsed_, room == SIZE_MAX ? room : room + 1);
        llhttp_errno_t err = llhttp_execute(&parser_, data.data() + parsed_, n);
        if (err == HPE_OK) {
            parsed_ += n;
            if (!headers_done_ && parsed_ > limits_.max_header_size) return fail(400);
            // the server resets a connection buffering more than this: answer first
            if (parsed_ > limits_.package_max_length) return fail(413);
            return Status::need_more;
        }
        const char *pos = llhttp_get_error_pos(&parser_);
        if (err == HPE_PAUSED && headers_done_ && head_length_ == 0) {
            // paused by on_headers_complete: the head ends exactly here
            parsed_ = static_cast<size_t>(pos - base_);
            head_length_ = parsed_;
            if (head_length_ > limits_.max_header_size) return fail(400);
            if (url_length_ == 0) return fail(400);  // "CONNECT \n": llhttp lets an empty target through
            if (head_length_ > limits_.package_max_length) return fail(413);
            if ((parser_.flags & F_CONTENT_LENGTH) &&
                parser_.content_length > limits_.package_max_length - std::min(head_length_, limits_.package_max_length)) {
                return fail(413);
            }
            llhttp_resume(&parser_);
            continue;
        }
        if ((err == HPE_PAUSED || err == HPE_PAUSED_UPGRADE) && message_done_) {
            message_length_ = static_cast<size_t>(pos - base_);
            return Status::complete;
        }
        return fail(error_status_ != 0 ? error_status_ : 400);
    }
}

int RequestParser::on_url(llhttp_t *p, const char *at, size_t n) {
    RequestParser *self = self_of(p);
    if (self->over_header_limit(at + n)) return -1;
    if (self->url_length_ == 0) self->url_offset_ = static_cast<uint32_t>(at - self->base_);
    self->url_length_ += static_cast<uint32_t>(n);
    return 0;
}

int RequestParser::on_header_field(llhttp_t *p, const char *at, size_t n) {
    RequestParser *self = self_of(p);
    if (self->headers_done_) return 0;  // a trailer of a chunked body: not kept
    if (self->over_header_limit(at + n)) return -1;
    if (!self->field_open_) {
        self->headers_.push_back({static_cast<uint32_t>(at - self->base_), 0, 0, 0});
        self->field_open_ = true;
    }
    self->headers_.back().name_length += static_cast<uint32_t>(n);
    return 0;
}

// An empty name (": v") is refused: llhttp reports it as a zero-length
// name, which would have nothing to attach the value to.
int RequestParser::on_header_field_complete(llhttp_t *p) {
    RequestParser *self = self_of(p);
    if (self->headers_done_) return 0;
    if (!self->field_open_ || self->headers_.back().name_length == 0) return -1;
    self->field_open_ = false;
    self->name_pending_ = true;
    return 0;
}

int RequestParser::on_header_value(llhttp_t *p, const char *at, size_t n) {
    RequestParser *self = self_of(p);
    if (self->headers_done_) return 0;
    if (!self->name_pending_ || self->over_header_limit(at + n)) return -1;
    WireHeader &h = self->headers_.back();
    if (!self->value_open_) {
        h.value_offset = static_cast<uint32_t>(at - self->base_);
        self->value_open_ = true;
    }
    h.value_length += static_cast<uint32_t>(n);
    return 0;
}

int RequestParser::on_header_value_complete(llhttp_t *p) {
    RequestParser *self = self_of(p);
    if (self->headers_done_) return 0;
    if (!self->name_pending_) return -1;
    self->value_open_ = self->name_pending_ = false;
    return 0;
}

// Pauses the parser: feed() takes the end of the head from the pause
// position (llhttp reports none here) and checks the limits there.
int RequestParser::on_headers_complete(llhttp_t *p) {
    RequestParser *self = self_of(p);
    self->headers_done_ = true;
    self->method_ = static_cast<uint8_t>(llhttp_get_method(p));
    self->major_ = llhttp_get_http_major(p);
    self->minor_ = llhttp_get_http_minor(p);
    self->chunked_ = (p->flags & F_CHUNKED) != 0;
    self->upgrade_ = llhttp_get_upgrade(p) != 0;
    return HPE_PAUSED;
}

int RequestParser::on_body(llhttp_t *p, const char *at, size_t n) {
    RequestParser *self = self_of(p);
    if (self->chunked_) {
        if (self->head_length_ + self->chunked_body_.size() + n > self->limits_.package_max_length) {
            self->error_status_ = 413;
            return -1;
        }
        self->chunked_body_.append(at, n);
        return 0;
    }
    if (self->body_length_ == 0) self->body_offset_ = static_cast<size_t>(at - self->base_);
    self->body_length_ += n;
    return 0;
}

int RequestParser::on_message_complete(llhttp_t *p) {
    RequestParser *self = self_of(p);
    self->message_done_ = true;
    self->keep_alive_ = llhttp_should_keep_alive(p) != 0;
    return HPE_PAUSED;
}

std::string_view RequestParser::body(std::string_view data) const {
    if (chunked_) return chunked_body_;
    return data.substr(body_offset_, body_length_);
}

void RequestParser::write_wire(std::string_view data, std::string &out) const {
    std::string_view b = body(data);
    WireFixed fixed{};
    fixed.magic = kWireMagic;
    fixed.header_count = static_cast<uint32_t>(headers_.size());
    fixed.head_length = static_cast<uint32_t>(head_length_);
    fixed.body_length = static_cast<uint32_t>(b.size());
    fixed.url_offset = url_offset_;
    fixed.url_length = url_length_;
    fixed.method = method_;
    fixed.version_major = major_;
    fixed.version_minor = minor_;
    fixed.flags = static_cast<uint8_t>((keep_alive_ ? kWireKeepAlive : 0) | (chunked_ ? kWireChunked : 0) |
                                       (upgrade_ ? kWireUpgrade : 0));
    size_t spans = headers_.size() * sizeof(WireHeader);
    out.resize(sizeof fixed + spans + head_length_ + b.size());
    char *w = out.data();
    std::memcpy(w, &fixed, sizeof fixed);
    w += sizeof fixed;
    if (spans) std::memcpy(w, headers_.data(), spans);
    w += spans;
    std::memcpy(w, data.data(), head_length_);
    w += head_length_;
    if (!b.empty()) std::memcpy(w, b.data(), b.size());
}

}  // namespace swoole::mod::http
