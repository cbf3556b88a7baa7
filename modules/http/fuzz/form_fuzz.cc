// libFuzzer target for the small text parsers: urlencoded forms, cookies,
// url-decoding, HTTP dates, Accept-Encoding, and the decoders of compress.h.
// Checks the length invariants besides ASan/UBSan.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "server/compress.h"
#include "server/form_parse.h"
#include "server/http_date.h"

using namespace swoole::mod::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::string_view input(reinterpret_cast<const char *>(data), size);
    FormScratch scratch;
    size_t total = 0;
    auto sink = [&](std::string_view key, std::string_view value) {
        if (key.size() + value.size() > input.size()) abort();
        total += key.size() + value.size();
        return true;
    };
    FormResult r = parse_urlencoded(input, sink, scratch);
    if (total > input.size()) abort();
    FormLimits limits{3};
    r = parse_cookie(input, sink, scratch, limits);
    if (r.pairs > 3) abort();

    std::string copy(input);
    if (url_decode_in_place(copy.data(), copy.size(), true) > input.size()) abort();

    if (auto t = parse_http_date(input)) {
        char buf[kHttpDateLength];
        if (*t >= 0 && *t < 253402300800 && parse_http_date(format_http_date(*t, buf)) != t) abort();
    }
    (void)choose_encoding(input);

    std::string out;
    for (Encoding e : {Encoding::gzip, Encoding::deflate, Encoding::br}) {
        if (decompress(e, input, out, 1 << 20) && out.size() > (1 << 20)) abort();
    }
    return 0;
}
