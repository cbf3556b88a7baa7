// libFuzzer target for the static handler's path and header logic. Input
// lines: URL, Range, If-Modified-Since, If-Range. Checks that nothing outside
// the document root is ever served and that the pieces match the length.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "server/static_handler.h"

using namespace swoole::mod::http;

namespace {

const StaticHandler &handler() {
    static const StaticHandler instance = [] {
        char tmpl[] = "/tmp/static_fuzz_XXXXXX";
        if (!mkdtemp(tmpl)) abort();
        std::string base = tmpl;
        mkdir((base + "/www").c_str(), 0755);
        mkdir((base + "/www/d").c_str(), 0755);
        std::ofstream(base + "/secret") << "secret";
        std::ofstream(base + "/www/f.txt") << "0123456789abcdef";
        std::ofstream(base + "/www/d/index.html") << "<p>";
        StaticOptions options;
        options.document_root = base + "/www";
        options.index_files = {"index.html"};
        options.autoindex = true;
        options.locations = {"/d", "/f", "/."};
        return StaticHandler(options);
    }();
    return instance;
}

std::string_view next_line(std::string_view &in) {
    size_t nl = in.find('\n');
    std::string_view line = in.substr(0, nl);
    in = nl == std::string_view::npos ? std::string_view() : in.substr(nl + 1);
    return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    std::string_view in(reinterpret_cast<const char *>(data), size);
    StaticRequest request;
    request.url = next_line(in);
    request.range = next_line(in);
    request.if_modified_since = next_line(in);
    request.if_range = next_line(in);
    StaticResult result;
    handler().handle(request, result);
    const std::string &root = handler().options().document_root;
    if (!result.path.empty() && result.path.compare(0, root.size() + 1, root + "/") != 0 && result.path != root) abort();
    uint64_t total = 0;
    for (const StaticPiece &piece : result.pieces) {
        if (piece.from_file ? piece.offset + piece.length > result.file_size
                            : piece.offset + piece.length > result.text.size()) {
            abort();
        }
        total += piece.length;
    }
    if (total != result.content_length) abort();
    return 0;
}
