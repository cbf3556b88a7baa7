// kernel/server: the connection core in one process (single mode on the
// test's reactor). Clients are plain sockets checked between loop turns.
#include <gtest/gtest.h>

#include <malloc.h>
#if defined(__SANITIZE_ADDRESS__)
// From the ASan runtime (its header is not always installed).
extern "C" size_t __sanitizer_get_current_allocated_bytes();
#endif

#include <map>
#include <memory>

#include "base/error.h"
#include "server/protocol.h"
#include "server_test_helpers.h"

using namespace swoole::kernel;
using namespace swoole::test;

namespace {

struct Fixture {
    Reactor reactor;
    TestEvents events;
    std::unique_ptr<Server> server;
    std::unique_ptr<Script> script;
    Fixture() {}
    // Creates the server (call after setting events).
    ListenPort *make(SocketType type = kSockTcp, const std::string &host = "127.0.0.1") {
        server = std::make_unique<Server>(events.table());
        server->settings.max_wait_time = 0;  // the script's guard resets what is left instead
        script = std::make_unique<Script>(reactor, *server);
        return server->add_port(type, host, 0);
    }
    void run() {
        script->arm();
        ASSERT_EQ(server->start(), 0);
        EXPECT_FALSE(script->timed_out()) << "stuck at step " << script->step();
        EXPECT_TRUE(script->finished());
    }
};

// Heap bytes in use now (not the peak, not what the allocator keeps cached).
size_t heap_in_use() {
#if defined(__SANITIZE_ADDRESS__)
    return __sanitizer_get_current_allocated_bytes();
#else
    return mallinfo2().uordblks;
#endif
}

std::string be32(uint32_t v) {
    char b[4] = {char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
    return std::string(b, 4);
}

TEST(ServerCore, TcpEchoInfoAndStats) {
    Fixture f;
    std::vector<std::pair<SessionId, int>> closed;
    SessionId seen = 0;
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) {
        seen = c.session;
        EXPECT_TRUE(s.send(c.session, d));
    };
    f.events.close = [&](Server &, Connection &c, int r) { closed.emplace_back(c.session, r); };
    ListenPort *port = f.make();
    ASSERT_NE(port, nullptr);
    ASSERT_GT(port->port(), 0);
    int cli = -1;
    std::string got;
    f.script->then([&] { return (cli = tcp_client(port->port())) >= 0; });
    f.script->then([&] { return send_all(cli, "hello"); });
    f.script->then([&] {
        got += recv_now(cli);
        return got.size() >= 5;
    });
    f.script->then([&] {
        ClientInfo info{};
        EXPECT_TRUE(f.server->client_info(seen, info));
        EXPECT_EQ(info.server_port, port->port());
        EXPECT_EQ(info.socket_type, kSockTcp);
        EXPECT_EQ(info.remote_ip, "127.0.0.1");
        EXPECT_GT(info.remote_port, 0);
        EXPECT_GT(info.connect_time, 1e9);
        EXPECT_GE(info.last_recv_time, info.connect_time);
        EXPECT_GE(info.last_send_time, info.last_recv_time);
        EXPECT_EQ(info.send_queued_bytes, 0u);
        const ServerStats &st = f.server->stats();
        EXPECT_EQ(st.connection_num.load(), 1);
        EXPECT_EQ(st.accept_count.load(), 1);
        EXPECT_EQ(st.request_count.load(), 1);
        EXPECT_EQ(st.total_recv_bytes.load(), 5);
        EXPECT_EQ(st.total_send_bytes.load(), 5);
        std::vector<SessionId> list;
        EXPECT_TRUE(f.server->client_list(0, 10, list));
        EXPECT_EQ(list, std::vector<SessionId>{seen});
        EXPECT_FALSE(f.server->client_list(seen, 10, list));  // nothing beyond
        ::close(cli);
        return true;
    });
    f.script->then([&] { return !closed.empty(); });
    f.run();
    EXPECT_EQ(got, "hello");
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0].first, seen);
    EXPECT_GE(closed[0].second, 0);  // closed by the client
    EXPECT_EQ(f.server->stats().close_count.load(), 1);
    EXPECT_EQ(f.server->stats().connection_num.load(), 0);
}

