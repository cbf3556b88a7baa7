// TLS over kernel::Socket: coroutine pairs (handshake, data both ways,
// failures, peek/liveness, framing), the blocking path without coroutines,
// and a real `openssl s_server` peer.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "protocol/framer.h"
#include "reactor/reactor.h"
#include "run_coroutines.h"
#include "socket/address.h"
#include "socket/socket.h"
#include "tls/tls_context.h"
#include "tls/tls_session.h"

using namespace swoole::kernel;

namespace {

using test_support::Body;
using test_support::run_coroutines;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string pattern(size_t n, unsigned seed) {
    std::string s(n, '\0');
    for (size_t i = 0; i < n; ++i) {
        seed = seed * 1103515245 + 12345;
        s[i] = char(seed >> 16);
    }
    return s;
}

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::unique_ptr<Socket> tcp_listener(int &port) {
    auto s = std::make_unique<Socket>(AF_INET, SOCK_STREAM, 0);
    if (!s->valid() || !s->bind("127.0.0.1", 0) || !s->listen(64)) return nullptr;
    SocketAddress addr;
    s->getsockname(addr);
    port = addr.port();
    return s;
}

class SocketTlsTest : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        char tmpl[] = "/tmp/swoole-socket-tls-XXXXXX";
        if (mkdtemp(tmpl) == nullptr) return;
        dir_ = tmpl;
        // A CA and a "localhost" server certificate it signed; a second CA
        // that signed nothing we use (the untrusted one).
        const char *script = R"(set -e
printf '[req]\ndistinguished_name=dn\n[dn]\n' > req.cnf
EC="-newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes"
CA_EXT="-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign"
openssl req -config req.cnf -x509 $EC -keyout ca.key -out ca.crt -days 2 -subj '/CN=Socket Test CA' $CA_EXT
openssl req -config req.cnf -x509 $EC -keyout other.key -out other.crt -days 2 -subj '/CN=Other CA' $CA_EXT
openssl req -config req.cnf -new $EC -keyout server.key -out server.csr -subj '/CN=localhost'
printf 'basicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' > server.ext
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' >> server.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -set_serial 2 -days 2 -extfile server.ext -out server.crt
)";
        std::ofstream(dir_ + "/make.sh") << script;
        ready_ = std::system(("cd " + dir_ + " && sh make.sh >make.log 2>&1").c_str()) == 0;
    }

    static void TearDownTestSuite() {
        if (!dir_.empty()) std::system(("rm -rf " + dir_).c_str());
        dir_.clear();
    }

    void SetUp() override { ASSERT_TRUE(ready_) << "certificate generation failed, see " << dir_ << "/make.log"; }

    static std::string path(const char *name) { return dir_ + "/" + name; }

    static std::shared_ptr<const TlsContext> make(const TlsOptions &options) {
        std::string error;
        auto context = TlsContext::create(options, error);
        EXPECT_NE(context, nullptr) << error;
        return context;
    }

    static std::shared_ptr<const TlsContext> server_ctx() {
        TlsOptions o;
        o.server = true;
        o.cert_file = path("server.crt");
        o.key_file = path("server.key");
        return make(o);
    }

    static std::shared_ptr<const TlsContext> client_ctx(bool verify = true, const char *ca = "ca.crt") {
        TlsOptions o;
        o.verify_peer = verify;
        if (verify) o.cafile = path(ca);
        return make(o);
    }

    // A connected Unix stream pair with TLS enabled on both ends (a is the
    // client, b the server); the handshake is left to the test.
    static void tls_pair(std::unique_ptr<Socket> &a, std::unique_ptr<Socket> &b, const char *host = "localhost",
                         std::shared_ptr<const TlsContext> client = nullptr) {
        ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
        ASSERT_TRUE(a->enable_tls(client ? client : client_ctx(), host));
        ASSERT_TRUE(b->enable_tls(server_ctx()));
    }

    // Both handshakes, in two coroutines, each expected to succeed.
    static void handshake_both(Socket &a, Socket &b) {
        run_coroutines({[&] { EXPECT_TRUE(a.tls_handshake(5)) << a.error_message() << " " << a.tls()->error_message(); },
                [&] { EXPECT_TRUE(b.tls_handshake(5)) << b.error_message() << " " << b.tls()->error_message(); }});
    }

    static inline std::string dir_;
    static inline bool ready_ = false;
};

