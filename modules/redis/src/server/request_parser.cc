#include "server/request_parser.h"

#include <cstring>

#include "server/inline_split.h"

namespace swoole::mod::redis {

namespace {

// Digits with an optional '-', at most 18 of them (so no overflow).
bool parse_int(std::string_view text, int64_t &value) {
    bool negative = !text.empty() && text[0] == '-';
    if (negative) text.remove_prefix(1);
    if (text.empty() || text.size() > 18) return false;
    int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    value = negative ? -v : v;
    return true;
}

enum class Line { found, need_more, too_long, bad_end };

// The "\r\n"-terminated line starting at `start`: `end` is the offset of its
// '\r'. `scanned` remembers how far a fruitless search got.
Line find_line(std::string_view in, size_t start, size_t &scanned, size_t &end) {
    size_t from = scanned > start ? scanned : start;
    const void *cr = from < in.size() ? std::memchr(in.data() + from, '\r', in.size() - from) : nullptr;
    if (!cr) {
        scanned = in.size();
        return in.size() - start > kMaxInlineLength ? Line::too_long : Line::need_more;
    }
    end = static_cast<size_t>(static_cast<const char *>(cr) - in.data());
    // The same verdict however the bytes were cut into reads.
    if (end - start > kMaxInlineLength) return Line::too_long;
    if (end + 1 >= in.size()) {
        scanned = end;
        return Line::need_more;
    }
    if (in[end + 1] != '\n') return Line::bad_end;
    scanned = 0;
    return Line::found;
}

ParseStatus fail(ParsedRequest &out, ParseError error) {
    out.error = error;
    return ParseStatus::error;
}

// Counts the words of an inline line and notes the first one's length.
struct CountingSink {
    uint32_t words = 0;
    size_t first_length = 0;
    size_t current = 0;
    void begin() { current = 0; }
    void put(std::string_view piece) { current += piece.size(); }
    void end() {
        if (words++ == 0) first_length = current;
    }
};

// Copies the first word's leading bytes (for the too-long warning).
struct FirstWordSink {
    ParsedRequest &out;
    bool first = true;
    void begin() {}
    void put(std::string_view piece) {
        for (char c : piece) {
            if (first && out.name_head_length < sizeof out.name_head) out.name_head[out.name_head_length++] = c;
        }
    }
    void end() { first = false; }
};

ParseStatus parse_inline(std::string_view in, ParseState &state, ParsedRequest &out) {
    size_t from = state.scanned;
    const void *nl = from < in.size() ? std::memchr(in.data() + from, '\n', in.size() - from) : nullptr;
    if (!nl) {
        state.scanned = in.size();
        return in.size() > kMaxInlineLength ? fail(out, ParseError::line_too_long) : ParseStatus::need_more;
    }
    size_t end = static_cast<size_t>(static_cast<const char *>(nl) - in.data());
    if (end > kMaxInlineLength) return fail(out, ParseError::line_too_long);
    std::string_view line = in.substr(0, end);
    CountingSink count;
    if (!split_inline(line, count)) return fail(out, ParseError::unbalanced_quotes);
    if (count.words > 0 && count.first_length >= kMaxCommandNameLength) {
        FirstWordSink head{out};
        split_inline(line, head);
        out.name_length = count.first_length;
        return fail(out, ParseError::command_too_long);
    }
    out.size = end + 1;
    out.argc = count.words;
    out.inline_form = true;
    return ParseStatus::complete;
}

ParseStatus parse_multibulk(std::string_view in, ParseState &state, ParsedRequest &out) {
    if (!state.header) {
        size_t end = 0;
        switch (find_line(in, 1, state.scanned, end)) {
        case Line::need_more: return ParseStatus::need_more;
        case Line::too_long: return fail(out, ParseError::line_too_long);
        case Line::bad_end: return fail(out, ParseError::bad_multibulk_length);
        case Line::found: break;
        }
        int64_t argc = 0;
        if (!parse_int(in.substr(1, end - 1), argc) || argc > kMaxRequestArgs) {
            return fail(out, ParseError::bad_multibulk_length);
        }
        if (argc <= 0) {  // "*0" / "*-1": nothing to run (redis-server skips it too)
            out.size = end + 2;
            out.argc = 0;
            return ParseStatus::complete;
        }
        state.header = true;
        state.argc = static_cast<uint32_t>(argc);
        state.next = end + 2;
    }
    while (state.done < state.argc) {
        const size_t start = state.next;
        if (start >= in.size()) return ParseStatus::need_more;
        if (in[start] != '$') return fail(out, ParseError::expected_dollar);
        size_t end = 0;
        switch (find_line(in, start + 1, state.scanned, end)) {
        case Line::need_more: return ParseStatus::need_more;
        case Line::too_long: return fail(out, ParseError::line_too_long);
        case Line::bad_end: return fail(out, ParseError::bad_bulk_length);
        case Line::found: break;
        }
        int64_t length = 0;
        if (!parse_int(in.substr(start + 1, end - start - 1), length) || length < 0 || length > kMaxBulkLength) {
            return fail(out, ParseError::bad_bulk_length);
        }
        const size_t body = end + 2;
        if (state.done == 0 && static_cast<size_t>(length) >= kMaxCommandNameLength) {
            size_t have = in.size() > body ? in.size() - body : 0;
            out.name_head_length = have < sizeof out.name_head ? have : sizeof out.name_head;
            if (out.name_head_length) std::memcpy(out.name_head, in.data() + body, out.name_head_length);
            out.name_length = static_cast<size_t>(length);
            return fail(out, ParseError::command_too_long);
        }
        const size_t after = body + static_cast<size_t>(length) + 2;
        if (after > in.size()) return ParseStatus::need_more;
        if (in[after - 2] != '\r' || in[after - 1] != '\n') return fail(out, ParseError::missing_crlf);
        state.next = after;
        ++state.done;
    }
    out.size = state.next;
    out.argc = state.argc;
    return ParseStatus::complete;
}

}  // namespace

std::string_view parse_error_text(ParseError error) {
    switch (error) {
    case ParseError::none: return "no error";
    case ParseError::bad_multibulk_length: return "invalid multibulk length";
    case ParseError::expected_dollar: return "expected '$'";
    case ParseError::bad_bulk_length: return "invalid bulk length";
    case ParseError::missing_crlf: return "bulk string not terminated by CRLF";
    case ParseError::line_too_long: return "too big request line";
    case ParseError::unbalanced_quotes: return "unbalanced quotes in request";
    case ParseError::command_too_long: return "command name too long";
    }
    return "unknown error";
}

ParseStatus parse_request(std::string_view input, ParseState &state, ParsedRequest &out) {
    out = ParsedRequest{};
    if (input.empty()) return ParseStatus::need_more;
    return input[0] == '*' ? parse_multibulk(input, state, out) : parse_inline(input, state, out);
}

}  // namespace swoole::mod::redis
