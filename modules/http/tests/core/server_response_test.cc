// ResponseWriter: status line, defaults in 4.8's order, chunks.
#include <gtest/gtest.h>

#include "server/response_writer.h"

using namespace swoole::mod::http;

TEST(HttpResponseWriter, StatusLine) {
    ResponseWriter w;
    w.status_line(404, "");
    EXPECT_EQ(w.buffer(), "HTTP/1.1 404 Not Found\r\n");
    w.clear();
    w.status_line(499, "");
    EXPECT_EQ(w.buffer(), "HTTP/1.1 200 OK\r\n");
    w.clear();
    w.status_line(499, "Custom");
    EXPECT_EQ(w.buffer(), "HTTP/1.1 499 Custom\r\n");
}

TEST(HttpResponseWriter, DefaultsAfterUserHeaders) {
    ResponseWriter w;
    UserHeaderSet user;
    w.status_line(200, "");
    w.header("X-A", "1");
    user.note("X-A");
    w.header("content-type", "text/plain");
    user.note("content-type");
    w.defaults_and_end(user, true, 5, "");
    w.body("hello");
    std::string date(http_date_now());
    EXPECT_EQ(w.buffer(), "HTTP/1.1 200 OK\r\nX-A: 1\r\ncontent-type: text/plain\r\nServer: swoole-http-server\r\n"
                          "Connection: keep-alive\r\nDate: " + date + "\r\nContent-Length: 5\r\n\r\nhello");
    w.clear();
    w.status_line(200, "");
    w.defaults_and_end(UserHeaderSet{}, false, -1, "");
    EXPECT_NE(w.buffer().find("Connection: close\r\nContent-Type: text/html\r\n"), std::string::npos);
    EXPECT_NE(w.buffer().find("Transfer-Encoding: chunked\r\n\r\n"), std::string::npos);
    EXPECT_EQ(w.buffer().find("Content-Length"), std::string::npos);
    w.clear();
    w.status_line(200, "");
    w.defaults_and_end(UserHeaderSet{}, true, 3, "gzip");
    EXPECT_NE(w.buffer().find("Content-Length: 3\r\nContent-Encoding: gzip\r\n\r\n"), std::string::npos);
}

TEST(HttpResponseWriter, Chunks) {
    ResponseWriter w;
    w.chunk("abc");
    w.chunk("");
    w.chunk(std::string(26, 'z'));
    w.last_chunk();
    w.header("X-T", "v");
    w.end_trailers();
    EXPECT_EQ(w.buffer(), "3\r\nabc\r\n1a\r\n" + std::string(26, 'z') + "\r\n0\r\nX-T: v\r\n\r\n");
}

TEST(HttpResponseWriter, UserHeaderSetIsCaseInsensitive) {
    UserHeaderSet s;
    s.note("SERVER");
    s.note("content-LENGTH");
    s.note("x-server");
    EXPECT_TRUE(s.server);
    EXPECT_TRUE(s.content_length);
    EXPECT_FALSE(s.date);
    EXPECT_EQ(http_date_now().size(), 29u);
}