TEST_F(SocketTlsTest, EnableTlsRules) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    EXPECT_EQ(a->tls(), nullptr);
    EXPECT_FALSE(a->tls_handshake());
    EXPECT_EQ(a->error_code(), SW_ERROR_SSL_NOT_READY);
    EXPECT_TRUE(a->tls_shutdown());  // nothing to shut down
    ASSERT_TRUE(a->enable_tls(client_ctx(), "localhost"));
    EXPECT_NE(a->tls(), nullptr);
    EXPECT_FALSE(a->enable_tls(client_ctx(), "localhost"));
    EXPECT_EQ(a->error_code(), EISCONN);
    EXPECT_FALSE(b->enable_tls(nullptr));
    EXPECT_EQ(b->error_code(), EINVAL);

    Socket udp(AF_INET, SOCK_DGRAM, 0);
    EXPECT_FALSE(udp.enable_tls(client_ctx()));
    EXPECT_EQ(udp.error_code(), EINVAL);
    Socket closed(AF_INET, SOCK_STREAM, 0);
    closed.close();
    EXPECT_FALSE(closed.enable_tls(client_ctx()));
    EXPECT_EQ(closed.error_code(), EBADF);

    // Before the handshake: reads, writes and peeks are refused.
    char c;
    EXPECT_EQ(a->peek(&c, 1), -1);
    EXPECT_EQ(a->error_code(), SW_ERROR_SSL_NOT_READY);
    run_coroutines({[&] {
        EXPECT_EQ(a->send("x", 1, 1), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_SSL_NOT_READY);
        EXPECT_EQ(a->recv(&c, 1, 1), -1);
        EXPECT_EQ(a->error_code(), SW_ERROR_SSL_NOT_READY);
    }});
}

TEST_F(SocketTlsTest, HandshakeEchoOverTcp) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    std::string seen_by_client;
    run_coroutines({
        [&] {
            auto conn = listener->accept(5);
            ASSERT_TRUE(conn);
            ASSERT_TRUE(conn->enable_tls(server_ctx()));
            ASSERT_TRUE(conn->tls_handshake(5)) << conn->tls()->error_message();
            EXPECT_EQ(conn->tls()->server_name(), "localhost");
            char buf[256];
            ssize_t n;
            while ((n = conn->recv(buf, sizeof buf, 5)) > 0) ASSERT_EQ(conn->send_all(buf, size_t(n), 5), n);
            EXPECT_EQ(n, 0) << conn->error_message();
            EXPECT_TRUE(conn->tls()->close_notify_received());
        },
        [&] {
            Socket client(AF_INET, SOCK_STREAM, 0);
            ASSERT_TRUE(client.connect("127.0.0.1", port, 5));
            ASSERT_TRUE(client.enable_tls(client_ctx(), "localhost"));
            ASSERT_TRUE(client.tls_handshake(5)) << client.tls()->error_message();
            EXPECT_EQ(client.tls()->protocol_version(), "TLSv1.3");
            EXPECT_EQ(client.tls()->verify(false), 0);
            EXPECT_EQ(client.tls()->peer_certificate_pem(), read_file(path("server.crt")));
            for (std::string line : {"hello", "second message", "third"}) {
                ASSERT_EQ(client.send_all(line.data(), line.size(), 5), ssize_t(line.size()));
                std::string got(line.size(), '\0');
                ASSERT_EQ(client.recv_all(got.data(), got.size(), 5), ssize_t(line.size()));
                seen_by_client += got + "|";
            }
            EXPECT_TRUE(client.tls_shutdown(5));
            client.shutdown(SHUT_WR);
            char c;
            EXPECT_EQ(client.recv(&c, 1, 5), 0);  // the server's end
        },
    });
    EXPECT_EQ(seen_by_client, "hello|second message|third|");
}

