#include <gtest/gtest.h>

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <climits>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "protocol/framer.h"
#include "reactor/reactor.h"
#include "run_coroutines.h"
#include "socket/address.h"
#include "socket/socket.h"

using namespace swoole::kernel;

namespace {

using test_support::Body;
using test_support::run_coroutines;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// Starts a coroutine that runs f (f must outlive it).
void go(Body *f) {
    Coroutine::create([](void *arg) { (*static_cast<Body *>(arg))(); }, f);
}

std::unique_ptr<Socket> tcp_listener(int family, const char *host, int &port, int backlog = 512) {
    auto s = std::make_unique<Socket>(family, SOCK_STREAM, 0);
    if (!s->valid() || !s->bind(host, 0) || !s->listen(backlog)) return nullptr;
    SocketAddress addr;
    s->getsockname(addr);
    port = addr.port();
    return s;
}

bool ipv6_loopback_works() {
    int fd = ::socket(AF_INET6, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_addr = in6addr_loopback;
    bool ok = ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
    ::close(fd);
    return ok;
}

// A temporary directory for Unix socket paths and files, removed afterwards.
class TempDir {
  public:
    TempDir() {
        char tmpl[] = "/tmp/sw_socket_test.XXXXXX";
        path_ = ::mkdtemp(tmpl) ? tmpl : "/tmp";
    }
    ~TempDir() {
        for (auto &f : files_) ::unlink(f.c_str());
        ::rmdir(path_.c_str());
    }
    std::string file(const std::string &name) {
        files_.push_back(path_ + "/" + name);
        return files_.back();
    }

  private:
    std::string path_;
    std::vector<std::string> files_;
};

std::string pattern(size_t n, unsigned seed = 1) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) {
        seed = seed * 1103515245 + 12345;
        s[i] = char(seed >> 16);
    }
    return s;
}

std::string be32(uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
}

// A stream round trip between a connecting and an accepting coroutine.
void stream_round_trip(int family, const std::string &host, int port, Socket &listener) {
    std::string request = pattern(100000, 7);
    std::string reply_seen;
    SocketAddress server_peer, client_local, client_peer;
    run_coroutines({
        [&] {
            auto conn = listener.accept(5);
            ASSERT_TRUE(conn) << listener.error_message();
            conn->getpeername(server_peer);
            std::string got(request.size(), '\0');
            ASSERT_EQ(conn->recv_all(got.data(), got.size()), ssize_t(got.size())) << conn->error_message();
            EXPECT_EQ(got, request);
            std::string reply = "ok:" + std::to_string(got.size());
            EXPECT_EQ(conn->send_all(reply.data(), reply.size()), ssize_t(reply.size()));
            EXPECT_TRUE(conn->close());
        },
        [&] {
            Socket client(family, SOCK_STREAM, 0);
            ASSERT_TRUE(client.connect(host, port, 5)) << client.error_message();
            client.getsockname(client_local);
            client.getpeername(client_peer);
            EXPECT_EQ(client.send_all(request.data(), request.size()), ssize_t(request.size()));
            char buf[64];
            ssize_t n;
            while ((n = client.recv(buf, sizeof buf)) > 0) reply_seen.append(buf, size_t(n));
            EXPECT_EQ(n, 0);  // the server closed
        },
    });
    EXPECT_EQ(reply_seen, "ok:100000");
    if (family != AF_UNIX) {
        EXPECT_EQ(client_peer.port(), port);
        EXPECT_EQ(server_peer.port(), client_local.port());
        EXPECT_EQ(server_peer.host(), client_local.host());
    }
}

}  // namespace

// ---- round trips ----

TEST(SocketTcp, RoundTripOverIPv4) {
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port);
    ASSERT_TRUE(listener);
    stream_round_trip(AF_INET, "127.0.0.1", port, *listener);
}

TEST(SocketTcp, RoundTripOverIPv6) {
    if (!ipv6_loopback_works()) GTEST_SKIP() << "no IPv6 loopback here";
    int port = 0;
    auto listener = tcp_listener(AF_INET6, "::1", port);
    ASSERT_TRUE(listener);
    stream_round_trip(AF_INET6, "::1", port, *listener);
}

TEST(SocketTcp, ConnectResolvesAHostName) {
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port);
    ASSERT_TRUE(listener);
    stream_round_trip(AF_INET, "localhost", port, *listener);
}

