#include "static_handler.h"

#include <dirent.h>
#include <strings.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <random>

#include "form_parse.h"
#include "http_date.h"
#include "mime.h"

namespace swoole::mod::http {
namespace {

constexpr std::string_view kNotFoundPage =
    "<html>\n<head><title>404 Not Found</title></head>\n<body>\n"
    "<h1>404 Not Found</h1>\n<p>The requested file is not here.</p>\n<hr>swoole-http-server\n</body>\n</html>\n";

struct ByteRange {
    uint64_t first;
    uint64_t last;  // inclusive
};

enum class RangeParse { invalid, unsatisfiable, ok };

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// Digits only; saturates at UINT64_MAX (such an offset is never satisfiable).
bool parse_u64(std::string_view s, uint64_t &out) {
    if (s.empty()) return false;
    uint64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
        unsigned d = static_cast<unsigned>(c - '0');
        v = v > (UINT64_MAX - d) / 10 ? UINT64_MAX : v * 10 + d;
    }
    out = v;
    return true;
}

// Range: bytes=0-9, 20-, -5 (RFC 9110 §14.1.1) against a file of `size` bytes.
RangeParse parse_ranges(std::string_view value, uint64_t size, std::array<ByteRange, StaticHandler::kMaxRanges> &ranges,
                        size_t &count) {
    value = trim(value);
    if (value.size() < 5 || strncasecmp(value.data(), "bytes", 5) != 0) return RangeParse::invalid;
    value = trim(value.substr(5));
    if (value.empty() || value.front() != '=') return RangeParse::invalid;
    value.remove_prefix(1);
    count = 0;
    size_t specs = 0;
    while (!value.empty() || specs == 0) {
        size_t comma = value.find(',');
        std::string_view spec = trim(value.substr(0, comma));
        value = comma == std::string_view::npos ? std::string_view() : value.substr(comma + 1);
        if (spec.empty()) {
            if (comma == std::string_view::npos && specs == 0) return RangeParse::invalid;
            continue;  // empty list elements are allowed
        }
        if (++specs > StaticHandler::kMaxRanges) return RangeParse::invalid;
        size_t dash = spec.find('-');
        if (dash == std::string_view::npos) return RangeParse::invalid;
        std::string_view a = trim(spec.substr(0, dash)), b = trim(spec.substr(dash + 1));
        uint64_t first = 0, last = 0;
        if (a.empty()) {  // suffix: the last b bytes
            if (!parse_u64(b, last)) return RangeParse::invalid;
            if (last == 0 || size == 0) continue;
            ranges[count++] = {last >= size ? 0 : size - last, size - 1};
            continue;
        }
        if (!parse_u64(a, first)) return RangeParse::invalid;
        if (b.empty()) {
            last = UINT64_MAX;
        } else if (!parse_u64(b, last) || last < first) {
            return RangeParse::invalid;
        }
        if (first >= size) continue;
        ranges[count++] = {first, std::min(last, size - 1)};
    }
    return count == 0 ? RangeParse::unsatisfiable : RangeParse::ok;
}

void add_header(std::string &out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

void append_content_range(std::string &out, uint64_t first, uint64_t last, uint64_t size) {
    out.append("bytes ").append(std::to_string(first)).append("-").append(std::to_string(last));
    out.append("/").append(std::to_string(size));
}

void append_text_piece(StaticResult &result, std::string_view bytes) {
    result.pieces.push_back({false, result.text.size(), bytes.size()});
    result.text.append(bytes);
    result.content_length += bytes.size();
}

std::string_view make_boundary(char (&buf)[21]) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    static constexpr char kHex[] = "0123456789abcdef";
    uint64_t a = rng(), b = rng();
    for (int i = 0; i < 16; i++) buf[i] = kHex[(a >> (i * 4)) & 15];
    for (int i = 16; i < 20; i++) buf[i] = kHex[(b >> ((i - 16) * 4)) & 15];
    return std::string_view(buf, 20);
}

void html_escape(std::string &out, std::string_view s) {
    for (char c : s) {
        switch (c) {
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '&': out += "&amp;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
}

void url_encode_path(std::string &out, std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
}

}  // namespace

int StaticResult::http_status() const {
    switch (status) {
    case StaticStatus::pass: return 0;
    case StaticStatus::not_found: return 404;
    case StaticStatus::ok:
    case StaticStatus::listing: return 200;
    case StaticStatus::partial: return 206;
    case StaticStatus::not_modified: return 304;
    case StaticStatus::range_not_satisfiable: return 416;
    }
    return 0;
}

void StaticResult::clear() {
    status = StaticStatus::pass;
    path.clear();
    file_size = 0;
    mtime = 0;
    headers.clear();
    content_length = 0;
    pieces.clear();
    text.clear();
}

StaticHandler::StaticHandler(StaticOptions options) : options_(std::move(options)) {
    std::string &root = options_.document_root;
    while (root.size() > 1 && root.back() == '/') root.pop_back();
    auto &locations = options_.locations;
    locations.erase(std::remove_if(locations.begin(), locations.end(),
                                   [](const std::string &l) { return l.empty() || l.front() != '/'; }),
                    locations.end());
}

bool StaticHandler::in_location(std::string_view path) const {
    return std::any_of(options_.locations.begin(), options_.locations.end(), [path](const std::string &loc) {
        return path.size() >= loc.size() && strncasecmp(path.data(), loc.data(), loc.size()) == 0;
    });
}

// document_root + the decoded, normalised path; false when it leaves the root
// or holds a NUL byte. is_dir_url: the URL ends with '/' (or "." / "..").
bool StaticHandler::resolve(std::string_view raw_path, std::string &out, bool &is_dir_url) const {
    const std::string &root = options_.document_root;
    out.assign(root == "/" ? std::string_view() : std::string_view(root));
    const size_t root_length = out.size();
    // Decode after the root, then rewrite the segments in place behind a write cursor.
    out.append(raw_path);
    size_t decoded = url_decode_in_place(out.data() + root_length, raw_path.size(), false);
    out.resize(root_length + decoded);
    if (out.find('\0', root_length) != std::string::npos) {
        return false;
    }
    std::string_view decoded_path(out.data() + root_length, decoded);
    is_dir_url = decoded_path.ends_with('/') || decoded_path.ends_with("/.") || decoded_path.ends_with("/..");
    size_t read = root_length, write = root_length;
    while (read < out.size()) {
        size_t end = out.find('/', read);
        if (end == std::string::npos) end = out.size();
        std::string_view segment(out.data() + read, end - read);
        read = end + 1;
        if (segment.empty() || segment == ".") continue;
        if (segment == "..") {
            if (write == root_length) return false;  // would climb above document_root
            write = out.rfind('/', write - 1);
            continue;
        }
        out[write++] = '/';
        std::memmove(out.data() + write, segment.data(), segment.size());
        write += segment.size();
    }
    out.resize(write);
    if (out.empty()) out = "/";
    return true;
}

void StaticHandler::not_served(bool located, StaticResult &result) const {
    result.clear();
    if (!located) return;
    result.status = StaticStatus::not_found;
    add_header(result.headers, "Content-Type", "text/html");
    append_text_piece(result, kNotFoundPage);
}

void StaticHandler::handle(const StaticRequest &request, StaticResult &result) const {
    result.clear();
    if (options_.document_root.empty()) return;
    std::string_view url = request.url.substr(0, request.url.find_first_of("?#"));
    if (url.empty() || url.front() != '/') return;
    bool located = false;
    if (!options_.locations.empty()) {
        if (!in_location(url)) return;
        located = true;
    }
    bool dir_url = false;
    struct stat st;
    if (!resolve(url, result.path, dir_url) || stat(result.path.c_str(), &st) != 0) {
        return not_served(located, result);
    }
    if (S_ISDIR(st.st_mode)) {
        if (!serve_directory(st, result)) return not_served(located, result);
        if (result.status == StaticStatus::listing) return;
    } else if (!S_ISREG(st.st_mode) || dir_url) {
        return not_served(located, result);
    }
    result.file_size = static_cast<uint64_t>(st.st_size);
    result.mtime = st.st_mtime;
    serve_file(request, result);
}

// An index file (st and result.path then describe it) or, with autoindex, a listing.
bool StaticHandler::serve_directory(struct stat &st, StaticResult &result) const {
    const size_t dir_length = result.path.size();
    for (const std::string &index : options_.index_files) {
        if (index.empty() || index.find('/') != std::string::npos) continue;
        result.path.resize(dir_length);
        if (result.path.back() != '/') result.path += '/';
        result.path += index;
        if (stat(result.path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) return true;
    }
    result.path.resize(dir_length);
    if (!options_.autoindex) return false;

    DIR *dir = opendir(result.path.c_str());
    if (!dir) return false;
    std::vector<std::string> names;
    while (struct dirent *entry = readdir(dir)) {
        std::string_view name(entry->d_name);
        if (name == ".") continue;
        bool is_dir = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN || entry->d_type == DT_LNK) {
            struct stat child;
            std::string child_path = result.path + "/" + entry->d_name;
            is_dir = stat(child_path.c_str(), &child) == 0 && S_ISDIR(child.st_mode);
        }
        names.emplace_back(name);
        if (is_dir) names.back() += '/';
    }
    closedir(dir);
    std::sort(names.begin(), names.end());

    std::string_view root = options_.document_root == "/" ? std::string_view() : std::string_view(options_.document_root);
    std::string url_path = result.path.substr(root.size());
    if (url_path.empty() || url_path.back() != '/') url_path += '/';
    std::string &html = result.text;
    html = "<html>\n<head><meta charset=\"utf-8\"><title>Index of ";
    html_escape(html, url_path);
    html += "</title></head>\n<body>\n<h1>Index of ";
    html_escape(html, url_path);
    html += "</h1>\n<ul>\n";
    for (const std::string &name : names) {
        if (name == "../" && url_path == "/") continue;
        html += "<li><a href=\"";
        url_encode_path(html, url_path);
        url_encode_path(html, name);
        html += "\">";
        html_escape(html, name);
        html += "</a></li>\n";
    }
    html += "</ul>\n</body>\n</html>\n";
    result.status = StaticStatus::listing;
    add_header(result.headers, "Content-Type", "text/html");
    result.pieces.push_back({false, 0, html.size()});
    result.content_length = html.size();
    return true;
}

void StaticHandler::serve_file(const StaticRequest &request, StaticResult &result) const {
    char date_buf[kHttpDateLength];
    std::string_view last_modified = format_http_date(result.mtime, date_buf);
    std::string_view content_type = mime_type_of(result.path);

    if (!request.if_modified_since.empty()) {
        std::optional<time_t> since = parse_http_date(request.if_modified_since);
        if (since && result.mtime <= *since) {
            result.status = StaticStatus::not_modified;
            add_header(result.headers, "Last-Modified", last_modified);
            return;
        }
    }

    std::array<ByteRange, kMaxRanges> ranges;
    size_t count = 0;
    RangeParse parsed = RangeParse::invalid;
    if (!request.range.empty()) {
        bool if_range_ok = true;
        if (!request.if_range.empty()) {
            std::optional<time_t> date = parse_http_date(request.if_range);
            if_range_ok = date && *date == result.mtime;
        }
        if (if_range_ok) parsed = parse_ranges(request.range, result.file_size, ranges, count);
    }

    if (parsed == RangeParse::unsatisfiable) {
        result.status = StaticStatus::range_not_satisfiable;
        std::string value = "bytes */" + std::to_string(result.file_size);
        add_header(result.headers, "Content-Range", value);
        return;
    }
    if (parsed == RangeParse::invalid) {
        result.status = StaticStatus::ok;
        add_header(result.headers, "Content-Type", content_type);
        add_header(result.headers, "Last-Modified", last_modified);
        add_header(result.headers, "Accept-Ranges", "bytes");
        if (result.file_size > 0) result.pieces.push_back({true, 0, result.file_size});
        result.content_length = result.file_size;
        return;
    }

    result.status = StaticStatus::partial;
    if (count == 1) {
        add_header(result.headers, "Content-Type", content_type);
        add_header(result.headers, "Last-Modified", last_modified);
        add_header(result.headers, "Accept-Ranges", "bytes");
        result.headers += "Content-Range: ";
        append_content_range(result.headers, ranges[0].first, ranges[0].last, result.file_size);
        result.headers += "\r\n";
        uint64_t length = ranges[0].last - ranges[0].first + 1;
        result.pieces.push_back({true, ranges[0].first, length});
        result.content_length = length;
        return;
    }
    char boundary_buf[21];
    std::string_view boundary = make_boundary(boundary_buf);
    result.headers += "Content-Type: multipart/byteranges; boundary=";
    result.headers.append(boundary).append("\r\n");
    add_header(result.headers, "Last-Modified", last_modified);
    add_header(result.headers, "Accept-Ranges", "bytes");
    for (size_t i = 0; i < count; i++) {
        size_t start = result.text.size();
        result.text.append("\r\n--").append(boundary).append("\r\nContent-Type: ").append(content_type);
        result.text.append("\r\nContent-Range: ");
        append_content_range(result.text, ranges[i].first, ranges[i].last, result.file_size);
        result.text.append("\r\n\r\n");
        result.pieces.push_back({false, start, result.text.size() - start});
        result.content_length += result.text.size() - start;
        uint64_t length = ranges[i].last - ranges[i].first + 1;
        result.pieces.push_back({true, ranges[i].first, length});
        result.content_length += length;
    }
    size_t start = result.text.size();
    result.text.append("\r\n--").append(boundary).append("--\r\n");
    result.pieces.push_back({false, start, result.text.size() - start});
    result.content_length += result.text.size() - start;
}

}  // namespace swoole::mod::http