TEST_F(SocketTlsTest, TenMegabytesEachWayAtOnce) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    const size_t size = 10 * 1024 * 1024;
    const std::string up = pattern(size, 11), down = pattern(size, 23);
    std::string got_up(size, '\0'), got_down(size, '\0');
    ssize_t sent_up = 0, sent_down = 0, read_up = 0, read_down = 0;
    run_coroutines({
        [&] { sent_up = a->send_all(up.data(), up.size(), 20); },
        [&] { sent_down = b->send_all(down.data(), down.size(), 20); },
        [&] { read_up = b->recv_all(got_up.data(), got_up.size(), 20); },
        [&] {
            // Odd-sized reads through a vector: records are cut anywhere.
            size_t at = 0;
            while (at < size) {
                size_t want = std::min<size_t>(size - at, 7777);
                iovec iov[2] = {{got_down.data() + at, want / 2}, {got_down.data() + at + want / 2, want - want / 2}};
                ssize_t n = a->readv(iov, 2, 20);
                ASSERT_GT(n, 0) << a->error_message();
                at += size_t(n);
            }
            read_down = ssize_t(at);
        },
    }, 60);
    EXPECT_EQ(sent_up, ssize_t(size)) << a->error_message();
    EXPECT_EQ(sent_down, ssize_t(size)) << b->error_message();
    EXPECT_EQ(read_up, ssize_t(size)) << b->error_message();
    EXPECT_EQ(read_down, ssize_t(size));
    EXPECT_TRUE(got_up == up);
    EXPECT_TRUE(got_down == down);
}

// A write that times out with bytes already encrypted counts them as sent:
// the next write must neither repeat them nor be credited with them.
TEST_F(SocketTlsTest, TimedOutWriteIsNeitherLostNorRepeated) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    const std::string big = pattern(8 * 1024 * 1024, 9);
    ssize_t first = 0, tail = 0;
    std::string got;
    Body reader = [&] {
        got.resize(size_t(first) + 4);
        EXPECT_EQ(b->recv_all(got.data(), got.size(), 10), ssize_t(got.size())) << b->error_message();
    };
    run_coroutines({[&] {
        // Nobody reads: the socket fills up and the deadline passes.
        first = a->send_all(big.data(), big.size(), 0.2);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
        ASSERT_GT(first, 0);
        ASSERT_LT(first, ssize_t(big.size()));
        Coroutine::create([](void *f) { (*static_cast<Body *>(f))(); }, &reader);
        tail = a->send_all("TAIL", 4, 10);
    }});
    EXPECT_EQ(tail, 4);
    ASSERT_EQ(got.size(), size_t(first) + 4);
    EXPECT_TRUE(got.compare(0, size_t(first), big, 0, size_t(first)) == 0);
    EXPECT_EQ(got.substr(size_t(first)), "TAIL");
}