TEST(ServerCore, SessionErrors) {
    Fixture f;
    std::vector<SessionId> ids;
    int close_in_close = 0, closing_code = 0, reactor_id = 0;
    f.events.connect = [&](Server &, Connection &c) { ids.push_back(c.session); };
    f.events.close = [&](Server &s, Connection &c, int r) {
        if (c.session == ids[0]) reactor_id = r;
        close_in_close = s.close(c.session) ? 1 : -1;
        closing_code = last_error();
        EXPECT_FALSE(s.exist(c.session));
        ClientInfo info{};
        EXPECT_TRUE(s.client_info(c.session, info));  // still there inside onClose
    };
    ListenPort *port = f.make();
    int a = -1, b = -1;
    f.script->then([&] {
        a = tcp_client(port->port());
        b = tcp_client(port->port());
        return a >= 0 && b >= 0;
    });
    f.script->then([&] { return ids.size() == 2; });
    f.script->then([&] {
        EXPECT_LT(ids[0], ids[1]);
        Server &s = *f.server;
        EXPECT_TRUE(s.exist(ids[0]));
        EXPECT_FALSE(s.send(0, "x"));
        EXPECT_EQ(last_error(), SW_ERROR_SESSION_INVALID_ID);
        EXPECT_FALSE(s.send(ids[1] + 100, "x"));
        EXPECT_EQ(last_error(), SW_ERROR_SESSION_NOT_EXIST);
        s.settings.buffer_output_size = 4;
        EXPECT_FALSE(s.send(ids[0], "12345"));
        EXPECT_EQ(last_error(), SW_ERROR_DATA_LENGTH_TOO_LARGE);
        s.settings.buffer_output_size = UINT32_MAX;
        EXPECT_TRUE(s.bind_uid(ids[0], 7));
        EXPECT_FALSE(s.bind_uid(ids[0], 8));
        EXPECT_TRUE(s.protect(ids[0]));
        ClientInfo info{};
        EXPECT_TRUE(s.client_info(ids[0], info));
        EXPECT_TRUE(info.uid_bound);
        EXPECT_EQ(info.uid, 7u);
        EXPECT_TRUE(s.close(ids[0]));  // active close
        EXPECT_FALSE(s.close(ids[0]));
        EXPECT_EQ(last_error(), SW_ERROR_SESSION_NOT_EXIST);
        EXPECT_FALSE(s.exist(ids[0]));
        EXPECT_FALSE(s.send(ids[0], "x"));
        EXPECT_EQ(last_error(), SW_ERROR_SESSION_NOT_EXIST);
        EXPECT_FALSE(s.pause(ids[0]));
        EXPECT_TRUE(s.send(ids[1], "still"));
        return true;
    });
    f.script->then([&] { return peer_closed(a, 0); });
    f.script->then([&] { return recv_now(b) == "still"; });
    f.run();
    EXPECT_EQ(close_in_close, -1);
    EXPECT_EQ(closing_code, SW_ERROR_SESSION_CLOSING);
    EXPECT_LT(reactor_id, 0);  // the first close was ours
    ::close(a);
    ::close(b);
}

// Sends `stream` cut at byte `cut`, waiting until the server has read the
// first part before writing the rest, for every cut.
void split_test(const FramingOptions &opt, const std::string &stream, const std::vector<std::string> &expect) {
    Fixture f;
    std::vector<std::string> packets;
    f.events.receive = [&](Server &, Connection &, std::string_view d) { packets.emplace_back(d); };
    ListenPort *port = f.make();
    port->settings.framing = true;
    port->settings.framing_options = opt;
    int cli = -1;
    int64_t sent = 0;
    f.script->then([&] { return (cli = tcp_client(port->port())) >= 0; });
    for (size_t cut = 1; cut < stream.size(); ++cut) {
        f.script->then([&, cut] {
            sent += static_cast<int64_t>(cut);
            return send_all(cli, std::string_view(stream).substr(0, cut));
        });
        f.script->then([&] { return f.server->stats().total_recv_bytes.load() == sent; });
        f.script->then([&, cut] {
            sent += static_cast<int64_t>(stream.size() - cut);
            return send_all(cli, std::string_view(stream).substr(cut));
        });
        f.script->then([&] { return f.server->stats().total_recv_bytes.load() == sent; });
    }
    f.run();
    ASSERT_EQ(packets.size(), expect.size() * (stream.size() - 1));
    for (size_t i = 0; i < packets.size(); ++i) ASSERT_EQ(packets[i], expect[i % expect.size()]) << "packet " << i;
    ::close(cli);
}

