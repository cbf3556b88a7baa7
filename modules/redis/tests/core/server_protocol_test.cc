// The "redis" server protocol driven through a fake host table: what it
// delivers, answers and closes for the bytes of one connection.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server/command_frame.h"
#include "server/resp_protocol.h"

using namespace swoole::mod::redis;

namespace {

struct FakeConn {
    std::string input;  // unread bytes start at `head`
    size_t head = 0;
    std::vector<std::vector<std::string>> delivered;
    std::string sent;
    bool closed = false;
    int close_reset = -1;
    int stop_after = -1;  // conn_deliver returns 1 once this many were delivered
};

std::vector<std::string> g_logs;

FakeConn *fake(sw_server_conn *c) { return reinterpret_cast<FakeConn *>(c); }

sw_host_api make_host() {
    sw_host_api h{};
    h.struct_size = sizeof(sw_host_api);
    h.log = [](int level, const char *m) { g_logs.push_back(std::to_string(level) + " " + m); };
    h.conn_session = [](const sw_server_conn *) -> int64_t { return 7; };
    h.conn_input = [](sw_server_conn *c, size_t *n) -> const char * {
        *n = fake(c)->input.size() - fake(c)->head;
        return fake(c)->input.data() + fake(c)->head;
    };
    h.conn_consume = [](sw_server_conn *c, size_t n) { fake(c)->head += n; };
    h.conn_deliver = [](sw_server_conn *c, const char *d, size_t n) -> int {
        FrameReader reader;
        EXPECT_TRUE(reader.open({d, n}));
        std::vector<std::string> words;
        std::string_view w;
        while (reader.next(w)) words.emplace_back(w);
        fake(c)->delivered.push_back(words);
        return static_cast<int>(fake(c)->delivered.size()) == fake(c)->stop_after ? 1 : 0;
    };
    h.conn_send = [](sw_server_conn *c, const char *d, size_t n) -> int {
        fake(c)->sent.append(d, n);
        return 0;
    };
    h.conn_close = [](sw_server_conn *c, int reset) -> int {
        fake(c)->closed = true;
        fake(c)->close_reset = reset;
        return 0;
    };
    return h;
}

class RedisServerProtocol : public ::testing::Test {
  protected:
    void SetUp() override {
        g_logs.clear();
        ASSERT_EQ(proto_.table()->open(proto_.table()->self, raw(), &state_), 0);
        ASSERT_NE(state_, nullptr);
    }
    void TearDown() override {
        if (state_) proto_.table()->close(proto_.table()->self, state_, raw());
    }
    sw_server_conn *raw() { return reinterpret_cast<sw_server_conn *>(&conn_); }
    // Appends bytes and runs input() as the server does after a read.
    int feed(std::string_view bytes) {
        conn_.input.append(bytes);
        int rc = proto_.table()->input(proto_.table()->self, state_, raw());
        if (conn_.closed) {  // the server runs close() on conn_close
            proto_.table()->close(proto_.table()->self, state_, raw());
            state_ = nullptr;
        }
        return rc;
    }
    std::string pending() const { return conn_.input.substr(conn_.head); }

    sw_host_api host_ = make_host();
    RespProtocol proto_{&host_};
    FakeConn conn_;
    void *state_ = nullptr;
};

using Cmds = std::vector<std::vector<std::string>>;

}  // namespace

TEST_F(RedisServerProtocol, TableIsComplete) {
    const sw_server_protocol *t = proto_.table();
    EXPECT_EQ(t->struct_size, sizeof(sw_server_protocol));
    EXPECT_STREQ(t->name, "redis");
    EXPECT_EQ(t->self, &proto_);
    EXPECT_NE(t->input, nullptr);
}

TEST_F(RedisServerProtocol, PipelinedCommandsAreAllDeliveredInOrder) {
    EXPECT_EQ(feed("*1\r\n$4\r\nPING\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\nPING\r\n\r\n*0\r\n*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n"),
              0);
    EXPECT_EQ(conn_.delivered, (Cmds{{"PING"}, {"GET", "k"}, {"PING"}, {"SET", "k", "v"}}));
    EXPECT_EQ(pending(), "");
    EXPECT_FALSE(conn_.closed);
}

TEST_F(RedisServerProtocol, ByteByByte) {
    std::string stream = "*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\nPING\r\n*1\r\n$4\r\nQUIT\r\n";
    std::vector<size_t> after;  // delivery counts after each byte
    for (char c : stream) {
        ASSERT_EQ(feed(std::string_view(&c, 1)), 0);
        after.push_back(conn_.delivered.size());
    }
    EXPECT_EQ(conn_.delivered, (Cmds{{"ECHO", "hello"}, {"PING"}, {"QUIT"}}));
    // Each command was delivered exactly when its last byte arrived.
    EXPECT_EQ(after[23], 0u);
    EXPECT_EQ(after[24], 1u);
    EXPECT_EQ(after[29], 1u);
    EXPECT_EQ(after[30], 2u);
    EXPECT_EQ(after.back(), 3u);
}

TEST_F(RedisServerProtocol, StopsWhenTheServerStopsReading) {
    conn_.stop_after = 1;
    feed("PING\r\nPING\r\n");
    EXPECT_EQ(conn_.delivered.size(), 1u);
    EXPECT_EQ(pending(), "PING\r\n");
    conn_.stop_after = -1;
    feed("");
    EXPECT_EQ(conn_.delivered.size(), 2u);
}

TEST_F(RedisServerProtocol, MalformedInputAnswersAndClosesAfterFlushing) {
    feed("PING\r\n*1\r\n:12\r\nPING\r\n");
    EXPECT_EQ(conn_.delivered, (Cmds{{"PING"}}));  // what came before the error ran
    EXPECT_EQ(conn_.sent, "-ERR Protocol error: expected '$'\r\n");
    EXPECT_TRUE(conn_.closed);
    EXPECT_EQ(conn_.close_reset, 0);
    ASSERT_EQ(g_logs.size(), 1u);
    EXPECT_EQ(g_logs[0], "4 redis protocol error: expected '$' (session#7)");
}

TEST_F(RedisServerProtocol, TooLongCommandNameClosesWithoutReply) {
    feed("*1\r\n$70\r\nabcdefghij");
    EXPECT_TRUE(conn_.delivered.empty());
    EXPECT_EQ(conn_.sent, "");
    EXPECT_TRUE(conn_.closed);
    ASSERT_EQ(g_logs.size(), 1u);
    EXPECT_EQ(g_logs[0], "4 command [abcdefgh...](length=70) is too long");
}

TEST_F(RedisServerProtocol, WaitsForTheRestOfABigRequest) {
    std::string value(300000, 'v');
    std::string req = "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$300000\r\n" + value + "\r\n";
    for (size_t at = 0; at < req.size(); at += 65536) feed(std::string_view(req).substr(at, 65536));
    ASSERT_EQ(conn_.delivered.size(), 1u);
    EXPECT_EQ(conn_.delivered[0][2], value);
}
