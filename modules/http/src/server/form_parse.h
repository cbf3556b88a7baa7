// Splitting of query strings, application/x-www-form-urlencoded bodies and
// Cookie headers into decoded (key, value) pairs, as PHP and 4.8 split them.
// The pairs are raw: the caller registers them (PHP's php_register_variable
// gives the bracket syntax "a[b]=1", "a[]=", and '.'/' ' → '_' in names) and
// enforces max_input_vars, by stopping with the sink's return value or with
// FormLimits::max_pairs.
//
// Query / form rules (PHP's default treat_data): pairs are separated by '&'
// (empty pieces skipped); the first '=' splits key from value (no '=' → value
// ""); key and value are url-decoded ('+' → space, %XX, a bad escape kept as
// is). An empty key is passed on (PHP's registration drops it).
//
// Cookie rules (4.8's parser, PHP's cookie treat_data): pieces separated by
// ';' (empty pieces skipped), leading whitespace of a name skipped, a piece
// with an empty name skipped (not counted); the name is kept as sent; the
// value is raw-url-decoded (%XX only, '+' stays). A piece without '=' is a
// name with value "".
//
// Decoding needs no allocation: keys and values are decoded into a scratch
// buffer owned by the caller (FormScratch) and passed as views that are valid
// during the callback only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace swoole::mod::http {

// Returns false to stop the parse (for example at max_input_vars).
using PairSink = bool (*)(void *ctx, std::string_view key, std::string_view value);

struct FormLimits {
    size_t max_pairs = 0;  // 0: no limit; else pairs beyond it are not delivered
};

struct FormResult {
    size_t pairs = 0;        // pairs delivered to the sink
    bool truncated = false;  // stopped by max_pairs or by the sink
};

// Reusable decode buffers (keep one per worker or per request object).
struct FormScratch {
    std::string key;
    std::string value;
};

// In place: '+' → ' ' when plus_is_space, %XX → byte (hex digits of either
// case); a '%' not followed by two hex digits is kept. Returns the new length
// (never longer than the input).
size_t url_decode_in_place(char *data, size_t length, bool plus_is_space = true);
// Decodes into out (replacing its content).
void url_decode(std::string_view in, std::string &out, bool plus_is_space = true);

FormResult parse_urlencoded(std::string_view input, PairSink sink, void *ctx, FormScratch &scratch,
                            const FormLimits &limits = {});
FormResult parse_cookie(std::string_view header_value, PairSink sink, void *ctx, FormScratch &scratch,
                        const FormLimits &limits = {});

// Adapts a callable to PairSink.
template <class F>
bool call_pair_sink(void *ctx, std::string_view key, std::string_view value) {
    F &f = *static_cast<F *>(ctx);
    if constexpr (std::is_void_v<decltype(f(key, value))>) {
        f(key, value);
        return true;
    } else {
        return static_cast<bool>(f(key, value));
    }
}

// Convenience overloads taking any callable bool(std::string_view, std::string_view)
// (or returning void: never stops).
template <class F>
FormResult parse_urlencoded(std::string_view input, F &&f, FormScratch &scratch, const FormLimits &limits = {}) {
    return parse_urlencoded(input, &call_pair_sink<std::remove_reference_t<F>>, const_cast<void *>(static_cast<const void *>(&f)), scratch, limits);
}
template <class F>
FormResult parse_cookie(std::string_view header_value, F &&f, FormScratch &scratch, const FormLimits &limits = {}) {
    return parse_cookie(header_value, &call_pair_sink<std::remove_reference_t<F>>, const_cast<void *>(static_cast<const void *>(&f)), scratch, limits);
}

}  // namespace swoole::mod::http