TEST_F(SocketTlsTest, WritevAllAndRecvPacketWithAFramer) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    FramingOptions o;
    o.open_length_check = true;
    o.package_length_type = 'N';
    o.package_body_offset = 4;
    Framer framer(o);
    std::vector<std::string> bodies = {"one", std::string(100000, 'x'), "", pattern(40000, 3), "last"};
    std::string stream;
    for (auto &body : bodies) {
        uint32_t n = htonl(uint32_t(body.size()));
        stream.append(reinterpret_cast<const char *>(&n), 4);
        stream += body;
    }
    std::vector<std::string> got;
    run_coroutines({
        [&] {
            // Uneven vector pieces, so packets straddle writes and records.
            std::vector<iovec> iov;
            for (size_t at = 0; at < stream.size();) {
                size_t n = std::min<size_t>(stream.size() - at, 1 + (at * 7919) % 30000);
                iov.push_back({stream.data() + at, n});
                at += n;
            }
            EXPECT_EQ(a->writev_all(iov.data(), int(iov.size()), 10), ssize_t(stream.size()));
            EXPECT_TRUE(a->tls_shutdown(5));
        },
        [&] {
            std::string_view packet;
            ssize_t n;
            while ((n = b->recv_packet(framer, packet, 10)) > 0) got.emplace_back(packet.substr(4));
            EXPECT_EQ(n, 0);
            EXPECT_EQ(b->error_code(), 0) << b->error_message();
        },
    });
    EXPECT_EQ(got, bodies);
}

TEST_F(SocketTlsTest, PeekShowsPlaintextAndLivenessSeesCloseNotify) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    run_coroutines({[&] {
        char buf[64];
        EXPECT_EQ(b->peek(buf, sizeof buf), -1);
        EXPECT_EQ(b->error_code(), EAGAIN);
        EXPECT_TRUE(b->check_liveness());
        ASSERT_EQ(a->send_all("abcdef", 6, 5), 6);
        ssize_t n;
        do {
            ASSERT_TRUE(b->wait_event(kEventRead, 5));
            n = b->peek(buf, sizeof buf);
        } while (n < 0 && b->error_code() == EAGAIN);
        ASSERT_EQ(n, 6);
        EXPECT_EQ(std::string(buf, 6), "abcdef");
        EXPECT_EQ(b->peek(buf, 3), 3);  // again, still there, never ciphertext
        EXPECT_EQ(std::string(buf, 3), "abc");
        EXPECT_TRUE(b->check_liveness());
        // The records were taken from the fd: the read must not wait for it.
        EXPECT_EQ(b->recv(buf, sizeof buf, 0.5), 6);
        EXPECT_EQ(std::string(buf, 6), "abcdef");
        EXPECT_EQ(b->peek(buf, sizeof buf), -1);
        EXPECT_EQ(b->error_code(), EAGAIN);

        // close_notify: liveness says gone, peek and recv say end of stream.
        ASSERT_TRUE(a->tls_shutdown(5));
        ASSERT_TRUE(b->wait_event(kEventRead, 5));
        EXPECT_FALSE(b->check_liveness());
        EXPECT_EQ(b->error_code(), ECONNRESET);
        EXPECT_EQ(b->peek(buf, sizeof buf), 0);
        EXPECT_EQ(b->recv(buf, sizeof buf, 1), 0);
        EXPECT_TRUE(b->tls()->close_notify_received());
    }});
}

TEST_F(SocketTlsTest, PeekDoesNotStealFromAWaitingReader) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    std::string got;
    Body reader = [&] {
        char buf[16];
        ssize_t n = b->recv(buf, sizeof buf, 5);
        if (n > 0) got.assign(buf, size_t(n));
    };
    run_coroutines({[&] {
        Coroutine::create([](void *f) { (*static_cast<Body *>(f))(); }, &reader);  // parks in recv
        ASSERT_EQ(a->send_all("ping", 4, 5), 4);
        char buf[16];
        // A peek now must not pull the record away from under the reader.
        EXPECT_EQ(b->peek(buf, sizeof buf), -1);
        EXPECT_EQ(b->error_code(), EAGAIN);
        EXPECT_TRUE(b->check_liveness());
        // Waiting for the reader to have it (it runs when the loop turns).
        for (int i = 0; i < 500 && got.empty(); ++i) Coroutine::sleep(0.01);
    }});
    EXPECT_EQ(got, "ping");
}