TEST(SocketUnix, StreamRoundTrip) {
    TempDir dir;
    std::string path = dir.file("stream.sock");
    Socket listener(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_TRUE(listener.bind(path)) << listener.error_message();
    ASSERT_TRUE(listener.listen());
    SocketAddress addr;
    ASSERT_TRUE(listener.getsockname(addr));
    EXPECT_EQ(addr.host(), path);
    EXPECT_EQ(addr.port(), 0);
    stream_round_trip(AF_UNIX, path, 0, listener);
}

TEST(SocketUdp, RoundTripWithPeerAddresses) {
    Socket server(AF_INET, SOCK_DGRAM, 0);
    ASSERT_TRUE(server.bind("127.0.0.1", 0));
    SocketAddress server_addr;
    server.getsockname(server_addr);
    int port = server_addr.port();
    std::string answer;
    SocketAddress answered_by;
    run_coroutines({
        [&] {
            char buf[65536];
            for (int i = 0; i < 3; ++i) {
                SocketAddress from;
                ssize_t n = server.recvfrom(buf, sizeof buf, &from, 5);
                ASSERT_GT(n, 0) << server.error_message();
                EXPECT_EQ(from.host(), "127.0.0.1");
                std::string reply = "echo:" + std::string(buf, size_t(n));
                EXPECT_EQ(server.sendto(from, reply.data(), reply.size()), ssize_t(reply.size()));
            }
        },
        [&] {
            Socket client(AF_INET, SOCK_DGRAM, 0);
            char buf[256];
            for (std::string msg : {"one", "two", "three"}) {
                ASSERT_EQ(client.sendto("127.0.0.1", port, msg.data(), msg.size()), ssize_t(msg.size()))
                    << client.error_message();
                ssize_t n = client.recvfrom(buf, sizeof buf, &answered_by, 5);
                ASSERT_GT(n, 0);
                answer += std::string(buf, size_t(n)) + ";";
            }
        },
    });
    EXPECT_EQ(answer, "echo:one;echo:two;echo:three;");
    EXPECT_EQ(answered_by.port(), port);
}

TEST(SocketUdp, ConnectedDatagramSocketUsesSendAndRecv) {
    if (!ipv6_loopback_works()) GTEST_SKIP() << "no IPv6 loopback here";
    Socket server(AF_INET6, SOCK_DGRAM, 0);
    ASSERT_TRUE(server.bind("::1", 0));
    SocketAddress server_addr;
    server.getsockname(server_addr);
    std::string got;
    run_coroutines({
        [&] {
            char buf[128];
            SocketAddress from;
            ssize_t n = server.recvfrom(buf, sizeof buf, &from, 5);
            ASSERT_GT(n, 0);
            EXPECT_EQ(from.host(), "::1");
            server.sendto(from, buf, size_t(n));
        },
        [&] {
            Socket client(AF_INET6, SOCK_DGRAM, 0);
            ASSERT_TRUE(client.connect("::1", server_addr.port()));
            EXPECT_EQ(client.send("ping6", 5), 5);
            char buf[128];
            ssize_t n = client.recv(buf, sizeof buf, 5);
            ASSERT_GT(n, 0);
            got.assign(buf, size_t(n));
        },
    });
    EXPECT_EQ(got, "ping6");
}

TEST(SocketUnix, DatagramRoundTrip) {
    TempDir dir;
    std::string server_path = dir.file("server.dgram"), client_path = dir.file("client.dgram");
    Socket server(AF_UNIX, SOCK_DGRAM, 0);
    ASSERT_TRUE(server.bind(server_path));
    std::string got;
    run_coroutines({
        [&] {
            char buf[1024];
            SocketAddress from;
            ssize_t n = server.recvfrom(buf, sizeof buf, &from, 5);
            ASSERT_GT(n, 0);
            EXPECT_EQ(from.host(), client_path);
            std::string reply = "re:" + std::string(buf, size_t(n));
            EXPECT_EQ(server.sendto(from.host(), 0, reply.data(), reply.size()), ssize_t(reply.size()));
        },
        [&] {
            Socket client(AF_UNIX, SOCK_DGRAM, 0);
            ASSERT_TRUE(client.bind(client_path));
            ASSERT_EQ(client.sendto(server_path, 0, "hello", 5), 5) << client.error_message();
            char buf[1024];
            SocketAddress from;
            ssize_t n = client.recvfrom(buf, sizeof buf, &from, 5);
            ASSERT_GT(n, 0);
            EXPECT_EQ(from.host(), server_path);
            got.assign(buf, size_t(n));
        },
    });
    EXPECT_EQ(got, "re:hello");
}

TEST(SocketPair, StreamPairRoundTripAndPeek) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    run_coroutines({[&] {
        char buf[16];
        EXPECT_EQ(b->peek(buf, sizeof buf), -1);
        EXPECT_EQ(b->error_code(), EAGAIN);
        EXPECT_TRUE(b->check_liveness());
        EXPECT_EQ(a->send("abc", 3), 3);
        EXPECT_EQ(b->peek(buf, sizeof buf), 3);
        EXPECT_EQ(b->recv(buf, sizeof buf), 3);
        EXPECT_EQ(std::string(buf, 3), "abc");
        a->close();
        EXPECT_FALSE(b->check_liveness());
        EXPECT_EQ(b->error_code(), ECONNRESET);
        EXPECT_EQ(b->recv(buf, sizeof buf), 0);
    }});
}

