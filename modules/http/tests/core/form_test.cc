#include "server/form_parse.h"
#include "server/http_date.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

using namespace swoole::mod::http;

namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

Pairs form(std::string_view input, FormLimits limits = {}, FormResult *result_out = nullptr) {
    Pairs pairs;
    FormScratch scratch;
    FormResult r = parse_urlencoded(
        input, [&](std::string_view k, std::string_view v) { pairs.emplace_back(k, v); }, scratch, limits);
    EXPECT_EQ(r.pairs, pairs.size());
    if (result_out) *result_out = r;
    return pairs;
}

Pairs cookies(std::string_view input, FormLimits limits = {}, FormResult *result_out = nullptr) {
    Pairs pairs;
    FormScratch scratch;
    FormResult r = parse_cookie(
        input, [&](std::string_view k, std::string_view v) { pairs.emplace_back(k, v); }, scratch, limits);
    EXPECT_EQ(r.pairs, pairs.size());
    if (result_out) *result_out = r;
    return pairs;
}

}  // namespace

TEST(HttpForm, UrlDecode) {
    std::string out;
    url_decode("a+b%20c%2Bd%2b", out);
    EXPECT_EQ(out, "a b c+d+");
    url_decode("a+b%20c", out, false);
    EXPECT_EQ(out, "a+b c");
    url_decode("%zz%4%", out);  // bad escapes stay
    EXPECT_EQ(out, "%zz%4%");
    url_decode("%41%4a%4A%00x", out);
    EXPECT_EQ(out, std::string("AJJ\0x", 5));
    url_decode("", out);
    EXPECT_EQ(out, "");
    url_decode("%", out);
    EXPECT_EQ(out, "%");
    url_decode("%4", out);
    EXPECT_EQ(out, "%4");
    url_decode("x%41", out);
    EXPECT_EQ(out, "xA");
}

TEST(HttpForm, UrlencodedPairs) {
    EXPECT_EQ(form("a=1&b=2"), (Pairs{{"a", "1"}, {"b", "2"}}));
    EXPECT_EQ(form("a&&b=&=v&"), (Pairs{{"a", ""}, {"b", ""}, {"", "v"}}));
    EXPECT_EQ(form("a+b=c+d%21&x=1=2"), (Pairs{{"a b", "c d!"}, {"x", "1=2"}}));
    // Brackets and dots are the caller's (PHP registration) business.
    EXPECT_EQ(form("a[]=1&a[]=2&b.c=3&d%5Bk%5D=v"), (Pairs{{"a[]", "1"}, {"a[]", "2"}, {"b.c", "3"}, {"d[k]", "v"}}));
    EXPECT_EQ(form(""), Pairs{});
    EXPECT_EQ(form("&&&"), Pairs{});
    EXPECT_EQ(form("k=%E4%BD%A0"), (Pairs{{"k", "\xE4\xBD\xA0"}}));
}

TEST(HttpForm, UrlencodedLimits) {
    FormResult r;
    EXPECT_EQ(form("a=1&b=2&c=3", FormLimits{2}, &r), (Pairs{{"a", "1"}, {"b", "2"}}));
    EXPECT_TRUE(r.truncated);
    EXPECT_EQ(form("a=1&b=2", FormLimits{2}, &r).size(), 2u);
    EXPECT_FALSE(r.truncated);
    // The sink stops the parse.
    FormScratch scratch;
    int calls = 0;
    r = parse_urlencoded("a=1&b=2&c=3", [&](std::string_view, std::string_view) { return ++calls < 2; }, scratch);
    EXPECT_EQ(calls, 2);
    EXPECT_EQ(r.pairs, 1u);
    EXPECT_TRUE(r.truncated);
}

TEST(HttpForm, FunctionPointerSink) {
    FormScratch scratch;
    std::string seen;
    auto sink = [](void *ctx, std::string_view k, std::string_view v) {
        static_cast<std::string *>(ctx)->append(k).append("=").append(v).append(";");
        return true;
    };
    FormResult r = parse_urlencoded("x=1&y=%32", sink, &seen, scratch);
    EXPECT_EQ(r.pairs, 2u);
    EXPECT_EQ(seen, "x=1;y=2;");
}

TEST(HttpForm, CookieRules) {
    EXPECT_EQ(cookies("a=1; b=2"), (Pairs{{"a", "1"}, {"b", "2"}}));
    // Raw decoding: '+' stays, %XX decoded; names verbatim.
    EXPECT_EQ(cookies("sid=a+b%20c; n%41me=v"), (Pairs{{"sid", "a+b c"}, {"n%41me", "v"}}));
    // Leading blanks of names skipped, nothing else trimmed.
    EXPECT_EQ(cookies("  a =  b ;\tc=d"), (Pairs{{"a ", "  b "}, {"c", "d"}}));
    // Empty pieces and empty names skipped; no '=' → empty value.
    EXPECT_EQ(cookies(";; =x; ;flag;e="), (Pairs{{"flag", ""}, {"e", ""}}));
    EXPECT_EQ(cookies("a=1=2"), (Pairs{{"a", "1=2"}}));
    EXPECT_EQ(cookies(""), Pairs{});
    EXPECT_EQ(cookies("a[b]=1"), (Pairs{{"a[b]", "1"}}));
}

TEST(HttpForm, CookieLimits) {
    FormResult r;
    EXPECT_EQ(cookies("a=1; =skipped; b=2; c=3", FormLimits{2}, &r), (Pairs{{"a", "1"}, {"b", "2"}}));
    EXPECT_TRUE(r.truncated);
}

TEST(HttpDate, FormatAndParse) {
    char buf[kHttpDateLength];
    EXPECT_EQ(format_http_date(784111777, buf), "Sun, 06 Nov 1994 08:49:37 GMT");
    EXPECT_EQ(format_http_date(0, buf), "Thu, 01 Jan 1970 00:00:00 GMT");
    EXPECT_EQ(format_http_date(4102444799, buf), "Thu, 31 Dec 2099 23:59:59 GMT");
    EXPECT_EQ(parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
    EXPECT_EQ(parse_http_date("Sun Nov  6 08:49:37 1994"), 784111777);
    EXPECT_EQ(parse_http_date("  sun, 6 nov 1994 08:49:37 gmt "), 784111777);
    for (time_t t : {time_t{1}, time_t{951782400}, time_t{1700000000}}) {
        EXPECT_EQ(parse_http_date(format_http_date(t, buf)), t);
    }
}

TEST(HttpDate, RejectsGarbage) {
    for (const char *bad : {"", "yesterday", "Sun, 06 Nov 1994", "Sun, 06 Nov 1994 08:49:37", "Sun, 32 Nov 1994 08:49:37 GMT",
                            "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 06 Nov 199 08:49:37 GMT",
                            "Sun, 06 Nov 1994 08:49:37 GMT trailing", "\"etag\"", "Sun, 06 Nov 1994 8:49:37 GMT",
                            "Sun Nov  6 08:49:37"}) {
        EXPECT_FALSE(parse_http_date(bad).has_value()) << bad;
    }
}
