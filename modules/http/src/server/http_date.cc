#include "http_date.h"

#include <strings.h>

#include <cstring>

namespace swoole::mod::http {
namespace {

constexpr char kDays[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr char kMonths[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void put2(char *p, int v) {
    p[0] = static_cast<char>('0' + v / 10 % 10);
    p[1] = static_cast<char>('0' + v % 10);
}

// A small cursor over the value; each reader returns false on a mismatch.
struct Cursor {
    std::string_view s;

    void skip_spaces() {
        while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    }
    bool literal(char c) {
        if (s.empty() || s.front() != c) return false;
        s.remove_prefix(1);
        return true;
    }
    bool number(int min_digits, int max_digits, int &out) {
        int n = 0, v = 0;
        while (n < max_digits && !s.empty() && s.front() >= '0' && s.front() <= '9') {
            v = v * 10 + (s.front() - '0');
            s.remove_prefix(1);
            n++;
        }
        out = v;
        return n >= min_digits;
    }
    bool month(int &out) {
        if (s.size() < 3) return false;
        for (int i = 0; i < 12; i++) {
            if (strncasecmp(s.data(), kMonths[i], 3) == 0) {
                out = i;
                s.remove_prefix(3);
                return true;
            }
        }
        return false;
    }
    bool word() {  // a day name, any length
        size_t n = 0;
        while (n < s.size() && ((s[n] >= 'a' && s[n] <= 'z') || (s[n] >= 'A' && s[n] <= 'Z'))) n++;
        s.remove_prefix(n);
        return n >= 3;
    }
    bool time_of_day(int &h, int &m, int &sec) {
        return number(2, 2, h) && literal(':') && number(2, 2, m) && literal(':') && number(2, 2, sec);
    }
};

}  // namespace

std::string_view format_http_date(time_t t, char *out) {
    struct tm tm;
    gmtime_r(&t, &tm);
    // "Sun, 06 Nov 1994 08:49:37 GMT"
    std::memcpy(out, kDays[tm.tm_wday % 7], 3);
    std::memcpy(out + 3, ", ", 2);
    put2(out + 5, tm.tm_mday);
    out[7] = ' ';
    std::memcpy(out + 8, kMonths[tm.tm_mon % 12], 3);
    out[11] = ' ';
    int year = tm.tm_year + 1900;
    put2(out + 12, year / 100);
    put2(out + 14, year % 100);
    out[16] = ' ';
    put2(out + 17, tm.tm_hour);
    out[19] = ':';
    put2(out + 20, tm.tm_min);
    out[22] = ':';
    put2(out + 23, tm.tm_sec);
    std::memcpy(out + 25, " GMT", 4);
    return std::string_view(out, kHttpDateLength);
}

std::optional<time_t> parse_http_date(std::string_view value) {
    Cursor c{value};
    c.skip_spaces();
    if (!c.word()) {
        return std::nullopt;
    }
    int day = 0, mon = 0, year = 0, h = 0, m = 0, sec = 0;
    if (c.literal(',')) {
        // IMF-fixdate "06 Nov 1994 08:49:37 GMT" or RFC 850 "06-Nov-94 08:49:37 GMT"
        c.skip_spaces();
        if (!c.number(1, 2, day)) return std::nullopt;
        bool dashed = c.literal('-');
        if (!dashed) c.skip_spaces();
        if (!c.month(mon)) return std::nullopt;
        if (dashed ? !c.literal('-') : (c.skip_spaces(), false)) return std::nullopt;
        int digits_before = static_cast<int>(c.s.size());
        if (!c.number(2, 4, year)) return std::nullopt;
        int digits = digits_before - static_cast<int>(c.s.size());
        if (digits == 3) return std::nullopt;
        if (digits == 2) year += year < 70 ? 2000 : 1900;
        c.skip_spaces();
        if (!c.time_of_day(h, m, sec)) return std::nullopt;
        c.skip_spaces();
        if (c.s.size() < 3 || strncasecmp(c.s.data(), "GMT", 3) != 0) return std::nullopt;
        c.s.remove_prefix(3);
    } else {
        // asctime "Sun Nov  6 08:49:37 1994"
        c.skip_spaces();
        if (!c.month(mon)) return std::nullopt;
        c.skip_spaces();
        if (!c.number(1, 2, day)) return std::nullopt;
        c.skip_spaces();
        if (!c.time_of_day(h, m, sec)) return std::nullopt;
        c.skip_spaces();
        if (!c.number(4, 4, year)) return std::nullopt;
    }
    c.skip_spaces();
    if (!c.s.empty() || day < 1 || day > 31 || h > 23 || m > 59 || sec > 60) {
        return std::nullopt;
    }
    struct tm tm {};
    tm.tm_year = year - 1900;
    tm.tm_mon = mon;
    tm.tm_mday = day;
    tm.tm_hour = h;
    tm.tm_min = m;
    tm.tm_sec = sec;
    return timegm(&tm);
}

}  // namespace swoole::mod::http