TEST(ServerCore, EofSplitAtEveryByte) {
    FramingOptions opt;
    opt.open_eof_split = true;
    opt.package_eof = "\r\n";
    split_test(opt, "hello\r\nworld!\r\n", {"hello\r\n", "world!\r\n"});
}

TEST(ServerCore, LengthFramingAtEveryByte) {
    FramingOptions opt;
    opt.open_length_check = true;
    opt.package_length_type = 'N';
    opt.package_length_offset = 0;
    opt.package_body_offset = 4;
    std::string a = be32(3) + "abc", b = be32(5) + "12345";
    split_test(opt, a + b, {a, b});
}

TEST(ServerCore, OversizedPacketClosesOnlyThatConnection) {
    Fixture f;
    std::vector<std::string> packets;
    int closes = 0;
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) {
        packets.emplace_back(d);
        s.send(c.session, d);
    };
    f.events.close = [&](Server &, Connection &, int r) {
        ++closes;
        EXPECT_GE(r, 0);
    };
    ListenPort *port = f.make();
    port->settings.framing = true;
    port->settings.framing_options.open_length_check = true;
    port->settings.framing_options.package_body_offset = 4;
    port->settings.framing_options.package_max_length = 1024;
    int bad = -1, good = -1;
    std::string ok = be32(2) + "ok";
    f.script->then([&] {
        bad = tcp_client(port->port());
        good = tcp_client(port->port());
        return bad >= 0 && good >= 0;
    });
    f.script->then([&] { return send_all(bad, be32(4096) + "xx"); });
    f.script->then([&] { return peer_closed(bad, 0); });
    f.script->then([&] { return send_all(good, ok); });
    f.script->then([&] { return recv_now(good) == ok; });
    f.run();
    EXPECT_EQ(closes, 2);  // bad by the framer, good at shutdown
    EXPECT_EQ(packets, std::vector<std::string>{ok});
    ::close(bad);
    ::close(good);
}

TEST(ServerCore, SlowReaderBufferFullThenEmpty) {
    Fixture f;
    int full = 0, empty = 0;
    SessionId sid = 0;
    f.events.connect = [&](Server &, Connection &c) { sid = c.session; };
    f.events.buffer_full = [&](Server &, Connection &c) {
        EXPECT_EQ(c.session, sid);
        ++full;
    };
    f.events.buffer_empty = [&](Server &, Connection &) { ++empty; };
    ListenPort *port = f.make();
    port->settings.socket_buffer_size = 512 * 1024;
    int cli = -1;
    size_t queued = 0, total = 0;
    std::string chunk(64 * 1024, 'z');
    f.script->then([&] {
        cli = tcp_client(port->port());
        return cli >= 0;
    });
    f.script->then([&] { return sid != 0; });
    f.script->then([&] {
        // Fill until the server refuses: the cap bounds what is queued.
        for (int i = 0; i < 1000; ++i) {
            if (!f.server->send(sid, chunk)) {
                EXPECT_EQ(last_error(), SW_ERROR_OUTPUT_BUFFER_OVERFLOW);
                ClientInfo info{};
                f.server->client_info(sid, info);
                queued = info.send_queued_bytes;
                return true;
            }
            total += chunk.size();
        }
        ADD_FAILURE() << "send never failed";
        return true;
    });
    size_t drained = 0;
    f.script->then([&] {
        drained += recv_now(cli).size();
        return drained == total;
    });
    f.script->then([&] { return empty == 1; });
    f.run();
    EXPECT_EQ(drained, total);
    EXPECT_EQ(full, 1);
    EXPECT_EQ(empty, 1);
    EXPECT_GT(queued, 512u * 1024 * 8 / 10 - chunk.size());
    EXPECT_LE(queued, 512u * 1024);
    ::close(cli);
}