TEST(SocketPair, VectorIoAndFillForLineReads) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    run_coroutines({[&] {
        std::string x = "hello ", y = "vector ", z = "world\nsecond line\n";
        iovec out[3] = {{x.data(), x.size()}, {y.data(), y.size()}, {z.data(), z.size()}};
        ASSERT_EQ(a->writev_all(out, 3, 5), ssize_t(x.size() + y.size() + z.size()));
        EXPECT_EQ(out[2].iov_len, 0u);  // advanced in place
        char p1[3], p2[5];
        iovec in[2] = {{p1, sizeof p1}, {p2, sizeof p2}};
        ASSERT_EQ(b->readv_all(in, 2, 5), 8);
        EXPECT_EQ(std::string(p1, 3) + std::string(p2, 5), "hello ve");
        // The rest by lines through a framer's buffer, as recvLine does.
        Framer buffer;
        std::vector<std::string> lines;
        while (lines.size() < 2) {
            std::string_view pending = buffer.pending();
            size_t eol = pending.find('\n');
            if (eol != std::string_view::npos) {
                lines.emplace_back(pending.substr(0, eol + 1));
                buffer.consume(eol + 1);
                continue;
            }
            ASSERT_GT(b->fill(buffer, 4096, 5), 0) << b->error_message();
        }
        EXPECT_EQ(lines[0], "ctor world\n");
        EXPECT_EQ(lines[1], "second line\n");
        // One writev/readv moves what it can at once.
        iovec one[2] = {{x.data(), x.size()}, {y.data(), y.size()}};
        EXPECT_EQ(a->writev(one, 2), ssize_t(x.size() + y.size()));
        char big[64];
        iovec into[1] = {{big, sizeof big}};
        EXPECT_EQ(b->readv(into, 1, 5), ssize_t(x.size() + y.size()));
        // More buffers than IOV_MAX.
        std::vector<iovec> many(IOV_MAX + 1, iovec{x.data(), 1});
        EXPECT_EQ(a->writev(many.data(), int(many.size())), -1);
        EXPECT_EQ(a->error_code(), EINVAL);
        a->close();
        EXPECT_EQ(b->fill(buffer), 0);
    }});
}

// ---- faults ----

TEST(SocketFaults, ConnectToAClosedPortIsRefusedAtOnce) {
    // A port bound but not listening: nothing can be accepted there.
    Socket holder(AF_INET, SOCK_STREAM, 0);
    ASSERT_TRUE(holder.bind("127.0.0.1", 0));
    SocketAddress addr;
    holder.getsockname(addr);
    int port = addr.port();
    double elapsed = 0;
    run_coroutines({[&] {
        Socket client(AF_INET, SOCK_STREAM, 0);
        auto t = Clock::now();
        EXPECT_FALSE(client.connect("127.0.0.1", port, -1));  // no limit: must not need one
        elapsed = seconds_since(t);
        EXPECT_EQ(client.error_code(), ECONNREFUSED);
        EXPECT_EQ(last_error(), ECONNREFUSED);
        EXPECT_STREQ(client.error_message(), "Connection refused");
    }});
    EXPECT_LT(elapsed, 1.0);
    // Outside any coroutine (the synchronous client) too.
    Socket sync(AF_INET, SOCK_STREAM, 0);
    EXPECT_FALSE(sync.connect("127.0.0.1", port));
    EXPECT_EQ(sync.error_code(), ECONNREFUSED);
}

