// Splits an inline command line into words the way redis-server does:
// blanks separate words; "..." takes \n \r \t \b \a \\ \" and \xHH escapes;
// '...' takes \' only; a closing quote must be followed by a blank or the end.
// The words go to a sink, in pieces (a run of plain bytes as one view), so the
// same walk counts words when framing and copies them when encoding.
#pragma once

#include <string_view>

namespace swoole::mod::redis {

// Sink: void begin(); void put(std::string_view piece); void end();
// false: unbalanced quotes (the sink may have seen part of the words).
template <class Sink>
bool split_inline(std::string_view line, Sink &sink) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; };
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    size_t i = 0, n = line.size();
    for (;;) {
        while (i < n && blank(line[i])) ++i;
        if (i == n) return true;
        sink.begin();
        for (;;) {
            size_t run = i;
            while (run < n && !blank(line[run]) && line[run] != '"' && line[run] != '\'') ++run;
            if (run > i) sink.put(line.substr(i, run - i));
            i = run;
            if (i == n || blank(line[i])) break;
            const char quote = line[i++];
            for (;;) {
                if (i == n) return false;  // the quote never closes
                char c = line[i];
                if (c == quote) {
                    ++i;
                    if (i < n && !blank(line[i])) return false;
                    break;
                }
                if (c == '\\' && i + 1 < n) {
                    char e = line[i + 1];
                    if (quote == '"') {
                        int hi = 0, lo = 0;
                        if (e == 'x' && i + 3 < n && (hi = hex(line[i + 2])) >= 0 && (lo = hex(line[i + 3])) >= 0) {
                            const char byte = static_cast<char>(hi * 16 + lo);
                            sink.put({&byte, 1});
                            i += 4;
                            continue;
                        }
                        const char *to = nullptr;
                        switch (e) {
                        case 'n': to = "\n"; break;
                        case 'r': to = "\r"; break;
                        case 't': to = "\t"; break;
                        case 'b': to = "\b"; break;
                        case 'a': to = "\a"; break;
                        default: to = nullptr; break;
                        }
                        sink.put(to ? std::string_view(to, 1) : line.substr(i + 1, 1));
                        i += 2;
                        continue;
                    }
                    if (e == '\'') {  // single quotes only escape themselves
                        sink.put(line.substr(i + 1, 1));
                        i += 2;
                        continue;
                    }
                }
                size_t run = i + 1;
                while (run < n && line[run] != quote && line[run] != '\\') ++run;
                sink.put(line.substr(i, run - i));
                i = run;
            }
            if (i == n || blank(line[i])) break;
        }
        sink.end();
    }
}

}  // namespace swoole::mod::redis