TEST(ServerCore, HeartbeatClosesIdleButNotProtected) {
    Fixture f;
    std::vector<SessionId> ids;
    std::map<SessionId, int> closed;
    f.events.connect = [&](Server &, Connection &c) { ids.push_back(c.session); };
    f.events.close = [&](Server &, Connection &c, int r) { closed[c.session] = r; };
    ListenPort *port = f.make();
    port->settings.heartbeat_idle_time = 1;  // the scan runs every second
    int a = -1, b = -1;
    f.script->then([&] {
        EXPECT_TRUE(f.server->heartbeat(false));
        a = tcp_client(port->port());
        b = tcp_client(port->port());
        return a >= 0 && b >= 0;
    });
    f.script->then([&] { return ids.size() == 2; });
    f.script->then([&] {
        std::vector<SessionId> idle;
        EXPECT_TRUE(f.server->heartbeat(false, &idle));
        EXPECT_TRUE(idle.empty());
        return f.server->protect(ids[1]);
    });
    f.script->then([&] { return closed.count(ids[0]) == 1; });
    f.script->then([&] { return peer_closed(a, 0); });
    f.run();
    EXPECT_GE(closed[ids[0]], 0);  // heartbeat closes report a reactor id
    EXPECT_EQ(closed.size(), 2u);  // b only at shutdown
    ::close(a);
    ::close(b);
}

TEST(ServerCore, HeartbeatOffReturnsFalse) {
    Fixture f;
    f.make();
    f.script->then([&] { return !f.server->heartbeat(false); });
    f.run();
}

TEST(ServerCore, PauseAndResume) {
    Fixture f;
    std::vector<std::string> got;
    SessionId sid = 0;
    f.events.connect = [&](Server &, Connection &c) { sid = c.session; };
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) {
        got.emplace_back(d);
        if (got.size() == 1) {
            EXPECT_TRUE(s.pause(c.session));  // "a;b;" came in one read: "b;" waits
        }
    };
    ListenPort *port = f.make();
    port->settings.framing = true;
    port->settings.framing_options.open_eof_split = true;
    port->settings.framing_options.package_eof = ";";
    int cli = -1, turns = 0;
    f.script->then([&] { return (cli = tcp_client(port->port())) >= 0 && send_all(cli, "a;b;"); });
    f.script->then([&] { return got.size() == 1; });
    f.script->then([&] { return send_all(cli, "c;"); });
    f.script->then([&] { return ++turns == 20; });  // nothing may arrive while paused
    f.script->then([&] {
        EXPECT_EQ(got.size(), 1u);
        EXPECT_FALSE(f.server->pause(sid));
        EXPECT_TRUE(f.server->resume(sid));
        EXPECT_FALSE(f.server->resume(sid));
        return true;
    });
    f.script->then([&] { return got.size() == 3; });
    f.run();
    EXPECT_EQ(got, (std::vector<std::string>{"a;", "b;", "c;"}));
    ::close(cli);
}

TEST(ServerCore, MaxConnAborts) {
    Fixture f;
    int connects = 0;
    f.events.connect = [&](Server &, Connection &) { ++connects; };
    ListenPort *port = f.make();
    f.server->settings.max_conn = 2;
    int c[3] = {-1, -1, -1};
    f.script->then([&] {
        for (int &fd : c) fd = tcp_client(port->port());
        return true;
    });
    f.script->then([&] { return f.server->stats().accept_count.load() == 3; });
    f.script->then([&] { return peer_closed(c[2], 0); });
    f.run();
    EXPECT_EQ(connects, 2);
    EXPECT_EQ(f.server->stats().abort_count.load(), 1);
    for (int fd : c) ::close(fd);
}