TEST(SocketFaults, BadArgumentsAndClosedSockets) {
    Socket s(AF_INET, SOCK_STREAM, 0);
    EXPECT_FALSE(s.connect("127.0.0.1", 0));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_FALSE(s.connect("127.0.0.1", 70000));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_FALSE(s.bind("not an ip", 0));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_TRUE(s.close());
    EXPECT_TRUE(s.is_closed());
    EXPECT_FALSE(s.close());
    EXPECT_EQ(s.error_code(), EBADF);
    char c;
    EXPECT_EQ(s.send("x", 1), -1);
    EXPECT_EQ(s.error_code(), EBADF);
    EXPECT_STREQ(s.error_message(), "Bad file descriptor");
    EXPECT_EQ(s.recv(&c, 1), -1);
    EXPECT_EQ(s.error_code(), EBADF);
    Socket bad(AF_INET, 12345, 0);
    EXPECT_FALSE(bad.valid());
    EXPECT_NE(bad.error_code(), 0);
}

TEST(SocketFaults, UnknownHostNameFailsWithADnsError) {
    run_coroutines({[&] {
        Socket s(AF_INET, SOCK_STREAM, 0);
        EXPECT_FALSE(s.connect("no-such-host.invalid", 80, 5));
        EXPECT_TRUE(s.error_code() == SW_ERROR_DNSLOOKUP_RESOLVE_FAILED ||
                    s.error_code() == SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT)
            << s.error_code();
    }});
}

TEST(SocketFaults, RecvTimeoutIsEtimedout) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    double call = 0, object = 0;
    run_coroutines({[&] {
        char buf[8];
        auto t = Clock::now();
        EXPECT_EQ(a->recv(buf, sizeof buf, 0.1), -1);
        call = seconds_since(t);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
        EXPECT_EQ(a->error_code(), 110);
        EXPECT_STREQ(a->error_message(), "Connection timed out");
        // The socket's own read timeout when the call gives 0.
        a->set_timeout(Socket::Timeout::read, 0.05);
        t = Clock::now();
        EXPECT_EQ(a->recv_all(buf, sizeof buf), -1);
        object = seconds_since(t);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
        // A timeout after some data: recv_all returns what came.
        b->send("abc", 3);
        EXPECT_EQ(a->recv_all(buf, sizeof buf, 0.05), 3);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
        // A later end of stream does not reset the error.
        b->close();
        EXPECT_EQ(a->recv(buf, sizeof buf), 0);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
    }});
    EXPECT_GE(call, 0.09);
    EXPECT_LT(call, 1.0);
    EXPECT_GE(object, 0.04);
    EXPECT_LT(object, 1.0);
}

TEST(SocketFaults, AcceptTimeout) {
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] {
        EXPECT_EQ(listener->accept(0.05), nullptr);
        EXPECT_EQ(listener->error_code(), ETIMEDOUT);
    }});
}

TEST(SocketFaults, ConnectTimeoutWhenTheAcceptQueueIsFull) {
    // A listener that never accepts, with the smallest queue: once full, the
    // kernel drops further SYNs and a connect can only time out.
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port, 0);
    ASSERT_TRUE(listener);
    int timed_out = 0;
    double elapsed = 0;
    std::vector<std::unique_ptr<Socket>> clients;
    run_coroutines({[&] {
        for (int i = 0; i < 8 && !timed_out; ++i) {
            clients.push_back(std::make_unique<Socket>(AF_INET, SOCK_STREAM, 0));
            auto t = Clock::now();
            if (!clients.back()->connect("127.0.0.1", port, 0.2)) {
                EXPECT_EQ(clients.back()->error_code(), ETIMEDOUT);
                elapsed = seconds_since(t);
                ++timed_out;
            }
        }
    }});
    if (!timed_out) GTEST_SKIP() << "this kernel accepted every connection";
    EXPECT_GE(elapsed, 0.18);
    EXPECT_LT(elapsed, 1.5);
}

