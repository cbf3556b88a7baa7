#include "multipart.h"

#include <fcntl.h>
#include <limits.h>
#include <strings.h>
#include <unistd.h>

#include <cerrno>

#include "form_parse.h"

namespace swoole::mod::http {
namespace {

constexpr size_t kMaxBoundary = 200;  // RFC 2046 says 70; be lenient, but bounded

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool ieq(std::string_view a, std::string_view b) { return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0; }

bool contains_icase(std::string_view hay, std::string_view needle) {
    for (size_t i = 0; i + needle.size() <= hay.size(); i++) {
        if (strncasecmp(hay.data() + i, needle.data(), needle.size()) == 0) return true;
    }
    return false;
}

// Splits "a=1; b=\"x;y\"" at ';' outside double quotes.
template <class Fn>
void for_each_param(std::string_view params, Fn &&fn) {
    size_t start = 0;
    bool quoted = false;
    for (size_t i = 0; i <= params.size(); i++) {
        if (i < params.size() && params[i] == '"') quoted = !quoted;
        if (i == params.size() || (params[i] == ';' && !quoted)) {
            fn(params.substr(start, i - start));
            start = i + 1;
        }
    }
}

std::string_view unquote(std::string_view v) {
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') {
        v.remove_prefix(1);
        v.remove_suffix(1);
    }
    return v;
}

}  // namespace

std::string_view multipart_error_text(MultipartError error) {
    switch (error) {
    case MultipartError::none: return "no error";
    case MultipartError::bad_boundary: return "invalid multipart boundary";
    case MultipartError::malformed: return "malformed multipart body";
    case MultipartError::header_too_large: return "multipart part header too large";
    case MultipartError::name_too_long: return "multipart form name or filename too long";
    case MultipartError::too_many_parts: return "too many multipart parts";
    case MultipartError::truncated: return "multipart body ended before its closing boundary";
    }
    return "unknown multipart error";
}

bool MultipartParser::is_multipart(std::string_view content_type) {
    return ieq(trim(content_type.substr(0, content_type.find(';'))), "multipart/form-data");
}

std::string_view MultipartParser::boundary_of(std::string_view content_type) {
    size_t semi = content_type.find(';');
    if (semi == std::string_view::npos) return {};
    std::string_view found;
    for_each_param(content_type.substr(semi + 1), [&](std::string_view param) {
        param = trim(param);
        size_t eq = param.find('=');
        if (eq != std::string_view::npos && ieq(trim(param.substr(0, eq)), "boundary") && found.empty()) {
            found = unquote(trim(param.substr(eq + 1)));
        }
    });
    if (found.empty() || found.size() > kMaxBoundary || found.find_first_of("\r\n") != std::string_view::npos) {
        return {};
    }
    return found;
}

MultipartParser::~MultipartParser() { discard_open_file(); }

bool MultipartParser::fail(MultipartError error) {
    discard_open_file();
    error_ = error;
    state_ = State::failed;
    return false;
}

void MultipartParser::reset() {
    discard_open_file();
    state_ = State::idle;
    error_ = MultipartError::none;
    matched_ = 0;
    after_state_ = 0;
    parts_ = 0;
    kind_ = PartKind::skip;
    header_block_.clear();
    value_.clear();
}

bool MultipartParser::start(std::string_view boundary, const MultipartOptions &options, MultipartSink &sink) {
    reset();
    if (boundary.empty() || boundary.size() > kMaxBoundary || boundary.find_first_of("\r\n") != std::string_view::npos) {
        return fail(MultipartError::bad_boundary);
    }
    options_ = options;
    sink_ = &sink;
    delimiter_.assign("\r\n--").append(boundary);
    // The body may open with the boundary line itself: act as if a CRLF came first.
    matched_ = 2;
    state_ = State::preamble;
    return true;
}

bool MultipartParser::feed(std::string_view data) {
    while (!data.empty()) {
        size_t n = 0;
        switch (state_) {
        case State::idle:
            return false;
        case State::failed:
            return false;
        case State::done:
            return true;  // the epilogue is ignored
        case State::preamble:
        case State::body:
            n = scan_body(data);
            break;
        case State::after_boundary:
            n = consume_after_boundary(data);
            break;
        case State::headers:
            n = consume_headers(data);
            break;
        }
        if (state_ == State::failed) return false;
        data.remove_prefix(n);
    }
    return state_ != State::failed && state_ != State::idle;
}

