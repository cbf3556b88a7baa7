// The client core against the real redis-server that tools/test starts
// (SWOOLE_TEST_REDIS_PORT) and against tiny fake servers for the faults:
// encoding, pipelines, error replies, protocol errors, EOF mid-reply,
// timeouts, refused connects, AUTH/SELECT on connect.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "client/redis_connection.h"
#include "module/host_api.h"

namespace swoole::mod::redis {
namespace {

const sw_host_api *host() { return kernel::kernel_host_api(); }

int redis_port() {
    const char *p = std::getenv("SWOOLE_TEST_REDIS_PORT");
    if (!p || !*p) {
        ADD_FAILURE() << "SWOOLE_TEST_REDIS_PORT is not set: run through tools/test redis (it starts redis-server)";
        return 0;
    }
    return std::atoi(p);
}

// Runs fn in a coroutine and the loop until everything finished.
void run(std::function<void()> fn) {
    host()->defer([](void *) {}, nullptr);  // makes this thread's loop exist before the first wait
    host()->co_create([](void *arg) { (*static_cast<std::function<void()> *>(arg))(); }, &fn);
    host()->loop_run();
}

// A listening loopback socket on a free port.
struct Listener {
    int fd = -1;
    int port = 0;
    Listener() {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof(a));
        ::listen(fd, 8);
        socklen_t len = sizeof(a);
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
        port = ntohs(a.sin_port);
    }
    ~Listener() { ::close(fd); }
    // In a coroutine: the next connection (blocking the coroutine only).
    int accept_one() {
        if (host()->co_wait_fd(fd, SW_EVENT_READ, 5) != SW_WAIT_READY) return -1;
        return ::accept(fd, nullptr, nullptr);
    }
};

// A fake server in its own coroutine: accepts one connection, waits for
// the request, writes `answer`, then closes (or keeps it open when hold).
void fake_server(Listener &l, std::string answer, bool hold, double hold_seconds = 0) {
    struct Ctx {
        Listener *l;
        std::string answer;
        bool hold;
        double seconds;
    };
    auto *ctx = new Ctx{&l, std::move(answer), hold, hold_seconds};
    host()->co_create(
        [](void *arg) {
            std::unique_ptr<Ctx> c(static_cast<Ctx *>(arg));
            int s = c->l->accept_one();
            ASSERT_GE(s, 0);
            host()->co_wait_fd(s, SW_EVENT_READ, 5);
            char buf[256];
            (void)!::read(s, buf, sizeof(buf));
            if (!c->answer.empty()) (void)!::write(s, c->answer.data(), c->answer.size());
            // Held open until the client goes away (the guard only bounds a failure).
            if (c->hold) host()->co_wait_fd(s, SW_EVENT_READ, c->seconds);
            ::close(s);
        },
        ctx);
}

ArgList args_of(std::initializer_list<std::string_view> list) {
    ArgList a;
    for (auto s : list) a.add(s);
    return a;
}

TEST(RedisClientConnection, SetGetAndTypes) {
    int port = redis_port();
    ASSERT_GT(port, 0);
    run([&] {
        Connection c(host());
        ASSERT_TRUE(c.open("127.0.0.1", port, {})) << c.error().code << " " << c.error().message;
        EXPECT_TRUE(c.connected());
        EXPECT_GE(c.fd(), 0);
        EXPECT_FALSE(c.found_dead());
        std::string value("a\0b\r\nc", 6);  // binary safe
        auto set = args_of({"SET", "core:k", value});
        ReplyPtr r = c.call(set);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->type, REDIS_REPLY_STATUS);
        EXPECT_EQ(std::string_view(r->str, r->len), "OK");
        auto get = args_of({"GET", "core:k"});
        r = c.call(get);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->type, REDIS_REPLY_STRING);
        EXPECT_EQ(std::string(r->str, r->len), value);
        auto missing = args_of({"GET", "core:missing"});
        r = c.call(missing);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->type, REDIS_REPLY_NIL);
        auto del = args_of({"DEL", "core:k", "core:missing"});
        r = c.call(del);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->type, REDIS_REPLY_INTEGER);
        EXPECT_EQ(r->integer, 1);
        EXPECT_TRUE(c.error().ok());
    });
}

TEST(RedisClientConnection, PipelineSendsNReadsN) {
    int port = redis_port();
    ASSERT_GT(port, 0);
    run([&] {
        Connection c(host());
        ASSERT_TRUE(c.open("127.0.0.1", port, {}));
        auto del = args_of({"DEL", "core:counter"});
        ASSERT_TRUE(c.call(del));
        auto incr = args_of({"INCR", "core:counter"});
        for (int i = 0; i < 500; i++) ASSERT_TRUE(c.append(incr));
        ASSERT_TRUE(c.flush());
        for (int i = 1; i <= 500; i++) {
            ReplyPtr r = c.read();
            ASSERT_TRUE(r);
            ASSERT_EQ(r->type, REDIS_REPLY_INTEGER);
            ASSERT_EQ(r->integer, i);
        }
        // A large value crosses many reads.
        std::string big(1 << 20, 'x');
        auto set = args_of({"SET", "core:big", big});
        ASSERT_TRUE(c.call(set));
        auto get = args_of({"GET", "core:big"});
        ReplyPtr r = c.call(get);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->len, big.size());
    });
}

