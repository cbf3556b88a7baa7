// The client sockets of the host table (ABI 1.2): what a module sees through
// kernel_host_api() against loopback listeners made with kernel::Socket:
// connect (IP, name, unix), send/recv, timeouts, refused, peer close,
// socket_close waking a parked reader, and TLS with a self-signed
// certificate, verification and ALPN.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "base/error.h"
#include "module/host_api.h"
#include "swoole/sdk.hpp"
#include "run_coroutines.h"
#include "socket/address.h"
#include "socket/socket.h"
#include "tls/tls_context.h"

using namespace swoole::kernel;
using test_support::run_coroutines;

namespace {

const sw_host_api *api() { return kernel_host_api(); }

std::unique_ptr<Socket> tcp_listener(int &port) {
    auto s = std::make_unique<Socket>(AF_INET, SOCK_STREAM, 0);
    if (!s->valid() || !s->bind("127.0.0.1", 0) || !s->listen(16)) return nullptr;
    SocketAddress addr;
    s->getsockname(addr);
    port = addr.port();
    return s;
}

// Accepts one connection and echoes until the peer closes.
void echo_one(Socket &listener) {
    auto conn = listener.accept(5);
    ASSERT_TRUE(conn) << conn->error_message();
    char buf[4096];
    ssize_t n;
    while ((n = conn->recv(buf, sizeof buf, 5)) > 0) ASSERT_EQ(conn->send_all(buf, size_t(n), 5), n);
}

// One request/response round through the table.
void round_trip(sw_socket *s, const std::string &msg) {
    ASSERT_EQ(api()->socket_send(s, msg.data(), msg.size(), 5), ssize_t(msg.size()));
    std::string got;
    char buf[4096];
    while (got.size() < msg.size()) {
        ssize_t n = api()->socket_recv(s, buf, sizeof buf, 5);
        ASSERT_GT(n, 0) << api()->last_error();
        got.append(buf, size_t(n));
    }
    EXPECT_EQ(got, msg);
}

TEST(HostSocket, TableHasTheSocketFunctions) {
    EXPECT_TRUE(SW_HOST_HAS(api(), socket_connect));
    EXPECT_TRUE(SW_HOST_HAS(api(), socket_free));
    // The PHP side is filled by swoole.so only.
    EXPECT_FALSE(SW_HOST_HAS(api(), server_set_request_handler));
    EXPECT_FALSE(SW_HOST_HAS(api(), server_client_info));
}

TEST(HostSocket, ConnectSendRecvClose) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] { echo_one(*listener); },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr) << api()->last_error();
                        EXPECT_GE(api()->socket_fd(s), 0);
                        round_trip(s, "hello");
                        round_trip(s, std::string(200000, 'x'));
                        size_t len = 1;
                        EXPECT_EQ(api()->socket_alpn(s, &len), nullptr);
                        EXPECT_EQ(len, 0u);
                        api()->socket_close(s);
                        EXPECT_EQ(api()->socket_fd(s), -1);
                        char c;
                        EXPECT_EQ(api()->socket_recv(s, &c, 1, 1), -1);
                        EXPECT_EQ(api()->last_error(), EBADF);
                        api()->socket_free(s);
                    }});
}

TEST(HostSocket, HostNameIsResolved) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] { echo_one(*listener); },
                    [&] {
                        sw_socket *s = api()->socket_connect("localhost", port, 5);
                        ASSERT_NE(s, nullptr) << api()->last_error();
                        round_trip(s, "by name");
                        api()->socket_free(s);  // closes
                    }});
}

TEST(HostSocket, UnknownHostFails) {
    run_coroutines({[&] {
        EXPECT_EQ(api()->socket_connect("no-such-host.invalid", 80, 5), nullptr);
        int e = api()->last_error();
        EXPECT_TRUE(e == SW_ERROR_DNSLOOKUP_RESOLVE_FAILED || e == SW_ERROR_DNSLOOKUP_RESOLVE_TIMEOUT) << e;
    }});
}