TEST_F(SocketTlsTest, SendfileIsRefused) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    run_coroutines({[&] {
        EXPECT_FALSE(a->sendfile("/etc/hostname"));
        EXPECT_EQ(a->error_code(), SW_ERROR_SSL_CANNOT_USE_SENFILE);
        EXPECT_STREQ(a->error_message(), "SSL cannot use senfile");
    }});
}

TEST_F(SocketTlsTest, WrongHostNameFailsVerification) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b, "wrong.example.com");
    run_coroutines({[&] {
                EXPECT_FALSE(a->tls_handshake(5));
                EXPECT_EQ(a->error_code(), SW_ERROR_SSL_VERIFY_FAILED);
                EXPECT_NE(a->tls()->error_message().find("hostname mismatch"), std::string::npos)
                    << a->tls()->error_message();
                a->close();
            },
            [&] {
                EXPECT_FALSE(b->tls_handshake(5));
                EXPECT_EQ(b->error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED) << b->tls()->error_message();
            }});
}

TEST_F(SocketTlsTest, UntrustedCaFailsVerification) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b, "localhost", client_ctx(true, "other.crt"));
    run_coroutines({[&] {
                EXPECT_FALSE(a->tls_handshake(5));
                EXPECT_EQ(a->error_code(), SW_ERROR_SSL_VERIFY_FAILED);
                EXPECT_NE(a->tls()->error_message().find("unable to get local issuer certificate"), std::string::npos)
                    << a->tls()->error_message();
                a->close();
            },
            [&] {
                EXPECT_FALSE(b->tls_handshake(5));
                EXPECT_EQ(b->error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
            }});
    // Without verify_peer the same handshake passes; verify() judges later.
    tls_pair(a, b, "localhost", client_ctx(false));
    handshake_both(*a, *b);
    std::string why;
    EXPECT_EQ(a->tls()->verify(false, &why), SW_ERROR_SSL_VERIFY_FAILED);
}

TEST_F(SocketTlsTest, PeerClosingMidHandshake) {
    // The server goes away after the ClientHello.
    {
        std::unique_ptr<Socket> a, b;
        tls_pair(a, b);
        run_coroutines({[&] {
                    auto start = Clock::now();
                    EXPECT_FALSE(a->tls_handshake(5));
                    EXPECT_TRUE(a->error_code() == SW_ERROR_SSL_HANDSHAKE_FAILED || a->error_code() == ECONNRESET)
                        << a->error_code() << " " << a->error_message();
                    EXPECT_LT(seconds_since(start), 2);
                    EXPECT_EQ(a->send("x", 1, 1), -1);  // the session is unusable
                },
                [&] {
                    // A few raw bytes of the ClientHello, bypassing b's TLS.
                    char hello[16];
                    ASSERT_TRUE(b->wait_event(kEventRead, 5));
                    EXPECT_GT(::recv(b->fd(), hello, sizeof hello, 0), 0);
                    b->close();
                }});
    }
    // The client connects and leaves without a byte: the server's handshake
    // sees the end of the stream.
    {
        std::unique_ptr<Socket> a, b;
        tls_pair(a, b);
        a->close();
        run_coroutines({[&] {
            EXPECT_FALSE(b->tls_handshake(5));
            EXPECT_EQ(b->error_code(), SW_ERROR_SSL_HANDSHAKE_FAILED);
            EXPECT_NE(b->tls()->error_message().find("closed"), std::string::npos) << b->tls()->error_message();
        }});
    }
}

