#include "server/static_handler.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "server/http_date.h"

using namespace swoole::mod::http;

namespace {

constexpr time_t kMtime = 784111777;  // Sun, 06 Nov 1994 08:49:37 GMT
const std::string kDigits = [] {
    std::string s;
    for (int i = 0; i < 10; i++) s += "0123456789";
    return s;
}();

class HttpStatic : public ::testing::Test {
protected:
    void SetUp() override {
        char tmpl[] = "/tmp/http_static_XXXXXX";
        ASSERT_NE(mkdtemp(tmpl), nullptr);
        base_ = tmpl;
        root_ = base_ + "/www";
        mkdir(root_.c_str(), 0755);
        mkdir((root_ + "/sub").c_str(), 0755);
        mkdir((root_ + "/dir").c_str(), 0755);
        mkdir((root_ + "/static").c_str(), 0755);
        write(base_ + "/secret.txt", "top secret");
        write(root_ + "/index.html", "<h1>hi</h1>");
        write(root_ + "/a.txt", kDigits);
        write(root_ + "/sub/b.css", "body{}");
        write(root_ + "/sub/index.htm", "sub index");
        write(root_ + "/empty.bin", "");
        write(root_ + "/static/x.js", "var x;");
        write(root_ + "/space name.txt", "spaced");
        write(root_ + "/dir/<z>.txt", "z");
        mkdir((root_ + "/dir/inner").c_str(), 0755);
        struct timeval times[2] = {{kMtime, 0}, {kMtime, 0}};
        utimes((root_ + "/a.txt").c_str(), times);
    }
    void TearDown() override {
        std::string cmd = "rm -rf '" + base_ + "'";
        ASSERT_EQ(std::system(cmd.c_str()), 0);
    }
    static void write(const std::string &path, const std::string &content) {
        std::ofstream(path, std::ios::binary) << content;
    }

    StaticResult run(std::string_view url, StaticOptions options = {}, std::string_view ims = {}, std::string_view range = {},
                     std::string_view if_range = {}) {
        if (options.document_root.empty()) options.document_root = root_;
        StaticHandler handler(std::move(options));
        StaticResult result;
        handler.handle(StaticRequest{url, ims, range, if_range}, result);
        return result;
    }

    // The body the caller would send.
    static std::string body_of(const StaticResult &r) {
        std::string body;
        for (const auto &piece : r.pieces) {
            if (!piece.from_file) {
                body += r.piece_text(piece);
                continue;
            }
            std::ifstream in(r.path, std::ios::binary);
            std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            body += all.substr(piece.offset, piece.length);
        }
        EXPECT_EQ(body.size(), r.content_length);
        return body;
    }

    std::string base_, root_;
};

}  // namespace

TEST_F(HttpStatic, ServesRegularFileWithHeaders) {
    StaticResult r = run("/a.txt");
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(r.http_status(), 200);
    EXPECT_EQ(r.path, root_ + "/a.txt");
    EXPECT_EQ(r.file_size, 100u);
    EXPECT_EQ(r.mtime, kMtime);
    EXPECT_EQ(r.headers,
              "Content-Type: text/plain\r\nLast-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\nAccept-Ranges: bytes\r\n");
    EXPECT_EQ(body_of(r), kDigits);

    EXPECT_EQ(run("/index.html").headers.substr(0, 25), "Content-Type: text/html\r\n");
    EXPECT_EQ(run("/sub/b.css").headers.substr(0, 24), "Content-Type: text/css\r\n");
}

TEST_F(HttpStatic, StripsQueryAndFragmentAndDecodes) {
    EXPECT_EQ(run("/a.txt?v=1#frag").status, StaticStatus::ok);
    EXPECT_EQ(run("/a.txt#x?y").status, StaticStatus::ok);
    StaticResult r = run("/space%20name.txt");
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(body_of(r), "spaced");
    EXPECT_EQ(run("/space+name.txt").status, StaticStatus::pass);  // '+' is not a space in paths
    EXPECT_EQ(run("//sub///./b.css").status, StaticStatus::ok);
    EXPECT_EQ(run("/sub/../a.txt").status, StaticStatus::ok);  // stays inside the root
    EXPECT_EQ(run("/%61.txt").status, StaticStatus::ok);
}