TEST(HostSocket, UnixStream) {
    std::string path = "/tmp/swoole-host-socket-" + std::to_string(getpid()) + ".sock";
    ::unlink(path.c_str());
    Socket listener(AF_UNIX, SOCK_STREAM, 0);
    ASSERT_TRUE(listener.bind(path));
    ASSERT_TRUE(listener.listen(4));
    run_coroutines({[&] {
                        echo_one(listener);
                        echo_one(listener);
                    },
                    [&] {
                        sw_socket *a = api()->socket_connect(("unix:" + path).c_str(), 0, 5);
                        ASSERT_NE(a, nullptr) << api()->last_error();
                        round_trip(a, "over unix:");
                        api()->socket_free(a);
                        sw_socket *b = api()->socket_connect(path.c_str(), 0, 5);
                        ASSERT_NE(b, nullptr) << api()->last_error();
                        round_trip(b, "over a path");
                        api()->socket_free(b);
                    }});
    ::unlink(path.c_str());
}

TEST(HostSocket, BadArgumentsAndOutsideCoroutine) {
    EXPECT_EQ(api()->socket_connect("127.0.0.1", 80, 1), nullptr);
    EXPECT_EQ(api()->last_error(), SW_ERROR_CO_OUT_OF_COROUTINE);
    run_coroutines({[&] {
        EXPECT_EQ(api()->socket_connect("127.0.0.1", 0, 1), nullptr);  // no port for TCP
        EXPECT_EQ(api()->last_error(), EINVAL);
        EXPECT_EQ(api()->socket_connect(nullptr, 80, 1), nullptr);
        EXPECT_EQ(api()->last_error(), EINVAL);
        EXPECT_EQ(api()->socket_connect("127.0.0.1", 70000, 1), nullptr);
        EXPECT_EQ(api()->last_error(), EINVAL);
        EXPECT_EQ(api()->socket_send(nullptr, "x", 1, 1), -1);
        EXPECT_EQ(api()->last_error(), SW_ERROR_INVALID_PARAMS);
    }});
    EXPECT_EQ(api()->socket_fd(nullptr), -1);
    api()->socket_close(nullptr);
    api()->socket_free(nullptr);
}

TEST(HostSocket, Refused) {
    int port = 0;
    {
        auto gone = tcp_listener(port);
        ASSERT_TRUE(gone);
    }
    run_coroutines({[&] {
        EXPECT_EQ(api()->socket_connect("127.0.0.1", port, 5), nullptr);
        EXPECT_EQ(api()->last_error(), ECONNREFUSED);
    }});
}

TEST(HostSocket, RecvTimeoutThenPeerClose) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    std::unique_ptr<Socket> server_side;
    bool timed_out = false;
    run_coroutines({[&] {
                        server_side = listener->accept(5);
                        ASSERT_TRUE(server_side);
                        // Wait until the client saw its timeout, then close.
                        char c;
                        ASSERT_EQ(server_side->recv(&c, 1, 5), 1);
                        server_side->close();
                    },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        char buf[16];
                        EXPECT_EQ(api()->socket_recv(s, buf, sizeof buf, 0.05), -1);
                        EXPECT_EQ(api()->last_error(), ETIMEDOUT);
                        timed_out = true;
                        ASSERT_EQ(api()->socket_send(s, "!", 1, 5), 1);
                        EXPECT_EQ(api()->socket_recv(s, buf, sizeof buf, 5), 0);  // peer closed
                        api()->socket_free(s);
                    }});
    EXPECT_TRUE(timed_out);
}