TEST(SocketCoroutines, CancelOfAParkedRecv) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    int64_t reader = 0;
    ssize_t result = 0;
    int code = 0;
    Body recv_body = [&] {
        char buf[8];
        reader = Coroutine::current_id();
        result = a->recv(buf, sizeof buf, -1);
        code = a->error_code();
    };
    run_coroutines({[&] {
        go(&recv_body);
        EXPECT_EQ(a->reader_id(), reader);
        EXPECT_TRUE(Coroutine::cancel(reader));
        EXPECT_EQ(result, -1);
        EXPECT_EQ(code, ECANCELED);
        EXPECT_EQ(code, 125);
        EXPECT_EQ(a->reader_id(), 0);
        // Socket::cancel does the same for the socket's pending read.
        result = 0;
        go(&recv_body);
        EXPECT_FALSE(a->cancel(kEventWrite));  // nobody writing
        EXPECT_TRUE(a->cancel(kEventRead));
        EXPECT_EQ(result, -1);
        EXPECT_EQ(code, ECANCELED);
        EXPECT_FALSE(a->cancel(kEventRead));  // nothing pending any more
        // The socket still works.
        b->send("z", 1);
        char c;
        EXPECT_EQ(a->recv(&c, 1), 1);
    }});
}

TEST(SocketCoroutines, ASecondReaderOrWriterFailsAtOnce) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    int64_t first_reader = 0;
    std::string first_got;
    Body first = [&] {
        first_reader = Coroutine::current_id();
        char buf[8];
        ssize_t n = a->recv(buf, sizeof buf, 5);
        if (n > 0) first_got.assign(buf, size_t(n));
    };
    int64_t first_writer = 0;
    ssize_t written = 0;
    std::string big = pattern(4 << 20);
    Body writer = [&] {
        first_writer = Coroutine::current_id();
        written = a->send_all(big.data(), big.size(), 5);
    };
    run_coroutines({[&] {
        go(&first);
        char buf[8];
        auto t = Clock::now();
        EXPECT_EQ(a->recv(buf, sizeof buf, 5), -1);
        EXPECT_LT(seconds_since(t), 0.5);
        EXPECT_EQ(a->error_code(), SW_ERROR_CO_HAS_BEEN_BOUND);
        EXPECT_EQ(last_error(), 10002);
        EXPECT_EQ(a->reader_id(), first_reader);
        // Other reads count as reads too; writing is still free.
        EXPECT_EQ(a->recv_all(buf, sizeof buf, 5), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_CO_HAS_BEEN_BOUND);
        Framer framer;
        std::string_view packet;
        EXPECT_EQ(a->recv_packet(framer, packet, 5), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_CO_HAS_BEEN_BOUND);
        EXPECT_EQ(a->send("w", 1), 1);
        b->send("data", 4);  // the first reader gets it
        Coroutine::sleep(0.01);
        EXPECT_EQ(first_got, "data");
        EXPECT_EQ(a->reader_id(), 0);

        // Writers: the first parks on a full socket buffer, the second fails.
        go(&writer);
        EXPECT_EQ(a->writer_id(), first_writer);
        EXPECT_EQ(a->send("x", 1, 5), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_CO_HAS_BEEN_BOUND);
        EXPECT_FALSE(a->sendfile("/dev/null"));
        EXPECT_EQ(a->error_code(), SW_ERROR_CO_HAS_BEEN_BOUND);
        // Drain so the first writer completes.
        std::string sink(1 << 16, '\0');
        size_t drained = 0;
        while (drained < big.size() + 1) {
            ssize_t n = b->recv(sink.data(), sink.size(), 5);
            ASSERT_GT(n, 0);
            drained += size_t(n);
        }
    }});
    EXPECT_EQ(written, ssize_t(big.size()));
}

TEST(SocketCoroutines, CloseWakesAParkedReaderWithEbadf) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    ssize_t result = 0;
    int code = 0;
    Body reader = [&] {
        char buf[8];
        result = a->recv(buf, sizeof buf, -1);
        code = a->error_code();
    };
    run_coroutines({[&] {
        go(&reader);
        EXPECT_TRUE(a->close());
        EXPECT_EQ(result, -1);
        EXPECT_EQ(code, EBADF);
    }});
}

