#include "server/multipart.h"

#include <dirent.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

using namespace swoole::mod::http;

namespace {

struct FileRecord {
    std::string field, filename, type, tmp_name, content;
    int error;
    uint64_t size;
};

class RecordingSink : public MultipartSink {
public:
    bool on_field(std::string_view name, std::string_view value) override {
        fields.emplace_back(name, value);
        return ++calls != stop_after;
    }
    bool on_file(const UploadedFile &file) override {
        FileRecord rec{std::string(file.field), std::string(file.filename), std::string(file.type),
                       std::string(file.tmp_name), "", file.error, file.size};
        if (!file.tmp_name.empty()) {
            std::ifstream in(rec.tmp_name, std::ios::binary);
            EXPECT_TRUE(in.good()) << rec.tmp_name;
            rec.content.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        }
        files.push_back(rec);
        return ++calls != stop_after;
    }
    void remove_files() {
        for (auto &f : files) {
            if (!f.tmp_name.empty()) unlink(f.tmp_name.c_str());
        }
    }

    std::vector<std::pair<std::string, std::string>> fields;
    std::vector<FileRecord> files;
    int calls = 0;
    int stop_after = -1;
};

class HttpMultipart : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/http_multipart_XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        dir_ = tmpl;
        options_.upload_tmp_dir = dir_;
    }
    void TearDown() override {
        std::string cmd = "rm -rf '" + dir_ + "'";
        ASSERT_EQ(std::system(cmd.c_str()), 0);
    }
    size_t files_in_dir() const {
        size_t n = 0;
        DIR *d = opendir(dir_.c_str());
        while (struct dirent *e = readdir(d)) n += e->d_name[0] != '.';
        closedir(d);
        return n;
    }
    // Parses body fed in pieces of the given sizes (the rest in one go).
    bool parse(std::string_view body, RecordingSink &sink, std::vector<size_t> splits = {}, std::string_view boundary = kBoundary) {
        MultipartParser parser;
        EXPECT_TRUE(parser.start(boundary, options_, sink));
        size_t at = 0;
        for (size_t n : splits) {
            n = std::min(n, body.size() - at);
            if (!parser.feed(body.substr(at, n))) {
                error_ = parser.error();
                return false;
            }
            at += n;
        }
        bool ok = parser.feed(body.substr(at)) && parser.finish();
        error_ = parser.error();
        return ok;
    }

    static constexpr std::string_view kBoundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    std::string dir_;
    MultipartOptions options_;
    MultipartError error_ = MultipartError::none;
};

std::string part(std::string_view headers, std::string_view body, std::string_view boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW") {
    return "--" + std::string(boundary) + "\r\n" + std::string(headers) + "\r\n" + std::string(body) + "\r\n";
}
std::string closing(std::string_view boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW") {
    return "--" + std::string(boundary) + "--\r\n";
}

// Content that nearly contains the delimiter, to stress the split logic.
const std::string kTrickyFile = "line1\r\n--\r\n------WebKitFormBoundary7MA4YWxkTrZu0g\r\r\n\r\n--x\r";

std::string sample_body() {
    return part("Content-Disposition: form-data; name=\"title\"\r\n", "hello world") +
           part("Content-Disposition: form-data; name=\"up\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n", kTrickyFile) +
           part("Content-Disposition: form-data; name=\"empty\"\r\n", "") +
           part("Content-Disposition: form-data; name=\"bin[]\"; filename=\"b.bin\"\r\n", std::string("\0\1\2\r\n", 5)) +
           closing();
}

}  // namespace

TEST(HttpMultipartBoundary, FromContentType) {
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; boundary=abc"), "abc");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data;boundary=\"a b;c\"; charset=utf-8"), "a b;c");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; charset=utf-8; BOUNDARY = xyz ;"), "xyz");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data"), "");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; boundary="), "");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; boundary=\"\""), "");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; boundary=" + std::string(201, 'x')), "");
    EXPECT_EQ(MultipartParser::boundary_of("multipart/form-data; boundary=a\rb"), "");
    EXPECT_TRUE(MultipartParser::is_multipart(" Multipart/Form-Data ; boundary=x"));
    EXPECT_FALSE(MultipartParser::is_multipart("multipart/mixed; boundary=x"));
    EXPECT_FALSE(MultipartParser::is_multipart("application/x-www-form-urlencoded"));
}