TEST_F(HttpStatic, RefusesPathsOutsideTheRoot) {
    for (const char *url : {"/../secret.txt", "/../../../../etc/passwd", "/sub/../../secret.txt", "/%2e%2e/secret.txt",
                            "/%2E%2E%2Fsecret.txt", "/sub/..%2f..%2fsecret.txt", "/a.txt%00.png", "/..", "/../"}) {
        StaticResult r = run(url);
        EXPECT_EQ(r.status, StaticStatus::pass) << url;
        EXPECT_TRUE(r.pieces.empty()) << url;
    }
    // Not a path at all.
    EXPECT_EQ(run("a.txt").status, StaticStatus::pass);
    EXPECT_EQ(run("*").status, StaticStatus::pass);
    EXPECT_EQ(run("").status, StaticStatus::pass);
    // The root itself with ".." segments that stay inside.
    EXPECT_EQ(run("/sub/..").status, StaticStatus::pass);  // a directory, no index configured
}

TEST_F(HttpStatic, MissingFilesAndNonFilesFallThrough) {
    EXPECT_EQ(run("/nope.txt").status, StaticStatus::pass);
    EXPECT_EQ(run("/dir").status, StaticStatus::pass);
    EXPECT_EQ(run("/dir/").status, StaticStatus::pass);
    EXPECT_EQ(run("/a.txt/").status, StaticStatus::pass);  // a file named like a directory
    EXPECT_EQ(run("/").status, StaticStatus::pass);
    StaticOptions none;
    StaticHandler handler(none);  // no document_root: never serves
    StaticResult r;
    handler.handle(StaticRequest{"/a.txt", {}, {}, {}}, r);
    EXPECT_EQ(r.status, StaticStatus::pass);
}

TEST_F(HttpStatic, TrailingSlashOnRootIsIgnored) {
    StaticOptions options;
    options.document_root = root_ + "///";
    EXPECT_EQ(run("/a.txt", options).path, root_ + "/a.txt");
}

TEST_F(HttpStatic, LocationsLimitAndTurnMissesInto404) {
    StaticOptions options;
    options.locations = {"/static", "relative-ignored", "/Sub/"};
    EXPECT_EQ(run("/a.txt", options).status, StaticStatus::pass);  // outside every location
    EXPECT_EQ(run("/static/x.js", options).status, StaticStatus::ok);
    // The prefix is compared without case, as 4.8: a location match, so a miss is a 404.
    EXPECT_EQ(run("/STATIC/x.js", options).status, StaticStatus::not_found);
    EXPECT_EQ(run("/sub/b.css", options).status, StaticStatus::ok);
    StaticResult r = run("/static/missing.js", options);
    ASSERT_EQ(r.status, StaticStatus::not_found);
    EXPECT_EQ(r.http_status(), 404);
    EXPECT_EQ(r.headers, "Content-Type: text/html\r\n");
    EXPECT_NE(body_of(r).find("404 Not Found"), std::string::npos);
    EXPECT_EQ(run("/static/../../secret.txt", options).status, StaticStatus::not_found);
    EXPECT_EQ(run("/static/", options).status, StaticStatus::not_found);
    EXPECT_EQ(run("/static/../a.txt", options).status, StaticStatus::ok);  // resolves inside the root
    EXPECT_EQ(run("relative-ignored/a.txt", options).status, StaticStatus::pass);
}

TEST_F(HttpStatic, IndexFiles) {
    StaticOptions options;
    options.index_files = {"missing.html", "index.html", "index.htm"};
    StaticResult r = run("/", options);
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(r.path, root_ + "/index.html");
    EXPECT_EQ(body_of(r), "<h1>hi</h1>");
    r = run("/sub", options);
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(body_of(r), "sub index");
    EXPECT_EQ(run("/dir/", options).status, StaticStatus::pass);
    options.index_files = {"../secret.txt"};  // index names are plain names
    EXPECT_EQ(run("/sub/", options).status, StaticStatus::pass);
}