TEST(SocketCoroutines, OutsideACoroutineCallsBlockWithPoll) {
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port);
    ASSERT_TRUE(listener);
    Socket client(AF_INET, SOCK_STREAM, 0);
    ASSERT_TRUE(client.connect("127.0.0.1", port));
    auto conn = listener->accept(1);
    ASSERT_TRUE(conn);
    EXPECT_EQ(client.send_all("sync", 4), 4);
    char buf[8];
    EXPECT_EQ(conn->recv_all(buf, 4, 1), 4);
    auto t = Clock::now();
    EXPECT_EQ(conn->recv(buf, sizeof buf, 0.05), -1);
    EXPECT_EQ(conn->error_code(), ETIMEDOUT);
    EXPECT_GE(seconds_since(t), 0.04);
}

TEST(SocketTimeouts, ProcessDefaultsAreCopiedByNewSockets) {
    EXPECT_EQ(Socket::default_timeout(Socket::Timeout::connect), 2);
    EXPECT_EQ(Socket::default_timeout(Socket::Timeout::read), 60);
    EXPECT_EQ(Socket::default_timeout(Socket::Timeout::write), 60);
    EXPECT_EQ(Socket::default_timeout(Socket::Timeout::dns), 60);
    Socket before(AF_INET, SOCK_STREAM, 0);
    Socket::set_default_timeout(Socket::Timeout::read, 0.5);
    Socket::set_default_timeout(Socket::Timeout::connect, 0);  // <= 0: no limit
    Socket after(AF_INET, SOCK_STREAM, 0);
    Socket::reset_default_timeouts();
    EXPECT_EQ(before.timeout(Socket::Timeout::read), 60);
    EXPECT_EQ(after.timeout(Socket::Timeout::read), 0.5);
    EXPECT_EQ(after.timeout(Socket::Timeout::connect), -1);
    after.set_timeout(3);
    EXPECT_EQ(after.timeout(Socket::Timeout::connect), 3);
    EXPECT_EQ(after.timeout(Socket::Timeout::write), 3);
    EXPECT_EQ(after.timeout(Socket::Timeout::dns), 60);
    EXPECT_EQ(Socket::default_timeout(Socket::Timeout::read), 60);
}

TEST(SocketOptions, SetAndGet) {
    Socket s(AF_INET, SOCK_STREAM, 0);
    EXPECT_TRUE(s.set_option(IPPROTO_TCP, TCP_NODELAY, 1));
    int v = 0;
    EXPECT_TRUE(s.get_option(IPPROTO_TCP, TCP_NODELAY, v));
    EXPECT_NE(v, 0);
    EXPECT_FALSE(s.set_option(12345, 6789, 1));
    EXPECT_NE(s.error_code(), 0);
    Socket adopted(::socket(AF_INET6, SOCK_DGRAM, 0));
    if (adopted.valid()) {
        EXPECT_EQ(adopted.domain(), AF_INET6);
        EXPECT_EQ(adopted.type(), SOCK_DGRAM);
        EXPECT_EQ(adopted.protocol(), IPPROTO_UDP);
        EXPECT_TRUE(::fcntl(adopted.fd(), F_GETFL) & O_NONBLOCK);
    }
}

// ---- packets over a socket ----

TEST(SocketPacket, LengthPacketsSplitAtEveryByteBoundary) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    std::vector<std::string> packets = {be32(5) + "hello", be32(0), be32(11) + "hello world"};
    std::string stream;
    for (auto &p : packets) stream += p;
    FramingOptions o;
    o.open_length_check = true;
    o.package_length_type = 'N';
    o.package_body_offset = 4;
    Framer framer(o);
    std::vector<std::string> got;
    bool done = false;
    Body writer = [&] {
        for (size_t i = 0; i <= stream.size(); ++i) {
            a->send_all(stream.data(), i);
            Coroutine::sleep(0.001);  // the reader sees the cut
            a->send_all(stream.data() + i, stream.size() - i);
            Coroutine::sleep(0.001);
        }
        done = true;
        a->shutdown(SHUT_WR);
    };
    run_coroutines({
        [&] { go(&writer); },
        [&] {
            std::string_view packet;
            ssize_t n;
            while ((n = b->recv_packet(framer, packet, 5)) > 0) got.emplace_back(packet);
            EXPECT_EQ(n, 0);
            EXPECT_EQ(b->error_code(), 0);  // ended between packets
        },
    });
    EXPECT_TRUE(done);
    ASSERT_EQ(got.size(), packets.size() * (stream.size() + 1));
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], packets[i % packets.size()]) << i;
}

