#include "client/response_parser.h"

#include <cstring>

namespace swoole::mod::http::client {

namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

}  // namespace

ResponseParser::ResponseParser() {
    llhttp_settings_init(&settings_);
    settings_.on_message_begin = on_message_begin;
    settings_.on_header_field = on_header_field;
    settings_.on_header_value = on_header_value;
    settings_.on_header_value_complete = on_header_value_complete;
    settings_.on_headers_complete = on_headers_complete;
    settings_.on_body = on_body;
    settings_.on_message_complete = on_message_complete;
    reset(Options{}, nullptr);
}

void ResponseParser::reset(const Options &options, BodySink *sink) {
    llhttp_init(&parser_, HTTP_RESPONSE, &settings_);
    parser_.data = this;
    options_ = options;
    sink_ = sink;
    decoder_.start(Encoding::none);
    names_.clear();
    spans_.clear();
    view_.clear();
    set_cookies_.clear();
    head_size_ = 0;
    in_value_ = false;
    headers_done_ = false;
    status_ = 0;
    keep_alive_ = false;
    upgrade_ = false;
    complete_ = false;
    started_ = false;
    sink_failed_ = false;
    failed_ = false;
    error_ = {};
}

ResponseParser::Result ResponseParser::fail(std::string_view why) {
    failed_ = true;
    if (error_.empty()) error_ = why;
    return Result::error;
}

bool ResponseParser::grow_head(size_t n) {
    head_size_ += n;
    if (head_size_ <= options_.max_head_size) return true;
    error_ = "response head too large";
    return false;
}

int ResponseParser::on_message_begin(llhttp_t *p) {
    ResponseParser &r = self(p);
    r.started_ = true;
    // A new head (after a skipped 1xx): forget the interim one.
    r.names_.clear();
    r.spans_.clear();
    r.view_.clear();
    r.set_cookies_.clear();
    r.in_value_ = false;
    r.headers_done_ = false;
    return 0;
}

int ResponseParser::on_header_field(llhttp_t *p, const char *at, size_t n) {
    ResponseParser &r = self(p);
    if (!r.grow_head(n)) return -1;
    if (r.headers_done_) return 0;  // trailers of a chunked body are not kept
    if (r.in_value_ || r.spans_.empty() || r.spans_.back().value_len != UINT32_MAX) {
        // The first piece of a new name.
        r.spans_.push_back(Span{static_cast<uint32_t>(r.names_.size()), 0, 0, UINT32_MAX});
        r.in_value_ = false;
    }
    size_t from = r.names_.size();
    r.names_.append(at, n);
    if (r.options_.lowercase_header) {
        for (size_t i = from; i < r.names_.size(); i++) r.names_[i] = lower(r.names_[i]);
    }
    r.spans_.back().name_len += static_cast<uint32_t>(n);
    return 0;
}

int ResponseParser::on_header_value(llhttp_t *p, const char *at, size_t n) {
    ResponseParser &r = self(p);
    if (!r.grow_head(n)) return -1;
    if (r.headers_done_) return 0;
    if (r.spans_.empty()) return -1;
    Span &s = r.spans_.back();
    if (!r.in_value_) {
        s.value_at = static_cast<uint32_t>(r.names_.size());
        s.value_len = 0;
        r.in_value_ = true;
    }
    r.names_.append(at, n);
    s.value_len += static_cast<uint32_t>(n);
    return 0;
}

int ResponseParser::on_header_value_complete(llhttp_t *p) {
    ResponseParser &r = self(p);
    if (r.headers_done_) return 0;
    if (!r.spans_.empty() && !r.in_value_) {
        // An empty value gets no on_header_value call.
        Span &s = r.spans_.back();
        s.value_at = static_cast<uint32_t>(r.names_.size());
        s.value_len = 0;
    }
    r.in_value_ = true;
    return 0;
}