TEST(ServerCore, ManyConnectionsNoLeak) {
    Fixture f;
    int64_t closes = 0;
    f.events.close = [&](Server &, Connection &, int) { ++closes; };
    ListenPort *port = f.make();
    constexpr int kTotal = 10000, kBatch = 500;
    std::vector<int> open;
    int fds_before = 0, fds_after = 0;
    size_t heap_mid = 0, heap_end = 0;
    f.script->then([&] {
        fds_before = open_fd_count();
        return true;
    });
    for (int round = 0; round < kTotal / kBatch; ++round) {
        f.script->then([&] {
            for (int i = 0; i < kBatch; ++i) open.push_back(tcp_client(port->port()));
            return true;
        });
        f.script->then([&, round] { return f.server->stats().connection_num.load() == kBatch; });
        f.script->then([&, round] {
            for (int fd : open) ::close(fd);
            open.clear();
            return true;
        });
        f.script->then([&, round] {
            if (f.server->stats().connection_num.load() != 0) return false;
            if (round == kTotal / kBatch / 2) heap_mid = heap_in_use();
            return true;
        });
    }
    f.script->then([&] {
        fds_after = open_fd_count();
        heap_end = heap_in_use();
        return true;
    });
    f.run();
    EXPECT_EQ(closes, kTotal);
    EXPECT_EQ(f.server->stats().accept_count.load(), kTotal);
    EXPECT_EQ(fds_after, fds_before);
    // The second half of the churn left no more heap in use than the first.
    EXPECT_LT(static_cast<long>(heap_end) - static_cast<long>(heap_mid), 256 * 1024);
}

TEST(ServerCore, UdpEcho) {
    Fixture f;
    std::string peer_host;
    f.events.packet = [&](Server &s, std::string_view d, const PacketInfo &info) {
        peer_host = info.address->host();
        EXPECT_TRUE(s.sendto(*info.address, std::string("re:") + std::string(d)));
    };
    ListenPort *port = f.make(kSockUdp);
    ASSERT_NE(port, nullptr);
    int cli = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    SocketAddress to;
    to.assign(AF_INET, "127.0.0.1", port->port());
    std::string got;
    f.script->then([&] { return sendto(cli, "ping", 4, 0, to.sa(), to.length) == 4; });
    f.script->then([&] {
        got += recv_now(cli);
        return !got.empty();
    });
    f.run();
    EXPECT_EQ(got, "re:ping");
    EXPECT_EQ(peer_host, "127.0.0.1");
    EXPECT_EQ(f.server->stats().request_count.load(), 1);
    ::close(cli);
}

TEST(ServerCore, Tcp6Echo) {
    Fixture f;
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) { s.send(c.session, d); };
    ListenPort *port = f.make(kSockTcp6, "::1");
    ASSERT_NE(port, nullptr);
    int cli = -1;
    f.script->then([&] { return (cli = tcp_client(port->port(), true)) >= 0 && send_all(cli, "six"); });
    f.script->then([&] { return recv_now(cli) == "six"; });
    f.run();
    ::close(cli);
}

TEST(ServerCore, UnixStreamEcho) {
    Fixture f;
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) { s.send(c.session, d); };
    std::string path = temp_path("stream");
    ListenPort *port = f.make(kSockUnixStream, path);
    ASSERT_NE(port, nullptr);
    int cli = -1;
    f.script->then([&] { return (cli = unix_stream_client(path)) >= 0 && send_all(cli, "unix"); });
    f.script->then([&] { return recv_now(cli) == "unix"; });
    f.run();
    EXPECT_NE(::access(path.c_str(), F_OK), 0);  // the socket file goes with the server
    ::close(cli);
    ::unlink(path.c_str());
}

TEST(ServerCore, UnixDgramEcho) {
    Fixture f;
    f.events.packet = [&](Server &s, std::string_view d, const PacketInfo &info) {
        EXPECT_TRUE(s.sendto(*info.address, d));
    };
    std::string path = temp_path("dgram"), client_path = temp_path("dgram_cli");
    ListenPort *port = f.make(kSockUnixDgram, path);
    ASSERT_NE(port, nullptr);
    ::unlink(client_path.c_str());
    int cli = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    SocketAddress me, to;
    me.assign(AF_UNIX, client_path, 0);
    to.assign(AF_UNIX, path, 0);
    ASSERT_EQ(bind(cli, me.sa(), me.length), 0);
    f.script->then([&] { return sendto(cli, "dg", 2, 0, to.sa(), to.length) == 2; });
    f.script->then([&] { return recv_now(cli) == "dg"; });
    f.run();
    ::close(cli);
    ::unlink(path.c_str());
    ::unlink(client_path.c_str());
}