TEST(RedisClientConnection, ErrorReplyKeepsConnection) {
    int port = redis_port();
    ASSERT_GT(port, 0);
    run([&] {
        Connection c(host());
        ASSERT_TRUE(c.open("127.0.0.1", port, {}));
        auto set = args_of({"SET", "core:str", "v"});
        ASSERT_TRUE(c.call(set));
        auto hincr = args_of({"HINCRBY", "core:str", "f", "1"});
        ReplyPtr r = c.call(hincr);
        ASSERT_TRUE(r);
        ASSERT_EQ(r->type, REDIS_REPLY_ERROR);
        Error e;
        e.set_server_error({r->str, r->len});
        EXPECT_EQ(e.type, ErrType::other);
        EXPECT_EQ(e.code, EINVAL);
        EXPECT_TRUE(e.message.starts_with("WRONGTYPE"));
        EXPECT_TRUE(c.connected());
        auto ping = args_of({"PING"});
        EXPECT_TRUE(c.call(ping));
    });
}

TEST(RedisClientConnection, NoauthMapsToItsOwnKind) {
    Error e;
    e.set_server_error("NOAUTH Authentication required.");
    EXPECT_EQ(e.type, ErrType::noauth);
    EXPECT_EQ(e.code, EACCES);
}

TEST(RedisClientConnection, AuthAndSelectOnConnect) {
    int port = redis_port();
    ASSERT_GT(port, 0);
    run([&] {
        Connection c(host());
        ConnectSettings s;
        s.database = 3;
        ASSERT_TRUE(c.open("127.0.0.1", port, s));
        auto set = args_of({"SET", "core:db3", "x"});
        ASSERT_TRUE(c.call(set));
        Connection d(host());
        ASSERT_TRUE(d.open("127.0.0.1", port, {}));
        auto get = args_of({"GET", "core:db3"});
        ReplyPtr r = d.call(get);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->type, REDIS_REPLY_NIL);  // db 0 has no such key
        // This server has no password: AUTH is refused and the connection closed.
        s.password = "wrong";
        EXPECT_FALSE(c.open("127.0.0.1", port, s));
        EXPECT_EQ(c.error().type, ErrType::other);
        EXPECT_FALSE(c.connected());
        // Not a valid database number.
        ConnectSettings bad;
        bad.database = 100000;
        EXPECT_FALSE(c.open("127.0.0.1", port, bad));
        EXPECT_EQ(c.error().type, ErrType::other);
    });
}

TEST(RedisClientConnection, RefusedConnect) {
    int port;
    {
        Listener l;
        port = l.port;
    }  // closed: nothing listens there now
    run([&] {
        Connection c(host());
        EXPECT_FALSE(c.open("127.0.0.1", port, {}));
        EXPECT_EQ(c.error().type, ErrType::io);
        EXPECT_EQ(c.error().code, ECONNREFUSED);
        EXPECT_EQ(c.error().message, "");
        EXPECT_FALSE(c.connected());
        auto ping = args_of({"PING"});
        EXPECT_FALSE(c.call(ping));
        EXPECT_EQ(c.error().type, ErrType::closed);
    });
}

TEST(RedisClientConnection, ProtocolError) {
    Listener l;
    run([&] {
        fake_server(l, "HTTP/1.1 400 Bad Request\r\n\r\n", false);
        Connection c(host());
        ASSERT_TRUE(c.open("127.0.0.1", l.port, {}));
        auto ping = args_of({"PING"});
        EXPECT_FALSE(c.call(ping));
        EXPECT_EQ(c.error().type, ErrType::protocol);
        EXPECT_EQ(c.error().code, EPROTO);
        EXPECT_EQ(c.error().message, "Protocol error, got \"H\" as reply type byte");
        EXPECT_FALSE(c.connected());
    });
}

TEST(RedisClientConnection, ServerGoesAwayMidReply) {
    Listener l;
    run([&] {
        fake_server(l, "*2\r\n$5\r\nhello\r\n$10\r\nabc", false);
        Connection c(host());
        ASSERT_TRUE(c.open("127.0.0.1", l.port, {}));
        auto cmd = args_of({"LRANGE", "k", "0", "-1"});
        EXPECT_FALSE(c.call(cmd));
        EXPECT_EQ(c.error().type, ErrType::eof);
        EXPECT_EQ(c.error().code, ECONNRESET);
        EXPECT_FALSE(c.connected());
    });
}

TEST(RedisClientConnection, ReadTimeout) {
    Listener l;
    run([&] {
        fake_server(l, "", true, 5.0);  // reads the request, never answers
        Connection c(host());
        ConnectSettings s;
        s.timeout = 0.2;
        ASSERT_TRUE(c.open("127.0.0.1", l.port, s));
        auto ping = args_of({"PING"});
        EXPECT_FALSE(c.call(ping));
        EXPECT_EQ(c.error().type, ErrType::io);
        EXPECT_EQ(c.error().code, ETIMEDOUT);
        EXPECT_FALSE(c.connected());
    });
}

}  // namespace
}  // namespace swoole::mod::redis
