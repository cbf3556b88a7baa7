#include "http2_client/h2_message.h"

#include <cstring>

namespace swoole::mod::http::h2c {

std::string default_authority(std::string_view host, int port, bool tls) {
    std::string out(host);
    if (port != (tls ? 443 : 80)) {
        out += ':';
        out += std::to_string(port);
    }
    return out;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

void url_decode_into(std::string &out, std::string_view in) {
    out.clear();
    out.reserve(in.size());
    for (size_t i = 0; i < in.size(); i++) {
        char c = in[i];
        if (c == '%' && i + 2 < in.size()) {
            int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += c == '+' ? ' ' : c;
    }
}

}  // namespace

bool parse_set_cookie(std::string_view header, std::string &name, std::string &value) {
    std::string_view pair = header.substr(0, header.find(';'));
    size_t eq = pair.find('=');
    if (eq == std::string_view::npos) return false;
    std::string_view n = trim(pair.substr(0, eq));
    if (n.empty()) return false;
    name.assign(n);
    url_decode_into(value, trim(pair.substr(eq + 1)));
    return true;
}

void url_encode_append(std::string &out, std::string_view in) {
    static const char digits[] = "0123456789ABCDEF";
    for (unsigned char c : in) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
}

BodyDecoder::Kind BodyDecoder::kind_of(std::string_view encoding) {
    auto equals = [](std::string_view a, std::string_view b) {
        if (a.size() != b.size()) return false;
        for (size_t i = 0; i < a.size(); i++) {
            char c = a[i];
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            if (c != b[i]) return false;
        }
        return true;
    };
    encoding = trim(encoding);
    if (equals(encoding, "gzip") || equals(encoding, "x-gzip")) return Kind::gzip;
    if (equals(encoding, "deflate")) return Kind::deflate;
    return Kind::none;
}

BodyDecoder::~BodyDecoder() {
    if (inited_) inflateEnd(&z_);
}

bool BodyDecoder::init(int window_bits) {
    if (inited_) inflateEnd(&z_);
    std::memset(&z_, 0, sizeof(z_));
    inited_ = inflateInit2(&z_, window_bits) == Z_OK;
    return inited_;
}

bool BodyDecoder::start(Kind kind) {
    kind_ = kind;
    finished_ = false;
    head_.clear();
    if (kind == Kind::none) return true;
    if (kind == Kind::deflate) {
        // zlib-wrapped or raw: told apart by the first two bytes.
        decided_ = false;
        return true;
    }
    decided_ = true;
    return init(16 + MAX_WBITS);  // the gzip wrapper
}

bool BodyDecoder::feed(std::string_view in, std::string &out) {
    if (!decided_) {
        head_.append(in);
        if (head_.size() < 2) return true;
        auto b0 = static_cast<unsigned char>(head_[0]), b1 = static_cast<unsigned char>(head_[1]);
        bool zlib_header = (b0 & 0x0f) == Z_DEFLATED && (b0 * 256 + b1) % 31 == 0;
        if (!init(zlib_header ? MAX_WBITS : -MAX_WBITS)) return false;
        decided_ = true;
        std::string first;
        first.swap(head_);
        return inflate_into(first, out);
    }
    return inflate_into(in, out);
}

bool BodyDecoder::inflate_into(std::string_view in, std::string &out) {
    if (!inited_) return false;
    if (finished_) return in.empty();
    z_.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.data()));
    z_.avail_in = static_cast<uInt>(in.size());
    while (z_.avail_in > 0) {
        size_t used = out.size();
        out.resize(used + 16384);
        z_.next_out = reinterpret_cast<Bytef *>(out.data() + used);
        z_.avail_out = 16384;
        int rc = inflate(&z_, Z_SYNC_FLUSH);
        out.resize(used + (16384 - z_.avail_out));
        if (rc == Z_STREAM_END) {
            finished_ = true;
            return z_.avail_in == 0;  // bytes after the end: not this encoding
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) return false;
        if (rc == Z_BUF_ERROR && z_.avail_out != 0) break;  // needs more input
    }
    return true;
}

}  // namespace swoole::mod::http::h2c