TEST_F(SocketTlsTest, HandshakeTimesOutAgainstASilentPeer) {
    int port = 0;
    auto listener = tcp_listener(port);  // completes TCP connects, never speaks
    ASSERT_TRUE(listener);
    run_coroutines({[&] {
        Socket client(AF_INET, SOCK_STREAM, 0);
        ASSERT_TRUE(client.connect("127.0.0.1", port, 5));
        ASSERT_TRUE(client.enable_tls(client_ctx(), "localhost"));
        auto start = Clock::now();
        EXPECT_FALSE(client.tls_handshake(0.2));
        EXPECT_EQ(client.error_code(), ETIMEDOUT);
        double took = seconds_since(start);
        EXPECT_GE(took, 0.15);  // the loop's timers may fire a little early
        EXPECT_LT(took, 3);
        // The socket's read timeout applies when the call gives none.
        Socket other(AF_INET, SOCK_STREAM, 0);
        ASSERT_TRUE(other.connect("127.0.0.1", port, 5));
        other.set_timeout(Socket::Timeout::read, 0.1);
        ASSERT_TRUE(other.enable_tls(client_ctx(), "localhost"));
        EXPECT_FALSE(other.tls_handshake());
        EXPECT_EQ(other.error_code(), ETIMEDOUT);
    }});
}

TEST_F(SocketTlsTest, CloseWakesAReaderParkedOnTls) {
    std::unique_ptr<Socket> a, b;
    tls_pair(a, b);
    handshake_both(*a, *b);
    ssize_t result = 1;
    int error = 0;
    Body reader = [&] {
        char c;
        result = b->recv(&c, 1, 5);
        error = b->error_code();
    };
    run_coroutines({[&] {
        Coroutine::create([](void *f) { (*static_cast<Body *>(f))(); }, &reader);
        EXPECT_TRUE(b->close());
    }});
    EXPECT_EQ(result, -1);
    EXPECT_EQ(error, EBADF);
}

// Without coroutines: the blocking poll path of the synchronous client, two
// threads, a plain TCP connection with TLS on top.
TEST_F(SocketTlsTest, BlockingPathWithoutCoroutines) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    const std::string payload = pattern(3 * 1024 * 1024, 5);
    std::string server_error;
    std::thread server([&] {
        auto conn = listener->accept(10);
        if (!conn) return void(server_error = "accept failed");
        conn->set_option(IPPROTO_TCP, TCP_NODELAY, 1);
        if (!conn->enable_tls(server_ctx()) || !conn->tls_handshake(10)) {
            return void(server_error = "handshake: " + conn->tls()->error_message());
        }
        std::string buf(65536, '\0');
        ssize_t n;
        while ((n = conn->recv(buf.data(), buf.size(), 10)) > 0) {
            if (conn->send_all(buf.data(), size_t(n), 10) != n) return void(server_error = "echo send failed");
        }
        conn->tls_shutdown(5);
    });
    Socket client(AF_INET, SOCK_STREAM, 0);
    ASSERT_EQ(Coroutine::current(), nullptr);
    ASSERT_TRUE(client.connect("127.0.0.1", port, 5));
    client.set_option(IPPROTO_TCP, TCP_NODELAY, 1);
    ASSERT_TRUE(client.enable_tls(client_ctx(), "127.0.0.1"));  // an IP literal: checked against the SAN
    ASSERT_TRUE(client.tls_handshake(10)) << client.tls()->error_message();
    std::string echoed(payload.size(), '\0');
    // Write and read in turns of 64 KiB, so neither side's buffers fill up.
    for (size_t at = 0; at < payload.size(); at += 65536) {
        size_t n = std::min<size_t>(65536, payload.size() - at);
        ASSERT_EQ(client.send_all(payload.data() + at, n, 10), ssize_t(n));
        ASSERT_EQ(client.recv_all(echoed.data() + at, n, 10), ssize_t(n)) << client.error_message();
    }
    EXPECT_TRUE(echoed == payload);
    // A read with nothing coming times out in poll.
    char c;
    auto start = Clock::now();
    EXPECT_EQ(client.recv(&c, 1, 0.1), -1);
    EXPECT_EQ(client.error_code(), ETIMEDOUT);
    EXPECT_GE(seconds_since(start), 0.09);
    EXPECT_TRUE(client.tls_shutdown(5));
    EXPECT_EQ(client.recv(&c, 1, 10), 0);  // the server answered with its own close_notify
    EXPECT_TRUE(client.tls()->close_notify_received());
    server.join();
    EXPECT_EQ(server_error, "");
}

