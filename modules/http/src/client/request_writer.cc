#include "client/request_writer.h"

#include <random>

namespace swoole::mod::http::client {

namespace {

// Bodies up to this size go into the head's buffer (one send); larger
// ones are sent from the caller's memory as they are.
constexpr size_t kInlineBody = 16384;

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); i++) {
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

bool has_crlf(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

void add_header(std::string &out, std::string_view name, std::string_view value) {
    out.append(name);
    out.append(": ");
    out.append(value);
    out.append("\r\n");
}

// A quoted-string parameter of Content-Disposition; '"' and CR/LF are
// percent-encoded as browsers do.
void append_quoted(std::string &out, std::string_view s) {
    for (char c : s) {
        if (c == '"') {
            out.append("%22");
        } else if (c == '\r') {
            out.append("%0D");
        } else if (c == '\n') {
            out.append("%0A");
        } else {
            out.push_back(c);
        }
    }
}

// Collects the body: bytes into the buffer, each run of buffer bytes and
// each view/file as a segment. With measure set it only counts.
struct BodyOut {
    OutgoingRequest &out;
    bool measure;
    uint64_t total = 0;
    size_t run_from;  // start of the current run of buffer bytes

    BodyOut(OutgoingRequest &o, bool m) : out(o), measure(m), run_from(o.buffer.size()) {}
    BodyOut &put(std::string_view s) {
        total += s.size();
        if (!measure) out.buffer.append(s);
        return *this;
    }
    BodyOut &quoted(std::string_view s) {
        if (measure) {
            std::string tmp;
            append_quoted(tmp, s);
            total += tmp.size();
        } else {
            size_t before = out.buffer.size();
            append_quoted(out.buffer, s);
            total += out.buffer.size() - before;
        }
        return *this;
    }
    void close_run() {
        if (!measure && out.buffer.size() > run_from) {
            out.segments.push_back(Segment{Segment::Kind::buffer, run_from, out.buffer.size() - run_from});
        }
        run_from = out.buffer.size();
    }
    void external(Segment s, uint64_t length) {
        close_run();
        total += length;
        if (!measure) out.segments.push_back(s);
    }
};

// The multipart body: text fields, then the parts, then the closing line.
void write_multipart(const RequestSpec &spec, BodyOut &o) {
    for (const HeaderField &f : spec.form) {
        o.put("--").put(spec.boundary).put("\r\nContent-Disposition: form-data; name=\"").quoted(f.name);
        o.put("\"\r\n\r\n").put(f.value).put("\r\n");
    }
    for (const UploadPart &p : spec.uploads) {
        o.put("--").put(spec.boundary).put("\r\nContent-Disposition: form-data; name=\"").quoted(p.name);
        o.put("\"; filename=\"").quoted(p.filename).put("\"\r\nContent-Type: ");
        o.put(has_crlf(p.type) || p.type.empty() ? std::string_view("application/octet-stream") : p.type);
        o.put("\r\n\r\n");
        if (p.from_file()) {
            o.external(Segment{Segment::Kind::file, 0, 0, {}, &p}, p.length);
        } else if (p.content.size() > kInlineBody) {
            o.external(Segment{Segment::Kind::view, 0, p.content.size(), p.content}, p.content.size());
        } else {
            o.put(p.content);
        }
        o.put("\r\n");
    }
    o.put("--").put(spec.boundary).put("--\r\n");
    o.close_run();
}

}  // namespace

void write_request(const RequestSpec &spec, OutgoingRequest &out) {
    out.clear();
    out.keep_alive = spec.keep_alive;
    out.head_method = iequals(spec.method, "HEAD");
    std::string &b = out.buffer;
    b.append(spec.method).append(" ").append(spec.target).append(" HTTP/1.1\r\n");

    // Host first (RFC 7230 5.4), the user's if given.
    std::string_view host = spec.host;
    bool user_length = false, user_connection = false, user_encoding = false, user_type = false;
    for (const HeaderField &h : spec.headers) {
        if (h.name.empty() || has_crlf(h.name) || has_crlf(h.value)) continue;
        if (iequals(h.name, "host")) host = h.value;
    }
    add_header(b, "Host", host);
    for (const HeaderField &h : spec.headers) {
        if (h.name.empty() || has_crlf(h.name) || has_crlf(h.value)) continue;
        if (iequals(h.name, "host")) continue;
        if (iequals(h.name, "content-length")) {
            user_length = true;
            continue;
        }
        if (iequals(h.name, "content-type")) {
            if (spec.body_kind == BodyKind::multipart) continue;  // ours carries the boundary
            user_type = true;
        } else if (iequals(h.name, "connection")) {
            user_connection = true;
            if (iequals(h.value, "close")) out.keep_alive = false;
        } else if (iequals(h.name, "accept-encoding")) {
            user_encoding = true;
        }
        add_header(b, h.name, h.value);
    }
    if (!spec.proxy_authorization.empty()) add_header(b, "Proxy-Authorization", spec.proxy_authorization);
    if (!spec.authorization.empty()) add_header(b, "Authorization", spec.authorization);
    if (!user_connection) add_header(b, "Connection", spec.keep_alive ? "keep-alive" : "closed");
    if (!user_encoding && spec.compression) add_header(b, "Accept-Encoding", "gzip, deflate, br");

    bool first_cookie = true;
    for (const HeaderField &c : spec.cookies) {
        if (c.value.empty() || c.name.empty() || has_crlf(c.name)) continue;
        b.append(first_cookie ? "Cookie: " : "; ");
        b.append(c.name).append("=");
        url_encode(c.value, b);
        first_cookie = false;
    }
    if (!first_cookie) b.append("\r\n");

    switch (spec.body_kind) {
    case BodyKind::none:
        if (user_length) add_header(b, "Content-Length", "0");
        b.append("\r\n");
        out.head_length = b.size();
        break;
    case BodyKind::raw:
    case BodyKind::urlencoded:
        if (spec.body_kind == BodyKind::urlencoded && !user_type) {
            add_header(b, "Content-Type", "application/x-www-form-urlencoded");
        }
        add_header(b, "Content-Length", std::to_string(spec.body.size()));
        b.append("\r\n");
        out.head_length = b.size();
        out.content_length = spec.body.size();
        if (spec.body.size() <= kInlineBody) {
            b.append(spec.body);
        } else {
            out.segments.push_back(Segment{Segment::Kind::view, 0, spec.body.size(), spec.body});
        }
        break;
    case BodyKind::multipart: {
        b.append("Content-Type: multipart/form-data; boundary=").append(spec.boundary).append("\r\n");
        BodyOut measure(out, true);
        write_multipart(spec, measure);
        out.content_length = measure.total;
        add_header(b, "Content-Length", std::to_string(out.content_length));
        b.append("\r\n");
        out.head_length = b.size();
        BodyOut body(out, false);
        body.run_from = 0;  // the head and the first glue go out together
        write_multipart(spec, body);
        return;
    }
    }
    // Head and inline body in one segment, then a large body as a view.
    out.segments.insert(out.segments.begin(), Segment{Segment::Kind::buffer, 0, b.size()});
}

void url_encode(std::string_view in, std::string &out) {
    static const char hex[] = "0123456789ABCDEF";
    for (unsigned char c : in) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.') {
            out.push_back(static_cast<char>(c));
        } else if (c == ' ') {
            out.push_back('+');
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
}

std::string url_decode(std::string_view in) {
    auto hexval = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        c = lower(c);
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    };
    std::string out;
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); i++) {
        char c = in[i];
        if (c == '+') {
            out.push_back(' ');
        } else if (c == '%' && i + 2 < in.size() && hexval(in[i + 1]) >= 0 && hexval(in[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hexval(in[i + 1]) * 16 + hexval(in[i + 2])));
            i += 2;
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::string make_boundary() {
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::string b = "------SwooleBoundary";
    std::uniform_int_distribution<size_t> pick(0, sizeof(alphabet) - 2);
    for (int i = 0; i < 16; i++) b.push_back(alphabet[pick(rng)]);
    return b;
}

std::string base64_encode(std::string_view in) {
    static const char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((in.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        uint32_t v = (uint8_t(in[i]) << 16) | (uint8_t(in[i + 1]) << 8) | uint8_t(in[i + 2]);
        out.push_back(table[v >> 18]);
        out.push_back(table[(v >> 12) & 63]);
        out.push_back(table[(v >> 6) & 63]);
        out.push_back(table[v & 63]);
    }
    if (i < in.size()) {
        uint32_t v = uint8_t(in[i]) << 16;
        if (i + 1 < in.size()) v |= uint8_t(in[i + 1]) << 8;
        out.push_back(table[v >> 18]);
        out.push_back(table[(v >> 12) & 63]);
        out.push_back(i + 1 < in.size() ? table[(v >> 6) & 63] : '=');
        out.push_back('=');
    }
    return out;
}

std::string basic_authorization(std::string_view user, std::string_view password) {
    std::string credentials;
    credentials.reserve(user.size() + 1 + password.size());
    credentials.append(user).append(":").append(password);
    return "Basic " + base64_encode(credentials);
}

}  // namespace swoole::mod::http::client