void ResponseParser::build_views() {
    view_.clear();
    set_cookies_.clear();
    for (const Span &s : spans_) {
        if (s.value_len == UINT32_MAX) continue;  // a name without a value: llhttp refuses it anyway
        Header h{std::string_view(names_).substr(s.name_at, s.name_len),
                 std::string_view(names_).substr(s.value_at, s.value_len)};
        view_.push_back(h);
        if (iequals(h.name, "set-cookie")) set_cookies_.push_back(h.value);
    }
}

std::string_view ResponseParser::header(std::string_view name) const {
    std::string_view found;
    for (const Header &h : view_) {
        if (iequals(h.name, name)) found = h.value;
    }
    return found;
}

int ResponseParser::on_headers_complete(llhttp_t *p) {
    ResponseParser &r = self(p);
    r.status_ = p->status_code;
    r.headers_done_ = true;  // the views below stay valid: nothing more is appended
    r.build_views();
    if (r.status_ >= 100 && r.status_ < 200 && r.status_ != 101) return 0;  // interim: no body
    if (r.options_.decompress) {
        std::string_view coding = trim(r.header("content-encoding"));
        r.decoder_.start(coding.empty() ? Encoding::none : encoding_from_name(coding));
    }
    if (r.status_ == 101) {
        r.upgrade_ = true;
        return 2;  // no body; llhttp stops with HPE_PAUSED_UPGRADE
    }
    if (r.options_.head_request) return 1;
    return 0;
}

int ResponseParser::on_body(llhttp_t *p, const char *at, size_t n) {
    ResponseParser &r = self(p);
    if (!r.sink_) return 0;
    if (r.decoder_.write({at, n}, *r.sink_)) return 0;
    if (r.decoder_.sink_failed()) {
        r.sink_failed_ = true;
        r.error_ = "cannot store the response body";
    } else {
        r.error_ = "body decompression failed";
    }
    return -1;
}

int ResponseParser::on_message_complete(llhttp_t *p) {
    ResponseParser &r = self(p);
    if (r.status_ >= 100 && r.status_ < 200 && r.status_ != 101) {
        r.status_ = 0;  // 100 Continue and friends: the real response follows
        return 0;
    }
    r.complete_ = true;
    r.keep_alive_ = llhttp_should_keep_alive(p) != 0 && !r.upgrade_;
    return HPE_PAUSED;  // stop here: what follows is not this response's
}

ResponseParser::Result ResponseParser::feed(const char *data, size_t length, size_t *used) {
    if (failed_) return Result::error;
    if (complete_) {
        if (used) *used = 0;
        return Result::done;
    }
    llhttp_errno_t rc = llhttp_execute(&parser_, data, length);
    if (rc == HPE_OK) {
        if (used) *used = length;
        return Result::more;
    }
    if ((rc == HPE_PAUSED || rc == HPE_PAUSED_UPGRADE) && (complete_ || upgrade_)) {
        complete_ = true;
        if (used) {
            const char *pos = llhttp_get_error_pos(&parser_);
            *used = pos && pos >= data && pos <= data + length ? static_cast<size_t>(pos - data) : length;
        }
        return Result::done;
    }
    const char *reason = llhttp_get_error_reason(&parser_);
    return fail(error_.empty() ? std::string_view(reason ? reason : "invalid response") : error_);
}

ResponseParser::Result ResponseParser::finish() {
    if (failed_) return Result::error;
    if (complete_) return Result::done;
    if (!started_) return fail("connection closed before the response");
    if (llhttp_message_needs_eof(&parser_)) {
        llhttp_finish(&parser_);
        if (complete_) {
            keep_alive_ = false;
            return Result::done;
        }
    }
    return fail("connection closed before the end of the response");
}

CookiePair parse_set_cookie(std::string_view header) {
    std::string_view pair = header.substr(0, header.find(';'));
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return {{}, trim(pair)};
    return {trim(pair.substr(0, eq)), trim(pair.substr(eq + 1))};
}

}  // namespace swoole::mod::http::client