TEST(HostSocket, CloseWakesParkedReader) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    sw_socket *s = nullptr;
    std::unique_ptr<Socket> server_side;
    int64_t closer = 0;
    run_coroutines({[&] { server_side = listener->accept(5); },
                    [&] {
                        closer = api()->co_id();
                        ASSERT_EQ(api()->co_park(), SW_WAIT_READY);
                        ASSERT_NE(s, nullptr);
                        api()->socket_close(s);
                        EXPECT_EQ(api()->socket_fd(s), -1);
                    },
                    [&] {
                        s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        // The closer runs once this coroutine is parked in recv.
                        api()->defer([](void *arg) { api()->co_wake(*static_cast<int64_t *>(arg)); }, &closer);
                        char buf[16];
                        // No limit: only socket_close ends this wait.
                        EXPECT_EQ(api()->socket_recv(s, buf, sizeof buf, -1), -1);
                        EXPECT_EQ(api()->last_error(), ECONNRESET);
                    }});
    api()->socket_free(s);
}

TEST(HostSocket, SdkSocketWrapper) {
    swoole::sdk::Host::attach(api());
    ASSERT_TRUE(swoole::sdk::Socket::available());
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] { echo_one(*listener); },
                    [&] {
                        swoole::sdk::Socket s;
                        EXPECT_FALSE(s.send("x"));
                        EXPECT_EQ(s.error(), EBADF);
                        ASSERT_TRUE(s.connect("127.0.0.1", port, 5)) << s.error();
                        EXPECT_TRUE(s.connected());
                        ASSERT_TRUE(s.send(std::string_view("ping")));
                        char buf[16];
                        EXPECT_EQ(s.recv(buf, sizeof buf, 5), 4);
                        EXPECT_EQ(std::string_view(buf, 4), "ping");
                        EXPECT_TRUE(s.alpn().empty());
                        swoole::sdk::Socket moved = std::move(s);
                        EXPECT_EQ(s.fd(), -1);
                        EXPECT_GE(moved.fd(), 0);
                        moved.close();
                        EXPECT_FALSE(moved.connected());
                        EXPECT_EQ(moved.recv(buf, sizeof buf, 1), -1);
                        EXPECT_EQ(moved.error(), EBADF);
                        swoole::sdk::Socket refused;
                        EXPECT_FALSE(refused.connect("127.0.0.1", 0, 1));
                        EXPECT_EQ(refused.error(), EINVAL);
                    }});
}

class HostSocketTls : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        char tmpl[] = "/tmp/swoole-host-tls-XXXXXX";
        if (mkdtemp(tmpl) == nullptr) return;
        dir_ = tmpl;
        std::string cmd = "cd " + dir_ +
                          " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                          " -subj /CN=localhost -addext subjectAltName=DNS:localhost"
                          " -keyout key.pem -out cert.pem >make.log 2>&1";
        ready_ = std::system(cmd.c_str()) == 0;
    }
    static void TearDownTestSuite() {
        if (!dir_.empty()) std::system(("rm -rf " + dir_).c_str());
    }
    void SetUp() override { ASSERT_TRUE(ready_) << "openssl failed, see " << dir_ << "/make.log"; }

    // A TLS echo server for one connection, offering ALPN h2 then http/1.1.
    static void tls_echo(Socket &listener, bool expect_handshake = true) {
        auto conn = listener.accept(5);
        ASSERT_TRUE(conn);
        TlsOptions o;
        o.server = true;
        o.cert_file = dir_ + "/cert.pem";
        o.key_file = dir_ + "/key.pem";
        o.alpn = {"h2", "http/1.1"};
        std::string error;
        auto ctx = TlsContext::create(o, error);
        ASSERT_TRUE(ctx) << error;
        ASSERT_TRUE(conn->enable_tls(ctx));
        if (!conn->tls_handshake(5)) {
            EXPECT_FALSE(expect_handshake);
            return;
        }
        char buf[4096];
        ssize_t n;
        while ((n = conn->recv(buf, sizeof buf, 5)) > 0) ASSERT_EQ(conn->send_all(buf, size_t(n), 5), n);
    }

    static sw_tls_options options() {
        sw_tls_options o{};
        o.struct_size = sizeof o;
        return o;
    }

    static inline std::string dir_;
    static inline bool ready_ = false;
};

