#include "server/mime.h"

#include <gtest/gtest.h>

using swoole::mod::http::MimeTable;
using swoole::mod::http::mime_type_of;

TEST(HttpMime, CommonTypes) {
    EXPECT_EQ(mime_type_of("index.html"), "text/html");
    EXPECT_EQ(mime_type_of("a.htm"), "text/html");
    EXPECT_EQ(mime_type_of("style.css"), "text/css");
    EXPECT_EQ(mime_type_of("app.js"), "application/javascript");
    EXPECT_EQ(mime_type_of("data.json"), "application/json");
    EXPECT_EQ(mime_type_of("logo.png"), "image/png");
    EXPECT_EQ(mime_type_of("photo.jpeg"), "image/jpeg");
    EXPECT_EQ(mime_type_of("photo.jpg"), "image/jpeg");
    EXPECT_EQ(mime_type_of("notes.txt"), "text/plain");
    EXPECT_EQ(mime_type_of("doc.pdf"), "application/pdf");
    EXPECT_EQ(mime_type_of("font.woff2"), "font/woff2");
    EXPECT_EQ(mime_type_of("icon.svg"), "image/svg+xml");
    EXPECT_EQ(mime_type_of("clip.mp4"), "video/mp4");
}

TEST(HttpMime, LookupRules) {
    EXPECT_EQ(mime_type_of("/var/www/A.HTML"), "text/html");  // case-insensitive
    EXPECT_EQ(mime_type_of("archive.tar.gz"), "application/gzip");  // last dot
    EXPECT_EQ(mime_type_of("README"), MimeTable::kDefaultType);
    EXPECT_EQ(mime_type_of("file.unknownext"), MimeTable::kDefaultType);
    EXPECT_EQ(mime_type_of("dir.d/noext"), MimeTable::kDefaultType);  // a dot in a directory name does not count
    EXPECT_EQ(mime_type_of("trailing."), MimeTable::kDefaultType);
    EXPECT_EQ(mime_type_of(""), MimeTable::kDefaultType);
    EXPECT_EQ(mime_type_of(std::string(200, 'x') + "." + std::string(100, 'y')), MimeTable::kDefaultType);
    EXPECT_EQ(MimeTable::extension_of("a/b.c/d.TXT"), "TXT");
    EXPECT_EQ(MimeTable::extension_of("a/b.c/d"), "");
    EXPECT_EQ(MimeTable::extension_of(".bashrc"), "bashrc");
}

TEST(HttpMime, EditTable) {
    MimeTable table;
    EXPECT_FALSE(table.exists("x.swx"));
    EXPECT_TRUE(table.add("swx", "application/x-test"));
    EXPECT_FALSE(table.add(".SWX", "other/type"));  // exists already
    EXPECT_TRUE(table.exists("file.SwX"));
    EXPECT_EQ(table.get("file.swx"), "application/x-test");
    EXPECT_TRUE(table.set(".swx", "application/x-other"));
    EXPECT_EQ(table.get("file.swx"), "application/x-other");
    EXPECT_TRUE(table.set("html", "text/x-html"));
    EXPECT_EQ(table.get("a.html"), "text/x-html");
    EXPECT_TRUE(table.remove("swx"));
    EXPECT_FALSE(table.remove("swx"));
    EXPECT_FALSE(table.exists("file.swx"));
    EXPECT_EQ(table.get("file.swx"), MimeTable::kDefaultType);
    EXPECT_FALSE(table.add("", "x/y"));
    EXPECT_FALSE(table.add("a.b", "x/y"));
    EXPECT_FALSE(table.set("a/b", "x/y"));
    EXPECT_FALSE(table.remove("."));
    EXPECT_EQ(table.list().count("png"), 1u);
    // The process-wide table is separate.
    EXPECT_EQ(mime_type_of("a.html"), "text/html");
}