TEST_F(HttpStatic, AutoIndexListsDirectory) {
    StaticOptions options;
    options.autoindex = true;
    StaticResult r = run("/dir/", options);
    ASSERT_EQ(r.status, StaticStatus::listing);
    EXPECT_EQ(r.http_status(), 200);
    EXPECT_EQ(r.headers, "Content-Type: text/html\r\n");
    std::string html = body_of(r);
    EXPECT_NE(html.find("Index of /dir/"), std::string::npos);
    EXPECT_NE(html.find("<a href=\"/dir/%3Cz%3E.txt\">&lt;z&gt;.txt</a>"), std::string::npos) << html;
    EXPECT_NE(html.find("<a href=\"/dir/inner/\">inner/</a>"), std::string::npos) << html;
    EXPECT_NE(html.find("<a href=\"/dir/../\">../</a>"), std::string::npos) << html;
    html = body_of(run("/", options));
    EXPECT_EQ(html.find("../"), std::string::npos);  // no parent link at the root
    EXPECT_NE(html.find("<a href=\"/space%20name.txt\">space name.txt</a>"), std::string::npos) << html;
}

TEST_F(HttpStatic, IfModifiedSince) {
    StaticResult r = run("/a.txt", {}, "Sun, 06 Nov 1994 08:49:37 GMT");
    ASSERT_EQ(r.status, StaticStatus::not_modified);
    EXPECT_EQ(r.http_status(), 304);
    EXPECT_EQ(r.content_length, 0u);
    EXPECT_TRUE(r.pieces.empty());
    EXPECT_EQ(r.headers, "Last-Modified: Sun, 06 Nov 1994 08:49:37 GMT\r\n");
    EXPECT_EQ(run("/a.txt", {}, "Sun, 06 Nov 1994 08:49:38 GMT").status, StaticStatus::not_modified);
    EXPECT_EQ(run("/a.txt", {}, "Sunday, 06-Nov-94 09:00:00 GMT").status, StaticStatus::not_modified);
    EXPECT_EQ(run("/a.txt", {}, "Sun, 06 Nov 1994 08:49:36 GMT").status, StaticStatus::ok);  // older
    EXPECT_EQ(run("/a.txt", {}, "not a date").status, StaticStatus::ok);
}

TEST_F(HttpStatic, SingleRanges) {
    struct Case {
        const char *range;
        uint64_t first, last;
    } cases[] = {{"bytes=0-9", 0, 9},       {"bytes=90-", 90, 99},   {"bytes=-5", 95, 99},
                 {"bytes=95-500", 95, 99},  {"bytes=-500", 0, 99},   {"Bytes = 10-10", 10, 10},
                 {"bytes=, 3-4 ,", 3, 4},   {"bytes=200-300, 5-6", 5, 6}};
    for (const Case &c : cases) {
        StaticResult r = run("/a.txt", {}, {}, c.range);
        ASSERT_EQ(r.status, StaticStatus::partial) << c.range;
        EXPECT_EQ(r.http_status(), 206);
        std::string cr = "Content-Range: bytes " + std::to_string(c.first) + "-" + std::to_string(c.last) + "/100\r\n";
        EXPECT_NE(r.headers.find(cr), std::string::npos) << c.range << ": " << r.headers;
        EXPECT_EQ(r.headers.find("Content-Type: text/plain\r\n"), 0u);
        EXPECT_EQ(body_of(r), kDigits.substr(c.first, c.last - c.first + 1)) << c.range;
    }
}

TEST_F(HttpStatic, MultipleRangesAreMultipart) {
    StaticResult r = run("/a.txt", {}, {}, "bytes=0-1, 10-12,-2");
    ASSERT_EQ(r.status, StaticStatus::partial);
    const std::string prefix = "Content-Type: multipart/byteranges; boundary=";
    ASSERT_EQ(r.headers.find(prefix), 0u);
    std::string boundary = r.headers.substr(prefix.size(), r.headers.find("\r\n") - prefix.size());
    EXPECT_EQ(boundary.size(), 20u);
    EXPECT_EQ(r.headers.find("Content-Range"), std::string::npos);
    std::string expected;
    auto part = [&](uint64_t a, uint64_t b) {
        expected += "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes " + std::to_string(a) + "-" +
                    std::to_string(b) + "/100\r\n\r\n" + kDigits.substr(a, b - a + 1);
    };
    part(0, 1);
    part(10, 12);
    part(98, 99);
    expected += "\r\n--" + boundary + "--\r\n";
    EXPECT_EQ(body_of(r), expected);
}