TEST_F(HttpMultipart, FieldsAndFiles) {
    RecordingSink sink;
    ASSERT_TRUE(parse(sample_body(), sink));
    ASSERT_EQ(sink.fields.size(), 2u);
    EXPECT_EQ(sink.fields[0], (std::pair<std::string, std::string>{"title", "hello world"}));
    EXPECT_EQ(sink.fields[1], (std::pair<std::string, std::string>{"empty", ""}));
    ASSERT_EQ(sink.files.size(), 2u);
    const FileRecord &a = sink.files[0];
    EXPECT_EQ(a.field, "up");
    EXPECT_EQ(a.filename, "a.txt");
    EXPECT_EQ(a.type, "text/plain");
    EXPECT_EQ(a.error, kUploadOk);
    EXPECT_EQ(a.size, kTrickyFile.size());
    EXPECT_EQ(a.content, kTrickyFile);
    EXPECT_EQ(a.tmp_name.rfind(dir_ + "/swoole.upfile.", 0), 0u);
    EXPECT_EQ(a.tmp_name.size(), dir_.size() + 1 + 20);
    const FileRecord &b = sink.files[1];
    EXPECT_EQ(b.field, "bin[]");
    EXPECT_EQ(b.type, "");
    EXPECT_EQ(b.content, std::string("\0\1\2\r\n", 5));
    // Reported files are the caller's: still there after the parser is gone.
    EXPECT_EQ(files_in_dir(), 2u);
    sink.remove_files();
}