TEST(ServerCore, SendtoWithoutDgramPortFails) {
    Fixture f;
    f.make();
    f.script->then([&] {
        SocketAddress a;
        a.assign(AF_INET, "127.0.0.1", 9);
        EXPECT_FALSE(f.server->sendto(a, "x"));
        EXPECT_EQ(last_error(), SW_ERROR_SERVER_INVALID_LISTEN_PORT);
        return true;
    });
    f.run();
}

// A module-style protocol: "+N" lines answered "=N+1" by the protocol itself,
// any other complete line delivered to the receive callback, "!" refused.
struct LineProtocol {
    int opens = 0, closes = 0;
    static int open(void *self, sw_server_conn *, void **state) {
        auto *p = static_cast<LineProtocol *>(self);
        ++p->opens;
        *state = p;
        return 0;
    }
    static int input(void *, void *, sw_server_conn *conn) {
        for (;;) {
            size_t len = 0;
            const char *data = conn_input(conn, &len);
            std::string_view view(data, len);
            size_t nl = view.find('\n');
            if (nl == std::string_view::npos) return 0;
            std::string_view line = view.substr(0, nl);
            if (line == "!") return SW_ERROR_PACKAGE_MALFORMED_DATA;
            if (!line.empty() && line[0] == '+') {
                std::string reply = "=" + std::to_string(std::stoi(std::string(line.substr(1))) + 1) + "\n";
                conn_consume(conn, nl + 1);
                if (conn_send(conn, reply.data(), reply.size()) != 0) return 0;
                continue;
            }
            int stop = conn_deliver(conn, line.data(), line.size());
            conn_consume(conn, nl + 1);
            if (stop) return 0;
        }
    }
    static void close(void *self, void *state, sw_server_conn *) {
        EXPECT_EQ(self, state);
        ++static_cast<LineProtocol *>(self)->closes;
    }
};

TEST(ServerCore, ModuleProtocolInterface) {
    Fixture f;
    LineProtocol lp;
    ServerProtocol proto{sizeof(ServerProtocol), "line", &lp, LineProtocol::open, LineProtocol::input,
                         LineProtocol::close};
    std::vector<std::string> delivered;
    f.events.receive = [&](Server &, Connection &c, std::string_view d) {
        EXPECT_GT(conn_session(&c), 0);
        delivered.emplace_back(d);
    };
    ListenPort *port = f.make();
    port->settings.protocol = &proto;
    int a = -1, b = -1;
    std::string got;
    f.script->then([&] {
        a = tcp_client(port->port());
        b = tcp_client(port->port());
        return send_all(a, "+41\nhello\n+1") && send_all(b, "!\n");
    });
    f.script->then([&] { return peer_closed(b, 0); });
    f.script->then([&] { return send_all(a, "\n"); });
    f.script->then([&] {
        got += recv_now(a);
        return got == "=42\n=2\n";
    });
    f.run();
    EXPECT_EQ(delivered, std::vector<std::string>{"hello"});
    EXPECT_EQ(lp.opens, 2);
    EXPECT_EQ(lp.closes, 2);
    ::close(a);
    ::close(b);
}