bool MultipartParser::finish() {
    if (state_ == State::done) return true;
    if (state_ == State::failed || state_ == State::idle) return false;
    if (state_ == State::body && kind_ == PartKind::file) {
        // PHP reports a cut-off upload as partial, without its file.
        discard_open_file();
        UploadedFile file{name_, filename_, type_, {}, kUploadPartial, 0};
        sink_->on_file(file);
    }
    return fail(MultipartError::truncated);
}

// Body bytes up to the next delimiter go to the part; a delimiter split across
// feeds is remembered in matched_. The delimiter's first byte, CR, cannot occur
// again inside it (boundaries hold no CR), so when a remembered partial match
// fails, all of its bytes are body.
size_t MultipartParser::scan_body(std::string_view data) {
    const std::string_view delimiter(delimiter_);
    if (matched_ > 0) {
        size_t need = delimiter.size() - matched_;
        size_t n = std::min(need, data.size());
        if (data.substr(0, n) == delimiter.substr(matched_, n)) {
            if (n < need) {
                matched_ += n;
                return n;
            }
            matched_ = 0;
            on_delimiter();
            return n;
        }
        emit_body(delimiter.substr(0, matched_));
        matched_ = 0;
        return 0;
    }
    size_t pos = data.find(delimiter);
    if (pos != std::string_view::npos) {
        emit_body(data.substr(0, pos));
        on_delimiter();
        return pos + delimiter.size();
    }
    // A proper prefix of the delimiter at the very end: keep it pending.
    size_t from = data.size() >= delimiter.size() ? data.size() - delimiter.size() + 1 : 0;
    for (size_t r = data.find('\r', from); r != std::string_view::npos; r = data.find('\r', r + 1)) {
        std::string_view tail = data.substr(r);
        if (delimiter.starts_with(tail)) {
            emit_body(data.substr(0, r));
            matched_ = tail.size();
            return data.size();
        }
    }
    emit_body(data);
    return data.size();
}

void MultipartParser::on_delimiter() {
    if (state_ == State::body && !end_part()) return;
    state_ = State::after_boundary;
    after_state_ = 0;
}

// After a delimiter: "--" closes the body; else optional blanks then CRLF.
size_t MultipartParser::consume_after_boundary(std::string_view data) {
    enum { kStart, kDash, kPadding, kCr };
    for (size_t i = 0; i < data.size(); i++) {
        char c = data[i];
        switch (after_state_) {
        case kStart:
            if (c == '-') {
                after_state_ = kDash;
            } else if (c == '\r') {
                after_state_ = kCr;
            } else if (c == ' ' || c == '\t') {
                after_state_ = kPadding;
            } else {
                fail(MultipartError::malformed);
                return i;
            }
            break;
        case kDash:
            if (c != '-') {
                fail(MultipartError::malformed);
                return i;
            }
            state_ = State::done;
            return i + 1;
        case kPadding:
            if (c == '\r') {
                after_state_ = kCr;
            } else if (c != ' ' && c != '\t') {
                fail(MultipartError::malformed);
                return i;
            }
            break;
        case kCr:
            if (c != '\n') {
                fail(MultipartError::malformed);
                return i;
            }
            state_ = State::headers;
            header_block_.clear();
            return i + 1;
        }
    }
    return data.size();
}

// Collects a part's header block up to its blank line (an empty block is a
// lone CRLF).
size_t MultipartParser::consume_headers(std::string_view data) {
    const size_t old = header_block_.size();
    const size_t limit = options_.max_header_size + 4;
    size_t take = std::min(data.size(), limit - old);
    header_block_.append(data.substr(0, take));
    size_t end = std::string::npos, block_length = 0;
    if (header_block_.size() >= 2 && header_block_[0] == '\r' && header_block_[1] == '\n') {
        end = 2;
    } else {
        size_t pos = header_block_.find("\r\n\r\n", old >= 3 ? old - 3 : 0);
        if (pos != std::string::npos) {
            end = pos + 4;
            block_length = pos;
        }
    }
    if (end == std::string::npos) {
        if (header_block_.size() >= limit) fail(MultipartError::header_too_large);
        return take;
    }
    if (block_length > options_.max_header_size) {
        fail(MultipartError::header_too_large);
        return take;
    }
    header_block_.resize(block_length);
    if (!parse_part_headers(header_block_) || !begin_part()) return take;
    return end - old;
}