TEST_F(HttpMultipart, EverySplitPointGivesTheSameResult) {
    const std::string body = sample_body();
    RecordingSink reference;
    ASSERT_TRUE(parse(body, reference));
    reference.remove_files();
    auto same = [&](RecordingSink &sink, const std::string &what) {
        ASSERT_EQ(sink.fields, reference.fields) << what;
        ASSERT_EQ(sink.files.size(), reference.files.size()) << what;
        for (size_t i = 0; i < sink.files.size(); i++) {
            EXPECT_EQ(sink.files[i].content, reference.files[i].content) << what;
            EXPECT_EQ(sink.files[i].size, reference.files[i].size) << what;
            EXPECT_EQ(sink.files[i].filename, reference.files[i].filename) << what;
        }
        sink.remove_files();
    };
    for (size_t cut = 0; cut <= body.size(); cut++) {
        RecordingSink sink;
        ASSERT_TRUE(parse(body, sink, {cut})) << "cut at " << cut;
        same(sink, "cut at " + std::to_string(cut));
    }
    {
        RecordingSink sink;
        ASSERT_TRUE(parse(body, sink, std::vector<size_t>(body.size(), 1)));
        same(sink, "byte by byte");
    }
    std::mt19937 rng(3);
    for (int round = 0; round < 50; round++) {
        std::vector<size_t> splits;
        for (size_t total = 0; total < body.size();) {
            splits.push_back(rng() % 9);
            total += splits.back();
        }
        RecordingSink sink;
        ASSERT_TRUE(parse(body, sink, splits));
        same(sink, "random round " + std::to_string(round));
    }
    EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(HttpMultipart, PreambleEpilogueAndPadding) {
    std::string body = "preamble text\r\nmore\r\n" + part("Content-Disposition: form-data; name=\"a\"\r\n", "1");
    body.insert(body.size() - 2, "");  // keep the structure
    body += "--" + std::string(kBoundary) + " \t\r\nContent-Disposition: form-data; name=\"b\"\r\n\r\n2\r\n";
    body += closing() + "epilogue garbage --" + std::string(kBoundary) + "\r\n";
    RecordingSink sink;
    ASSERT_TRUE(parse(body, sink));
    EXPECT_EQ(sink.fields, (std::vector<std::pair<std::string, std::string>>{{"a", "1"}, {"b", "2"}}));
}

TEST_F(HttpMultipart, EmptyFormAndHeaderlessParts) {
    RecordingSink sink;
    ASSERT_TRUE(parse(closing(), sink));
    EXPECT_TRUE(sink.fields.empty());
    // A part without headers has no name: skipped.
    RecordingSink sink2;
    ASSERT_TRUE(parse(part("", "ignored") + part("Content-Disposition: form-data; name=k\r\n", "v") + closing(), sink2));
    EXPECT_EQ(sink2.fields, (std::vector<std::pair<std::string, std::string>>{{"k", "v"}}));
}

TEST_F(HttpMultipart, DispositionRulesAsIn48) {
    std::string body =
        part("Content-Disposition: inline; name=\"x\"\r\n", "skipped") +              // not form-data
        part("Content-Disposition: form-data; filename=\"nofield.txt\"\r\n", "skipped") +  // no name
        part("content-disposition: attachment; name=\"att\"\r\n", "yes") +
        part("Content-Disposition: form-data; name=\"enc%20oded\"; filename=\"x%22y.txt\"\r\n", "f") +
        part("Content-Disposition: form-data; name=\"semi\"; filename=\"a;b.txt\"\r\nX-Other: 1\r\n", "g") +
        part("Content-Disposition: form-data; name=\"nofile\"; filename=\"\"\r\nContent-Type: application/octet-stream\r\n",
             "data ignored") +
        closing();
    RecordingSink sink;
    ASSERT_TRUE(parse(body, sink));
    EXPECT_EQ(sink.fields, (std::vector<std::pair<std::string, std::string>>{{"att", "yes"}}));
    ASSERT_EQ(sink.files.size(), 3u);
    EXPECT_EQ(sink.files[0].field, "enc oded");
    EXPECT_EQ(sink.files[0].filename, "x\"y.txt");
    EXPECT_EQ(sink.files[0].content, "f");
    EXPECT_EQ(sink.files[1].filename, "a;b.txt");
    EXPECT_EQ(sink.files[1].content, "g");
    EXPECT_EQ(sink.files[2].field, "nofile");
    EXPECT_EQ(sink.files[2].error, kUploadNoFile);
    EXPECT_EQ(sink.files[2].tmp_name, "");
    EXPECT_EQ(sink.files[2].size, 0u);
    sink.remove_files();
    EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(HttpMultipart, TruncatedBodyReportsPartialFile) {
    std::string body = part("Content-Disposition: form-data; name=\"a\"\r\n", "1") +
                       "--" + std::string(kBoundary) + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big\"\r\n\r\nsome bytes";
    RecordingSink sink;
    EXPECT_FALSE(parse(body, sink));
    EXPECT_EQ(error_, MultipartError::truncated);
    EXPECT_EQ(sink.fields.size(), 1u);
    ASSERT_EQ(sink.files.size(), 1u);
    EXPECT_EQ(sink.files[0].error, kUploadPartial);
    EXPECT_EQ(sink.files[0].tmp_name, "");
    EXPECT_EQ(files_in_dir(), 0u);
    // Cut inside headers, or before any boundary.
    RecordingSink s2;
    EXPECT_FALSE(parse("--" + std::string(kBoundary) + "\r\nContent-Disp", s2));
    EXPECT_EQ(error_, MultipartError::truncated);
    RecordingSink s3;
    EXPECT_FALSE(parse("no boundary here at all", s3));
    EXPECT_EQ(error_, MultipartError::truncated);
    RecordingSink s4;
    EXPECT_FALSE(parse("", s4));
    EXPECT_EQ(error_, MultipartError::truncated);
}

TEST_F(HttpMultipart, MalformedInput) {
    struct Case {
        std::string body;
        MultipartError error;
    } cases[] = {
        {"--" + std::string(kBoundary) + "X\r\n", MultipartError::malformed},
        {"--" + std::string(kBoundary) + "-X", MultipartError::malformed},
        {"--" + std::string(kBoundary) + "\rX", MultipartError::malformed},
        {"--" + std::string(kBoundary) + "  x\r\n", MultipartError::malformed},
        {"--" + std::string(kBoundary) + "\r\nno colon here\r\n\r\nv\r\n" + closing(), MultipartError::malformed},
        {"--" + std::string(kBoundary) + "\r\nX-Long: " + std::string(9000, 'a') + "\r\n\r\n", MultipartError::header_too_large},
        {"--" + std::string(kBoundary) + "\r\nX-Long: " + std::string(9000, 'a'), MultipartError::header_too_large},
        {part("Content-Disposition: form-data; name=\"" + std::string(512, 'n') + "\"\r\n", "v"), MultipartError::name_too_long},
        {part("Content-Disposition: form-data; name=\"n\"; filename=\"" + std::string(600, 'f') + "\"\r\n", "v"),
         MultipartError::name_too_long},
    };
    for (const Case &c : cases) {
        for (size_t cut : {size_t{0}, size_t{1}, c.body.size() / 2, c.body.size()}) {
            RecordingSink sink;
            EXPECT_FALSE(parse(c.body, sink, {cut})) << c.body.substr(0, 80);
            EXPECT_EQ(error_, c.error) << c.body.substr(0, 80) << " cut " << cut;
            EXPECT_NE(multipart_error_text(error_), "");
        }
    }
    // A name of 511 bytes is still fine.
    RecordingSink sink;
    EXPECT_TRUE(parse(part("Content-Disposition: form-data; name=\"" + std::string(511, 'n') + "\"\r\n", "v") + closing(), sink));
    EXPECT_EQ(files_in_dir(), 0u);
}

TEST_F(HttpMultipart, ErrorsAreStickyAndNeedStart) {
    MultipartParser parser;
    RecordingSink sink;
    EXPECT_FALSE(parser.feed("x"));  // not started
    EXPECT_FALSE(parser.finish());
    EXPECT_FALSE(parser.start("", options_, sink));
    EXPECT_EQ(parser.error(), MultipartError::bad_boundary);
    EXPECT_FALSE(parser.start("a\nb", options_, sink));
    EXPECT_FALSE(parser.start(std::string(201, 'b'), options_, sink));
    ASSERT_TRUE(parser.start("b", options_, sink));
    EXPECT_FALSE(parser.feed("--bX"));
    EXPECT_EQ(parser.error(), MultipartError::malformed);
    EXPECT_FALSE(parser.feed("\r\n"));
    EXPECT_FALSE(parser.finish());
    EXPECT_EQ(parser.error(), MultipartError::malformed);
    // start() begins afresh.
    ASSERT_TRUE(parser.start("b", options_, sink));
    EXPECT_TRUE(parser.feed("--b\r\nContent-Disposition: form-data; name=z\r\n\r\nok\r\n--b--"));
    EXPECT_TRUE(parser.done());
    EXPECT_TRUE(parser.finish());
    EXPECT_EQ(parser.parts(), 1u);
    EXPECT_EQ(sink.fields.back().second, "ok");
}

TEST_F(HttpMultipart, AbandonedParserRemovesOpenFile) {
    RecordingSink sink;
    {
        MultipartParser parser;
        ASSERT_TRUE(parser.start(kBoundary, options_, sink));
        ASSERT_TRUE(parser.feed("--" + std::string(kBoundary) +
                                "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\npartial data"));
        EXPECT_EQ(files_in_dir(), 1u);
        parser.reset();
        EXPECT_EQ(files_in_dir(), 0u);
        ASSERT_TRUE(parser.start(kBoundary, options_, sink));
        ASSERT_TRUE(parser.feed("--" + std::string(kBoundary) +
                                "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\npartial data"));
        EXPECT_EQ(files_in_dir(), 1u);
    }
    EXPECT_EQ(files_in_dir(), 0u);
    EXPECT_TRUE(sink.files.empty());
}

TEST_F(HttpMultipart, FileSizeLimit) {
    options_.max_file_size = 10;
    std::string body = part("Content-Disposition: form-data; name=\"big\"; filename=\"big\"\r\n", std::string(11, 'x')) +
                       part("Content-Disposition: form-data; name=\"fits\"; filename=\"ok\"\r\n", std::string(10, 'y')) + closing();
    RecordingSink sink;
    ASSERT_TRUE(parse(body, sink, {30, 40, 50, 60}));
    ASSERT_EQ(sink.files.size(), 2u);
    EXPECT_EQ(sink.files[0].error, kUploadIniSize);
    EXPECT_EQ(sink.files[0].tmp_name, "");
    EXPECT_EQ(sink.files[0].size, 0u);
    EXPECT_EQ(sink.files[1].error, kUploadOk);
    EXPECT_EQ(sink.files[1].content, std::string(10, 'y'));
    EXPECT_EQ(files_in_dir(), 1u);
    sink.remove_files();
}

TEST_F(HttpMultipart, MissingTmpDir) {
    options_.upload_tmp_dir = dir_ + "/does/not/exist";
    std::string body = part("Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n", "abc") + closing();
    RecordingSink sink;
    ASSERT_TRUE(parse(body, sink));
    ASSERT_EQ(sink.files.size(), 1u);
    EXPECT_EQ(sink.files[0].error, kUploadNoTmpDir);
    EXPECT_EQ(sink.files[0].tmp_name, "");
    options_.upload_tmp_dir = std::string(5000, 'd');
    RecordingSink sink2;
    ASSERT_TRUE(parse(body, sink2));
    EXPECT_EQ(sink2.files[0].error, kUploadNoTmpDir);
}

TEST_F(HttpMultipart, LimitsOnParts) {
    std::string body;
    for (int i = 0; i < 5; i++) body += part("Content-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n", "v");
    body += closing();
    options_.max_parts = 3;
    RecordingSink sink;
    EXPECT_FALSE(parse(body, sink));
    EXPECT_EQ(error_, MultipartError::too_many_parts);
    EXPECT_EQ(sink.fields.size(), 3u);
    options_.max_parts = 0;
    RecordingSink stopper;
    stopper.stop_after = 2;
    EXPECT_FALSE(parse(body, stopper));
    EXPECT_EQ(error_, MultipartError::too_many_parts);
    EXPECT_EQ(stopper.fields.size(), 2u);
}

TEST_F(HttpMultipart, LargeFileStreamsToDisk) {
    std::string content(3 * 1024 * 1024 + 7, '\0');
    std::mt19937 rng(5);
    for (auto &c : content) c = static_cast<char>(rng());
    std::string body = part("Content-Disposition: form-data; name=\"f\"; filename=\"r.bin\"\r\n", content) + closing();
    RecordingSink sink;
    ASSERT_TRUE(parse(body, sink, {65536, 65536, 1, 3, 100000}));
    ASSERT_EQ(sink.files.size(), 1u);
    EXPECT_EQ(sink.files[0].size, content.size());
    EXPECT_TRUE(sink.files[0].content == content);
    sink.remove_files();
}

TEST_F(HttpMultipart, GarbageNeverCrashes) {
    std::mt19937 rng(17);
    const std::string alphabet = std::string("\r\n-;=\":ab ") + std::string(kBoundary.substr(0, 6));
    const std::string pieces[] = {"--" + std::string(kBoundary), "\r\n", "--", "Content-Disposition: form-data; name=\"x\"",
                                  "; filename=\"f\"", "\r\n\r\n", "Content-Type: a/b", "data"};
    for (int round = 0; round < 2000; round++) {
        std::string body;
        int n = static_cast<int>(rng() % 20);
        for (int i = 0; i < n; i++) {
            if (rng() % 2) {
                body += pieces[rng() % std::size(pieces)];
            } else {
                body += alphabet[rng() % alphabet.size()];
            }
        }
        RecordingSink sink;
        parse(body, sink, {rng() % 10, rng() % 10});
        sink.remove_files();
    }
    EXPECT_EQ(files_in_dir(), 0u);
}
