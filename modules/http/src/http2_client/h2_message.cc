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

}  // namespace swoole::mod::http::h2c