TEST(SocketPacket, EofPacketsSplitAtEveryByteBoundary) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    std::vector<std::string> packets = {"first\r\n", "\r\n", "third line\r\n"};
    std::string stream;
    for (auto &p : packets) stream += p;
    FramingOptions o;
    o.open_eof_split = true;
    o.package_eof = "\r\n";
    Framer framer(o);
    std::vector<std::string> got;
    Body writer = [&] {
        for (size_t i = 0; i <= stream.size(); ++i) {
            a->send_all(stream.data(), i);
            Coroutine::sleep(0.001);
            a->send_all(stream.data() + i, stream.size() - i);
            Coroutine::sleep(0.001);
        }
        a->close();
    };
    run_coroutines({
        [&] { go(&writer); },
        [&] {
            std::string_view packet;
            while (b->recv_packet(framer, packet, 5) > 0) got.emplace_back(packet);
        },
    });
    ASSERT_EQ(got.size(), packets.size() * (stream.size() + 1));
    for (size_t i = 0; i < got.size(); ++i) ASSERT_EQ(got[i], packets[i % packets.size()]) << i;
}

TEST(SocketPacket, PeerClosingMidPacket) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    FramingOptions o;
    o.open_length_check = true;
    o.package_length_type = 'N';
    o.package_body_offset = 4;
    Framer framer(o);
    run_coroutines({
        [&] {
            std::string whole = be32(3) + "abc";
            std::string half = be32(100) + "only part";
            a->send_all(whole.data(), whole.size());
            a->send_all(half.data(), half.size());
            a->close();
        },
        [&] {
            std::string_view packet;
            ASSERT_EQ(b->recv_packet(framer, packet, 5), 7);
            EXPECT_EQ(packet.substr(4), "abc");
            EXPECT_EQ(b->recv_packet(framer, packet, 5), 0);
            EXPECT_EQ(b->error_code(), ECONNRESET);
            EXPECT_EQ(framer.pending().substr(4), "only part");
        },
    });
}

TEST(SocketPacket, PacketOverMaxLengthIsAnError) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    FramingOptions o;
    o.open_length_check = true;
    o.package_length_type = 'N';
    o.package_body_offset = 4;
    o.package_max_length = 1024;
    Framer framer(o);
    run_coroutines({[&] {
        std::string ok = be32(1020) + std::string(1020, 'k');
        std::string big = be32(1021);
        a->send_all(ok.data(), ok.size());
        a->send_all(big.data(), big.size());
        std::string_view packet;
        EXPECT_EQ(b->recv_packet(framer, packet, 5), 1024);
        EXPECT_EQ(b->recv_packet(framer, packet, 5), -1);
        EXPECT_EQ(b->error_code(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
        EXPECT_EQ(b->error_code(), 1201);
        // EOF framing with no EOF in package_max_length bytes.
        FramingOptions eof;
        eof.open_eof_check = true;
        eof.package_eof = "\n";
        eof.package_max_length = 64;
        Framer eof_framer(eof);
        std::string junk(100, 'j');
        b->send_all(junk.data(), junk.size());
        EXPECT_EQ(a->recv_packet(eof_framer, packet, 5), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_PACKAGE_LENGTH_TOO_LARGE);
    }});
}

TEST(SocketPacket, RawFramerIsOneRecv) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    Framer framer;
    run_coroutines({[&] {
        a->send_all("raw bytes", 9);
        std::string_view packet;
        EXPECT_EQ(b->recv_packet(framer, packet, 5), 9);
        EXPECT_EQ(packet, "raw bytes");
        EXPECT_EQ(b->recv_packet(framer, packet, 0.02), -1);
        EXPECT_EQ(b->error_code(), ETIMEDOUT);
    }});
}

// ---- sendfile ----