TEST_F(HttpStatic, UnsatisfiableAndInvalidRanges) {
    for (const char *range : {"bytes=100-", "bytes=100-200", "bytes=-0", "bytes=99999999999999999999999-"}) {
        StaticResult r = run("/a.txt", {}, {}, range);
        ASSERT_EQ(r.status, StaticStatus::range_not_satisfiable) << range;
        EXPECT_EQ(r.http_status(), 416);
        EXPECT_EQ(r.headers, "Content-Range: bytes */100\r\n");
        EXPECT_EQ(r.content_length, 0u);
    }
    // Bad syntax: the header is ignored.
    for (const char *range : {"bytes=5-1", "bytes=a-b", "items=0-1", "bytes=", "bytes 0-1", "bytes=1", "bytes=--1",
                              "bytes=0-1,x"}) {
        StaticResult r = run("/a.txt", {}, {}, range);
        EXPECT_EQ(r.status, StaticStatus::ok) << range;
        EXPECT_EQ(body_of(r), kDigits);
    }
    // Too many ranges: ignored too.
    std::string many = "bytes=0-0";
    for (size_t i = 1; i <= StaticHandler::kMaxRanges; i++) many += "," + std::to_string(i) + "-" + std::to_string(i);
    EXPECT_EQ(run("/a.txt", {}, {}, many).status, StaticStatus::ok);
    // An empty file has no satisfiable range.
    EXPECT_EQ(run("/empty.bin", {}, {}, "bytes=0-").status, StaticStatus::range_not_satisfiable);
}

TEST_F(HttpStatic, IfRange) {
    EXPECT_EQ(run("/a.txt", {}, {}, "bytes=0-0", "Sun, 06 Nov 1994 08:49:37 GMT").status, StaticStatus::partial);
    EXPECT_EQ(run("/a.txt", {}, {}, "bytes=0-0", "Sun, 06 Nov 1994 08:49:38 GMT").status, StaticStatus::ok);
    EXPECT_EQ(run("/a.txt", {}, {}, "bytes=0-0", "\"some-etag\"").status, StaticStatus::ok);
}

TEST_F(HttpStatic, EmptyFileAndResultReuse) {
    StaticOptions options;
    options.document_root = root_;
    StaticHandler handler(options);
    StaticResult r;
    handler.handle(StaticRequest{"/empty.bin", {}, {}, {}}, r);
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(r.content_length, 0u);
    EXPECT_TRUE(r.pieces.empty());
    EXPECT_NE(r.headers.find("application/octet-stream"), std::string::npos);
    handler.handle(StaticRequest{"/nope", {}, {}, {}}, r);
    EXPECT_EQ(r.status, StaticStatus::pass);
    EXPECT_TRUE(r.headers.empty());
    EXPECT_TRUE(r.pieces.empty());
}

TEST_F(HttpStatic, SymlinksInsideTheRootAreFollowed) {
    ASSERT_EQ(symlink((root_ + "/a.txt").c_str(), (root_ + "/link.txt").c_str()), 0);
    ASSERT_EQ(symlink((base_ + "/secret.txt").c_str(), (root_ + "/out.txt").c_str()), 0);
    StaticResult r = run("/link.txt");
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(body_of(r), kDigits);
    // A link the administrator placed in the root is served, as 4.8 does;
    // only the URL itself cannot climb out.
    EXPECT_EQ(run("/out.txt").status, StaticStatus::ok);
    EXPECT_EQ(run("/../secret.txt").status, StaticStatus::pass);
}

TEST_F(HttpStatic, FilesystemRootAsDocumentRoot) {
    StaticOptions options;
    options.document_root = "/";
    StaticResult r = run(root_ + "/a.txt", options);
    ASSERT_EQ(r.status, StaticStatus::ok);
    EXPECT_EQ(r.path, root_ + "/a.txt");
    EXPECT_EQ(run("/..", options).status, StaticStatus::pass);
}