TEST(ServerCore, CloseFlushesQueuedOutputResetDropsIt) {
    Fixture f;
    std::vector<SessionId> ids;
    f.events.connect = [&](Server &, Connection &c) { ids.push_back(c.session); };
    ListenPort *port = f.make();
    port->settings.socket_buffer_size = 8 * 1024 * 1024;  // a send must fit in it whole
    int a = -1, b = -1;
    const std::string big(4 * 1024 * 1024, 'q');
    std::string got;
    f.script->then([&] {
        a = tcp_client(port->port());
        b = tcp_client(port->port());
        return a >= 0 && b >= 0;
    });
    f.script->then([&] { return ids.size() == 2; });
    f.script->then([&] {
        ClientInfo info{};
        EXPECT_TRUE(f.server->send(ids[0], big));
        EXPECT_TRUE(f.server->client_info(ids[0], info));
        EXPECT_GT(info.send_queued_bytes, 0u);  // more than the socket takes at once
        EXPECT_TRUE(f.server->close(ids[0]));   // graceful: flushed first
        EXPECT_FALSE(f.server->send(ids[0], "late"));
        EXPECT_EQ(last_error(), SW_ERROR_SESSION_CLOSING);
        EXPECT_TRUE(f.server->send(ids[1], big));
        EXPECT_TRUE(f.server->close(ids[1], true));  // reset: dropped
        EXPECT_FALSE(f.server->exist(ids[1]));
        return true;
    });
    f.script->then([&] {
        char buf[65536];
        for (;;) {
            ssize_t n = recv(a, buf, sizeof buf, MSG_DONTWAIT);
            if (n > 0) {
                got.append(buf, static_cast<size_t>(n));
                continue;
            }
            return n == 0;  // EOF after everything
        }
    });
    f.run();
    EXPECT_EQ(got.size(), big.size());
    EXPECT_EQ(f.server->stats().connection_num.load(), 0);
    ::close(a);
    ::close(b);
}

TEST(ServerCore, DelayReceiveWaitsForResume) {
    Fixture f;
    SessionId sid = 0;
    std::vector<std::string> got;
    f.events.connect = [&](Server &, Connection &c) { sid = c.session; };
    f.events.receive = [&](Server &, Connection &, std::string_view d) { got.emplace_back(d); };
    ListenPort *port = f.make();
    f.server->settings.enable_delay_receive = true;
    int cli = -1, turns = 0;
    f.script->then([&] { return (cli = tcp_client(port->port())) >= 0 && send_all(cli, "early"); });
    f.script->then([&] { return sid != 0 && ++turns == 20; });
    f.script->then([&] {
        EXPECT_TRUE(got.empty());
        return f.server->resume(sid);
    });
    f.script->then([&] { return got.size() == 1; });
    f.run();
    EXPECT_EQ(got, std::vector<std::string>{"early"});
    ::close(cli);
}

TEST(ServerCore, RawReadsAreAtMost64KiB) {
    Fixture f;
    size_t total = 0, largest = 0;
    f.events.receive = [&](Server &s, Connection &c, std::string_view d) {
        total += d.size();
        largest = std::max(largest, d.size());
        EXPECT_TRUE(s.send(c.session, d));  // echoed back, queued where the socket is full
    };
    ListenPort *port = f.make();
    const std::string blob(1024 * 1024, 'r');
    int cli = -1;
    size_t echoed = 0;
    f.script->then([&] {
        cli = tcp_client(port->port());
        set_nonblocking(cli);
        return cli >= 0;
    });
    size_t sent = 0;
    f.script->then([&] {
        // Write what the socket takes, read what came back, until all is echoed.
        if (sent < blob.size()) {
            ssize_t n = ::send(cli, blob.data() + sent, blob.size() - sent, MSG_NOSIGNAL);
            if (n > 0) sent += static_cast<size_t>(n);
        }
        echoed += recv_now(cli).size();
        return echoed == blob.size();
    });
    f.run();
    EXPECT_EQ(total, blob.size());
    EXPECT_LE(largest, 64u * 1024);
    EXPECT_GT(largest, 0u);
    ::close(cli);
}

TEST(ServerCore, BindFailureReportsErrno) {
    Fixture f;
    ListenPort *first = f.make();
    ASSERT_NE(first, nullptr);
    Server other(ServerEvents{});
    EXPECT_EQ(other.add_port(kSockTcp, "127.0.0.1", first->port()), nullptr);
    EXPECT_EQ(errno, EADDRINUSE);
    EXPECT_EQ(other.add_port(kSockTcp, "not-an-ip", 0), nullptr);
    EXPECT_EQ(errno, EINVAL);
}

}  // namespace