TEST_F(HostSocketTls, NoVerificationWithAlpn) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] { tls_echo(*listener); },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        sw_tls_options o = options();
                        o.alpn = "http/1.1, h2";
                        ASSERT_EQ(api()->socket_enable_tls(s, &o, 5), 0) << api()->last_error();
                        size_t len = 0;
                        const char *alpn = api()->socket_alpn(s, &len);
                        ASSERT_NE(alpn, nullptr);
                        // The server picks by its own order.
                        EXPECT_EQ(std::string(alpn, len), "h2");
                        round_trip(s, "secret");
                        round_trip(s, std::string(100000, 's'));
                        api()->socket_free(s);
                    }});
}

TEST_F(HostSocketTls, NullOptionsNoAlpn) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] { tls_echo(*listener); },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        ASSERT_EQ(api()->socket_enable_tls(s, nullptr, 5), 0) << api()->last_error();
                        size_t len = 7;
                        EXPECT_EQ(api()->socket_alpn(s, &len), nullptr);
                        EXPECT_EQ(len, 0u);
                        round_trip(s, "plain options");
                        api()->socket_free(s);
                    }});
}

TEST_F(HostSocketTls, VerifyPeer) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    std::string ca = dir_ + "/cert.pem";
    run_coroutines({[&] {
                        tls_echo(*listener, false);
                        tls_echo(*listener);
                        tls_echo(*listener);
                    },
                    [&] {
                        // Self-signed and not allowed: refused.
                        sw_socket *s = api()->socket_connect("localhost", port, 5);
                        ASSERT_NE(s, nullptr);
                        sw_tls_options o = options();
                        o.verify_peer = 1;
                        EXPECT_EQ(api()->socket_enable_tls(s, &o, 5), -1);
                        EXPECT_EQ(api()->last_error(), SW_ERROR_SSL_VERIFY_FAILED);
                        api()->socket_free(s);

                        // Allowed self-signed, the name checked against the connect host.
                        s = api()->socket_connect("localhost", port, 5);
                        ASSERT_NE(s, nullptr);
                        o.allow_self_signed = 1;
                        ASSERT_EQ(api()->socket_enable_tls(s, &o, 5), 0) << api()->last_error();
                        round_trip(s, "self-signed ok");
                        api()->socket_free(s);

                        // Trusted as its own CA, with an explicit host name.
                        s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        sw_tls_options c = options();
                        c.verify_peer = 1;
                        c.cafile = ca.c_str();
                        c.host_name = "localhost";
                        ASSERT_EQ(api()->socket_enable_tls(s, &c, 5), 0) << api()->last_error();
                        round_trip(s, "trusted");
                        api()->socket_free(s);
                    }});
}

TEST_F(HostSocketTls, WrongHostNameFails) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    std::string ca = dir_ + "/cert.pem";
    run_coroutines({[&] { tls_echo(*listener, false); },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        sw_tls_options o = options();
                        o.verify_peer = 1;
                        o.cafile = ca.c_str();
                        o.host_name = "example.org";
                        EXPECT_EQ(api()->socket_enable_tls(s, &o, 5), -1);
                        EXPECT_EQ(api()->last_error(), SW_ERROR_SSL_VERIFY_FAILED);
                        api()->socket_free(s);
                    }});
}

TEST_F(HostSocketTls, BadClientCertificateFile) {
    int port = 0;
    auto listener = tcp_listener(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] {
        // Nothing answers TLS here: the context fails before any byte is sent.
        auto conn = listener->accept(5);
        ASSERT_TRUE(conn);
    },
                    [&] {
                        sw_socket *s = api()->socket_connect("127.0.0.1", port, 5);
                        ASSERT_NE(s, nullptr);
                        sw_tls_options o = options();
                        o.cert_file = "/nonexistent/cert.pem";
                        o.key_file = "/nonexistent/key.pem";
                        EXPECT_EQ(api()->socket_enable_tls(s, &o, 5), -1);
                        EXPECT_EQ(api()->last_error(), SW_ERROR_SSL_BAD_PROTOCOL);
                        api()->socket_free(s);
                    }});
}

}  // namespace
