// libFuzzer target for the multipart parser (tools/fuzz http). The input is a
// body for the boundary "fzB"; its first byte picks a split point. Checks:
// no crash or leak (ASan), feeding in two pieces gives exactly the events of
// feeding at once, and every temp file is either reported or removed.
#include <dirent.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "server/multipart.h"

using namespace swoole::mod::http;

namespace {

const std::string &upload_dir() {
    static const std::string dir = [] {
        char tmpl[] = "/tmp/multipart_fuzz_XXXXXX";
        if (!mkdtemp(tmpl)) abort();
        return std::string(tmpl);
    }();
    return dir;
}

bool dir_is_empty(const std::string &dir) {
    DIR *d = opendir(dir.c_str());
    if (!d) abort();
    bool empty = true;
    while (struct dirent *e = readdir(d)) empty &= e->d_name[0] == '.';
    closedir(d);
    return empty;
}

class Sink : public MultipartSink {
public:
    bool on_field(std::string_view name, std::string_view value) override {
        events.append("F").append(name).append("=").append(value).append("\n");
        return true;
    }
    bool on_file(const UploadedFile &file) override {
        events.append("U").append(file.field).append("|").append(file.filename).append("|").append(file.type);
        events.append("|").append(std::to_string(file.error)).append("|").append(std::to_string(file.size)).append("\n");
        if (!file.tmp_name.empty()) unlink(std::string(file.tmp_name).c_str());
        return true;
    }
    std::string events;
};

std::string run(std::string_view body, size_t cut, MultipartError &error) {
    MultipartOptions options;
    options.upload_tmp_dir = upload_dir();
    options.max_header_size = 256;
    options.max_file_size = 64;
    Sink sink;
    MultipartParser parser;
    if (!parser.start("fzB", options, sink)) abort();
    if (parser.feed(body.substr(0, cut))) {
        if (parser.feed(body.substr(cut))) parser.finish();
    }
    error = parser.error();
    return sink.events;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0) return 0;
    std::string_view body(reinterpret_cast<const char *>(data) + 1, size - 1);
    size_t cut = body.empty() ? 0 : data[0] % (body.size() + 1);
    MultipartError whole_error, split_error;
    std::string whole = run(body, body.size(), whole_error);
    std::string split = run(body, cut, split_error);
    if (whole != split || whole_error != split_error) abort();
    if (!dir_is_empty(upload_dir())) abort();
    (void)MultipartParser::boundary_of(body);
    (void)MultipartParser::is_multipart(body);
    return 0;
}