TEST(SocketSendfile, TempFileWholeAndARange) {
    TempDir dir;
    std::string path = dir.file("payload.bin");
    std::string content = pattern(1 << 20, 99);
    {
        FILE *f = std::fopen(path.c_str(), "wb");
        ASSERT_TRUE(f);
        ASSERT_EQ(std::fwrite(content.data(), 1, content.size(), f), content.size());
        std::fclose(f);
    }
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port);
    ASSERT_TRUE(listener);
    std::string received;
    Socket *sender = nullptr;
    bool saw_sender_parked = false;
    run_coroutines({
        [&] {
            auto conn = listener->accept(5);
            ASSERT_TRUE(conn);
            sender = conn.get();
            conn->set_option(SOL_SOCKET, SO_SNDBUF, 16384);  // many waits for writable
            EXPECT_TRUE(conn->sendfile(path.c_str(), 0, 0, 10)) << conn->error_message();
            EXPECT_TRUE(conn->sendfile(path.c_str(), 1000, 5000, 10)) << conn->error_message();
            EXPECT_FALSE(conn->sendfile(path.c_str(), off_t(content.size()) - 10, 11));
            EXPECT_EQ(conn->error_code(), EINVAL);
            EXPECT_FALSE(conn->sendfile((path + ".missing").c_str()));
            EXPECT_EQ(conn->error_code(), ENOENT);
            sender = nullptr;
        },
        [&] {
            Socket client(AF_INET, SOCK_STREAM, 0);
            ASSERT_TRUE(client.connect("127.0.0.1", port, 5));
            std::string buf(65536, '\0');
            ssize_t n;
            while ((n = client.recv(buf.data(), buf.size(), 10)) > 0) {
                if (sender && sender->writer_id() != 0) saw_sender_parked = true;
                received.append(buf.data(), size_t(n));
            }
            EXPECT_EQ(n, 0);
        },
    });
    EXPECT_TRUE(saw_sender_parked);  // sendfile waited for writable
    ASSERT_EQ(received.size(), content.size() + 5000);
    EXPECT_TRUE(received.compare(0, content.size(), content) == 0);
    EXPECT_EQ(received.substr(content.size()), content.substr(1000, 5000));
}

// ---- load ----

namespace {

struct EchoServer {
    Socket *listener;
    int expected;
    int accepted = 0;
    int served = 0;
};

struct Connection {
    EchoServer *server;
    std::unique_ptr<Socket> socket;
};

void serve_connection(void *arg) {
    std::unique_ptr<Connection> conn(static_cast<Connection *>(arg));
    char buf[4096];
    ssize_t n;
    while ((n = conn->socket->recv(buf, sizeof buf, 10)) > 0) {
        if (conn->socket->send_all(buf, size_t(n), 10) != n) break;
    }
    conn->server->served++;
}

struct Client {
    int port;
    int index;
    bool ok = false;
};

void run_client(void *arg) {
    auto *c = static_cast<Client *>(arg);
    Socket s(AF_INET, SOCK_STREAM, 0);
    if (!s.connect("127.0.0.1", c->port, 10)) return;
    std::string msg = "client #" + std::to_string(c->index) + " says hello";
    for (int round = 0; round < 3; ++round) {
        if (s.send_all(msg.data(), msg.size(), 10) != ssize_t(msg.size())) return;
        std::string back(msg.size(), '\0');
        if (s.recv_all(back.data(), back.size(), 10) != ssize_t(back.size()) || back != msg) return;
    }
    c->ok = true;
}

}  // namespace

TEST(SocketLoad, ThousandConcurrentClientsAgainstOneEchoServer) {
    constexpr int kClients = 1000;
    int port = 0;
    auto listener = tcp_listener(AF_INET, "127.0.0.1", port, 4096);
    ASSERT_TRUE(listener);
    EchoServer server{listener.get(), kClients};
    std::vector<Client> clients;
    clients.reserve(kClients);
    for (int i = 0; i < kClients; ++i) clients.push_back(Client{port, i});
    run_coroutines(
        {
            [&] {
                while (server.accepted < server.expected) {
                    auto conn = server.listener->accept(10);
                    if (!conn) {
                        ADD_FAILURE() << "accept: " << server.listener->error_message();
                        return;
                    }
                    server.accepted++;
                    ASSERT_GT(Coroutine::create(serve_connection, new Connection{&server, std::move(conn)}), 0);
                }
            },
            [&] {
                for (auto &c : clients) ASSERT_GT(Coroutine::create(run_client, &c), 0);
            },
        },
        60);
    int ok = 0;
    for (auto &c : clients) ok += c.ok;
    EXPECT_EQ(ok, kClients);
    EXPECT_EQ(server.accepted, kClients);
    EXPECT_EQ(server.served, kClients);
    EXPECT_EQ(Coroutine::count(), 0u);
}
