#include "form_parse.h"

namespace swoole::mod::http {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

// Calls fn(piece) for each non-empty piece of input between separators.
template <class Fn>
bool for_each_piece(std::string_view input, char separator, Fn &&fn) {
    while (!input.empty()) {
        size_t end = input.find(separator);
        std::string_view piece = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
        if (!piece.empty() && !fn(piece)) {
            return false;
        }
    }
    return true;
}

// Counts one more pair against the limit and delivers it.
bool deliver(FormResult &result, const FormLimits &limits, PairSink sink, void *ctx, std::string_view key,
             std::string_view value) {
    if (limits.max_pairs != 0 && result.pairs >= limits.max_pairs) {
        result.truncated = true;
        return false;
    }
    if (!sink(ctx, key, value)) {
        result.truncated = true;
        return false;
    }
    result.pairs++;
    return true;
}

}  // namespace

size_t url_decode_in_place(char *data, size_t length, bool plus_is_space) {
    size_t out = 0;
    for (size_t i = 0; i < length; i++) {
        char c = data[i];
        if (c == '+' && plus_is_space) {
            c = ' ';
        } else if (c == '%' && i + 2 < length) {
            int hi = hex_value(data[i + 1]), lo = hex_value(data[i + 2]);
            if (hi >= 0 && lo >= 0) {
                c = static_cast<char>(hi * 16 + lo);
                i += 2;
            }
        }
        data[out++] = c;
    }
    return out;
}

void url_decode(std::string_view in, std::string &out, bool plus_is_space) {
    out.assign(in);
    out.resize(url_decode_in_place(out.data(), out.size(), plus_is_space));
}

FormResult parse_urlencoded(std::string_view input, PairSink sink, void *ctx, FormScratch &scratch,
                            const FormLimits &limits) {
    FormResult result;
    for_each_piece(input, '&', [&](std::string_view piece) {
        size_t eq = piece.find('=');
        url_decode(piece.substr(0, eq), scratch.key, true);
        if (eq == std::string_view::npos) {
            scratch.value.clear();
        } else {
            url_decode(piece.substr(eq + 1), scratch.value, true);
        }
        return deliver(result, limits, sink, ctx, scratch.key, scratch.value);
    });
    return result;
}

FormResult parse_cookie(std::string_view header_value, PairSink sink, void *ctx, FormScratch &scratch,
                        const FormLimits &limits) {
    FormResult result;
    for_each_piece(header_value, ';', [&](std::string_view piece) {
        while (!piece.empty() && is_space(piece.front())) {
            piece.remove_prefix(1);
        }
        size_t eq = piece.find('=');
        if (piece.empty() || eq == 0) {
            return true;  // no name: skipped, not counted
        }
        std::string_view name = piece.substr(0, eq);
        if (eq == std::string_view::npos) {
            scratch.value.clear();
        } else {
            url_decode(piece.substr(eq + 1), scratch.value, false);
        }
        return deliver(result, limits, sink, ctx, name, scratch.value);
    });
    return result;
}

}  // namespace swoole::mod::http