// `openssl s_server` in a child process, on a port we chose by binding 0.
class OpensslServer {
  public:
    OpensslServer(const std::vector<std::string> &args) {
        int probe = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof a;
        ::bind(probe, reinterpret_cast<sockaddr *>(&a), sizeof a);
        ::getsockname(probe, reinterpret_cast<sockaddr *>(&a), &len);
        port_ = ntohs(a.sin_port);
        ::close(probe);
        int in[2], out[2];
        if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return;
        pid_ = fork();
        if (pid_ == 0) {
            dup2(in[0], 0);
            dup2(out[1], 1);
            dup2(out[1], 2);
            std::vector<std::string> all = {"openssl", "s_server", "-accept", "127.0.0.1:" + std::to_string(port_)};
            all.insert(all.end(), args.begin(), args.end());
            std::vector<char *> argv;
            for (std::string &s : all) argv.push_back(s.data());
            argv.push_back(nullptr);
            execvp("openssl", argv.data());
            _exit(127);
        }
        ::close(in[0]);
        ::close(out[1]);
        stdin_ = in[1];  // kept open: s_server runs until killed
        out_ = out[0];
    }
    ~OpensslServer() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
        if (stdin_ >= 0) ::close(stdin_);
        if (out_ >= 0) ::close(out_);
    }
    // Blocks until s_server says it accepts (its "ACCEPT" line); false if it
    // exits first. What it printed is in output().
    bool wait_ready() {
        char buf[512];
        ssize_t n;
        while ((n = ::read(out_, buf, sizeof buf)) > 0) {
            output_.append(buf, size_t(n));
            if (output_.find("ACCEPT") != std::string::npos) return true;
        }
        return false;
    }
    int port() const { return port_; }
    const std::string &output() const { return output_; }

  private:
    pid_t pid_ = -1;
    int port_ = 0;
    int stdin_ = -1, out_ = -1;
    std::string output_;
};

TEST_F(SocketTlsTest, RealPeerOpensslServer) {
    OpensslServer peer({"-cert", path("server.crt"), "-key", path("server.key"), "-www"});
    ASSERT_TRUE(peer.wait_ready()) << peer.output();
    std::string reply;
    run_coroutines({[&] {
        Socket client(AF_INET, SOCK_STREAM, 0);
        ASSERT_TRUE(client.connect("127.0.0.1", peer.port(), 5));
        ASSERT_TRUE(client.enable_tls(client_ctx(), "localhost"));
        ASSERT_TRUE(client.tls_handshake(5)) << client.tls()->error_message();
        std::string request = "GET / HTTP/1.0\r\n\r\n";
        ASSERT_EQ(client.send_all(request.data(), request.size(), 5), ssize_t(request.size()));
        char buf[1000];
        ssize_t n;
        while ((n = client.recv(buf, sizeof buf, 5)) > 0) reply.append(buf, size_t(n));
        EXPECT_EQ(n, 0) << client.error_message();
    }});
    EXPECT_EQ(reply.rfind("HTTP/1.0 200 ok", 0), 0u) << reply.substr(0, 200);
    EXPECT_NE(reply.find("TLSv1.3"), std::string::npos);

    // The same server, from the blocking path, refused for its name.
    Socket client(AF_INET, SOCK_STREAM, 0);
    ASSERT_TRUE(client.connect("127.0.0.1", peer.port(), 5));
    ASSERT_TRUE(client.enable_tls(client_ctx(), "not-localhost.example"));
    EXPECT_FALSE(client.tls_handshake(5));
    EXPECT_EQ(client.error_code(), SW_ERROR_SSL_VERIFY_FAILED);
}

}  // namespace