bool MultipartParser::parse_part_headers(std::string_view block) {
    kind_ = PartKind::skip;
    name_.clear();
    filename_.clear();
    type_.clear();
    bool has_name = false, has_filename = false;
    while (!block.empty()) {
        size_t eol = block.find("\r\n");
        std::string_view line = block.substr(0, eol);
        block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 2);
        if (line.empty() || line.front() == ' ' || line.front() == '\t') {
            continue;  // folded continuation lines are not used by form posts: ignored
        }
        size_t colon = line.find(':');
        if (colon == std::string_view::npos) return fail(MultipartError::malformed);
        std::string_view name = trim(line.substr(0, colon));
        std::string_view value = trim(line.substr(colon + 1));
        if (ieq(name, "content-type")) {
            type_.assign(value);
        } else if (ieq(name, "content-disposition")) {
            if (!contains_icase(value, "form-data;") && !contains_icase(value, "attachment;")) {
                has_name = has_filename = false;  // not a form part: skipped
                continue;
            }
            for_each_param(value.substr(value.find(';') + 1), [&](std::string_view param) {
                param = trim(param);
                size_t eq = param.find('=');
                if (eq == 0 || param.empty()) return;
                std::string_view key = trim(param.substr(0, eq));
                std::string_view raw = eq == std::string_view::npos ? std::string_view() : unquote(trim(param.substr(eq + 1)));
                if (ieq(key, "name")) {
                    url_decode(raw, name_, false);
                    has_name = true;
                } else if (ieq(key, "filename")) {
                    url_decode(raw, filename_, false);
                    has_filename = true;
                }
            });
        }
    }
    if (!has_name) return true;  // skipped part
    if (name_.size() >= MultipartOptions::kMaxNameLength || filename_.size() >= MultipartOptions::kMaxNameLength) {
        return fail(MultipartError::name_too_long);
    }
    kind_ = has_filename ? PartKind::file : PartKind::field;
    return true;
}

bool MultipartParser::begin_part() {
    parts_++;
    if (options_.max_parts != 0 && parts_ > options_.max_parts) return fail(MultipartError::too_many_parts);
    state_ = State::body;
    value_.clear();
    file_size_ = 0;
    file_error_ = kUploadOk;
    if (kind_ != PartKind::file) return true;
    if (filename_.empty()) {
        file_error_ = kUploadNoFile;
        return true;
    }
    tmp_path_.assign(options_.upload_tmp_dir);
    if (!tmp_path_.empty() && tmp_path_.back() != '/') tmp_path_ += '/';
    tmp_path_ += "swoole.upfile.XXXXXX";
    if (tmp_path_.size() >= PATH_MAX) {
        tmp_path_.clear();
        file_error_ = kUploadNoTmpDir;
        return true;
    }
    fd_ = mkostemp(tmp_path_.data(), O_CLOEXEC);
    if (fd_ < 0) {
        file_error_ = (errno == ENOENT || errno == ENOTDIR) ? kUploadNoTmpDir : kUploadCantWrite;
        tmp_path_.clear();
    }
    return true;
}

void MultipartParser::emit_body(std::string_view bytes) {
    if (bytes.empty()) return;
    if (state_ != State::body) return;  // preamble
    if (kind_ == PartKind::field) {
        value_.append(bytes);
        return;
    }
    if (kind_ != PartKind::file || fd_ < 0) return;
    if (options_.max_file_size != 0 && file_size_ + bytes.size() > options_.max_file_size) {
        file_error_ = kUploadIniSize;
        discard_open_file();
        return;
    }
    write_file(bytes);
}

void MultipartParser::write_file(std::string_view bytes) {
    while (!bytes.empty()) {
        ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            file_error_ = kUploadCantWrite;
            discard_open_file();
            return;
        }
        bytes.remove_prefix(static_cast<size_t>(n));
        file_size_ += static_cast<uint64_t>(n);
    }
}

void MultipartParser::discard_open_file() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    if (!tmp_path_.empty()) {
        ::unlink(tmp_path_.c_str());
        tmp_path_.clear();
    }
}

bool MultipartParser::end_part() {
    bool go_on = true;
    if (kind_ == PartKind::field) {
        go_on = sink_->on_field(name_, value_);
    } else if (kind_ == PartKind::file) {
        if (fd_ >= 0) {
            int rc = ::close(fd_);
            fd_ = -1;
            if (rc != 0 && errno != EINTR) {
                file_error_ = kUploadCantWrite;
                discard_open_file();
            }
        }
        UploadedFile file{name_, filename_, type_, tmp_path_, file_error_, file_error_ == kUploadOk ? file_size_ : 0};
        go_on = sink_->on_file(file);
        tmp_path_.clear();  // the file is the caller's now
    }
    kind_ = PartKind::skip;
    if (!go_on) return fail(MultipartError::too_many_parts);
    return true;
}

}  // namespace swoole::mod::http
