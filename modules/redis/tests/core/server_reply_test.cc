// RESP reply pieces behind Redis\Server::format().
#include <gtest/gtest.h>

#include <climits>
#include <string>

#include "server/reply_writer.h"

using namespace swoole::mod::redis;

TEST(RedisServerReply, Headers) {
    char buf[kMaxReplyHeader];
    auto header = [&](char p, int64_t n) { return std::string(buf, write_reply_header(buf, p, n)); };
    EXPECT_EQ(header(':', 0), ":0\r\n");
    EXPECT_EQ(header(':', 12), ":12\r\n");
    EXPECT_EQ(header(':', -7), ":-7\r\n");
    EXPECT_EQ(header(':', INT64_MAX), ":9223372036854775807\r\n");
    EXPECT_EQ(header(':', INT64_MIN), ":-9223372036854775808\r\n");
    EXPECT_EQ(header('*', 2), "*2\r\n");
}

TEST(RedisServerReply, Pieces) {
    std::string out;
    append_line(out, '+', "OK");
    append_line(out, '-', "ERR x");
    append_bulk(out, std::string("a\0b", 3));
    append_header(out, '*', 1);
    EXPECT_EQ(out, std::string("+OK\r\n-ERR x\r\n$3\r\na\0b\r\n*1\r\n", 26));
}
