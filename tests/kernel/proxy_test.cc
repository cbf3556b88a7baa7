// Proxy tunnels (socket/proxy.h): against real microsocks (SOCKS5) and
// tinyproxy (HTTP CONNECT) processes tunnelling to an echo server of the
// test, against scripted fake proxies for every error, and TLS on top.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"
#include "run_coroutines.h"
#include "socket/address.h"
#include "socket/proxy.h"
#include "socket/socket.h"
#include "tls/tls_context.h"
#include "tls/tls_session.h"

using namespace swoole::kernel;
using namespace std::chrono_literals;

namespace {

using test_support::Body;
using test_support::run_coroutines;
using Clock = std::chrono::steady_clock;

void spawn(Body *f) {
    Coroutine::create([](void *arg) { (*static_cast<Body *>(arg))(); }, f);
}

std::unique_ptr<Socket> listener_on(int &port) {
    auto s = std::make_unique<Socket>(AF_INET, SOCK_STREAM, 0);
    if (!s->valid() || !s->bind("127.0.0.1", 0) || !s->listen(64)) return nullptr;
    SocketAddress addr;
    s->getsockname(addr);
    port = addr.port();
    return s;
}

// A port nobody listens on right now (bound to 0, then released).
int unused_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof a;
    ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

// A child process (stdout and stderr to log), killed with the object.
class Child {
  public:
    Child(std::vector<std::string> argv, const std::string &log) {
        pid_ = fork();
        if (pid_ == 0) {
            int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(out, 1);
            dup2(out, 2);
            std::vector<char *> args;
            for (std::string &a : argv) args.push_back(a.data());
            args.push_back(nullptr);
            execv(args[0], args.data());
            _exit(127);
        }
    }
    ~Child() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            waitpid(pid_, nullptr, 0);
        }
    }
    // Waits (at most 10 s, a failure guard) until the child listens on port.
    bool wait_listening(int port) const {
        for (auto end = Clock::now() + 10s; Clock::now() < end;) {
            if (waitpid(pid_, nullptr, WNOHANG) == pid_) return false;  // it exited
            int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in a{};
            a.sin_family = AF_INET;
            a.sin_port = htons(uint16_t(port));
            a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
            ::close(fd);
            if (ok) return true;
            std::this_thread::sleep_for(10ms);
        }
        return false;
    }

  private:
    pid_t pid_ = -1;
};

std::string read_text(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// An echo server coroutine on its listener: every connection echoes until
// its peer closes. Stops accepting when the listener is closed.
struct EchoServer {
    std::unique_ptr<Socket> listener;
    int port = 0;
    std::shared_ptr<const TlsContext> tls;  // set: TLS on every connection
    std::vector<std::unique_ptr<Socket>> conns;
    std::deque<Body> handlers;  // stable addresses: coroutines run them
    Body acceptor;

    EchoServer() {
        listener = listener_on(port);
        acceptor = [this] {
            for (;;) {
                auto conn = listener->accept(-1);
                if (!conn) return;
                Socket *s = conn.get();
                conns.push_back(std::move(conn));
                handlers.push_back([this, s] {
                    if (tls && (!s->enable_tls(tls) || !s->tls_handshake(5))) return;
                    char buf[4096];
                    ssize_t n;
                    while ((n = s->recv(buf, sizeof buf, 10)) > 0) {
                        if (s->send_all(buf, size_t(n), 10) != n) return;
                    }
                });
                spawn(&handlers.back());
            }
        };
    }
    void start() { spawn(&acceptor); }
    void stop() {
        listener->close();
        for (auto &c : conns) c->close();
    }
};

// Sends and reads back one message through a tunnel.
void expect_echo(Socket &s, const std::string &message) {
    ASSERT_EQ(s.send_all(message.data(), message.size(), 5), ssize_t(message.size())) << s.error_message();
    std::string got(message.size(), '\0');
    ASSERT_EQ(s.recv_all(got.data(), got.size(), 5), ssize_t(message.size())) << s.error_message();
    EXPECT_EQ(got, message);
}

// A connected client socket to 127.0.0.1:port (inside a coroutine).
std::unique_ptr<Socket> connect_to(int port) {
    auto s = std::make_unique<Socket>(AF_INET, SOCK_STREAM, 0);
    if (!s->connect("127.0.0.1", port, 5)) return nullptr;
    return s;
}

// ---- real proxies ----

TEST(ProxyReal, Microsocks) {
    int port = unused_port(), auth_port = unused_port();
    Child open_proxy({"/usr/bin/microsocks", "-i", "127.0.0.1", "-p", std::to_string(port)}, "/dev/null");
    Child auth_proxy({"/usr/bin/microsocks", "-i", "127.0.0.1", "-p", std::to_string(auth_port), "-u", "user", "-P",
                      "pass"},
                     "/dev/null");
    ASSERT_TRUE(open_proxy.wait_listening(port));
    ASSERT_TRUE(auth_proxy.wait_listening(auth_port));
    EchoServer echo;
    ASSERT_TRUE(echo.listener);
    run_coroutines({[&] {
        echo.start();
        {
            // No authentication; the target as an IPv4 literal.
            auto s = connect_to(port);
            ASSERT_TRUE(s);
            ASSERT_TRUE(socks5_tunnel(*s, "127.0.0.1", echo.port)) << s->error_message();
            expect_echo(*s, "through socks5");
        }
        {
            // A host name: the proxy resolves "localhost".
            auto s = connect_to(port);
            ASSERT_TRUE(s);
            ASSERT_TRUE(socks5_tunnel(*s, "localhost", echo.port, {}, 5)) << s->error_message();
            expect_echo(*s, std::string(200000, 'n'));
        }
        {
            // User and password.
            auto s = connect_to(auth_port);
            ASSERT_TRUE(s);
            ASSERT_TRUE(socks5_tunnel(*s, "127.0.0.1", echo.port, {"user", "pass"})) << s->error_message();
            expect_echo(*s, "authenticated");
        }
        {
            auto s = connect_to(auth_port);
            ASSERT_TRUE(s);
            EXPECT_FALSE(socks5_tunnel(*s, "127.0.0.1", echo.port, {"user", "wrong"}));
            EXPECT_EQ(s->error_code(), SW_ERROR_SOCKS5_AUTH_FAILED);
        }
        {
            // Credentials required but none offered.
            auto s = connect_to(auth_port);
            ASSERT_TRUE(s);
            EXPECT_FALSE(socks5_tunnel(*s, "127.0.0.1", echo.port));
            EXPECT_EQ(s->error_code(), SW_ERROR_SOCKS5_UNSUPPORT_METHOD);
        }
        {
            // Nothing listens at the target: the proxy's reply is an error.
            auto s = connect_to(port);
            ASSERT_TRUE(s);
            EXPECT_FALSE(socks5_tunnel(*s, "127.0.0.1", unused_port()));
            EXPECT_EQ(s->error_code(), SW_ERROR_SOCKS5_SERVER_ERROR);
        }
        echo.stop();
    }});
}

TEST(ProxyReal, Tinyproxy) {
    EchoServer echo;
    ASSERT_TRUE(echo.listener);
    int port = unused_port();
    char dir_tmpl[] = "/tmp/swoole-proxy-XXXXXX";
    ASSERT_NE(mkdtemp(dir_tmpl), nullptr);
    std::string dir = dir_tmpl;
    std::ofstream(dir + "/tinyproxy.conf") << "Port " << port << "\nListen 127.0.0.1\nBasicAuth user pass\n"
                                           << "ConnectPort " << echo.port << "\nMaxClients 10\n";
    {
        Child proxy({"/usr/bin/tinyproxy", "-d", "-c", dir + "/tinyproxy.conf"}, dir + "/tinyproxy.log");
        ASSERT_TRUE(proxy.wait_listening(port)) << read_text(dir + "/tinyproxy.log");
        run_coroutines({[&] {
            echo.start();
            {
                auto s = connect_to(port);
                ASSERT_TRUE(s);
                ASSERT_TRUE(http_connect_tunnel(*s, "127.0.0.1", echo.port, {"user", "pass"})) << s->error_message();
                expect_echo(*s, "through http connect");
                expect_echo(*s, std::string(300000, 'h'));
            }
            {
                auto s = connect_to(port);
                ASSERT_TRUE(s);
                ASSERT_TRUE(http_connect_tunnel(*s, "localhost", echo.port, {"user", "pass"}, 5)) << s->error_message();
                expect_echo(*s, "by name");
            }
            {
                // 407 without (or with wrong) credentials.
                auto s = connect_to(port);
                ASSERT_TRUE(s);
                EXPECT_FALSE(http_connect_tunnel(*s, "127.0.0.1", echo.port));
                EXPECT_EQ(s->error_code(), SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
                s = connect_to(port);
                ASSERT_TRUE(s);
                EXPECT_FALSE(http_connect_tunnel(*s, "127.0.0.1", echo.port, {"user", "nope"}));
                EXPECT_EQ(s->error_code(), SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
            }
            {
                // A port the configuration does not allow: 403.
                auto s = connect_to(port);
                ASSERT_TRUE(s);
                EXPECT_FALSE(http_connect_tunnel(*s, "127.0.0.1", port, {"user", "pass"}));
                EXPECT_EQ(s->error_code(), SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
            }
            echo.stop();
        }});
    }
    std::system(("rm -rf " + dir).c_str());
}

// ---- fake proxies ----

// One connection to a scripted proxy: `script` runs on the accepted socket
// while `client` runs on the connecting one.
void with_fake_proxy(const std::function<void(Socket &)> &script, const std::function<void(Socket &)> &client) {
    int port = 0;
    auto listener = listener_on(port);
    ASSERT_TRUE(listener);
    run_coroutines({[&] {
                 auto conn = listener->accept(5);
                 ASSERT_TRUE(conn);
                 script(*conn);
             },
             [&] {
                 auto s = connect_to(port);
                 ASSERT_TRUE(s);
                 client(*s);
             }});
}

std::string take(Socket &s, size_t n) {
    std::string got(n, '\0');
    ssize_t r = s.recv_all(got.data(), n, 5);
    got.resize(r > 0 ? size_t(r) : 0);
    return got;
}

void put(Socket &s, std::string_view bytes) { EXPECT_EQ(s.send_all(bytes.data(), bytes.size(), 5), ssize_t(bytes.size())); }

using namespace std::string_literals;

// Expects the socks5 exchange to fail with `code`.
void socks5_fails(const std::function<void(Socket &)> &script, int code, const ProxyCredentials &auth = {}) {
    with_fake_proxy(script, [&](Socket &s) {
        EXPECT_FALSE(socks5_tunnel(s, "example.com", 443, auth, 2));
        EXPECT_EQ(s.error_code(), code) << s.error_message();
    });
}

TEST(ProxySocks5Fake, WireFormatAndNoOverRead) {
    // Domain name CONNECT; the reply (an IPv6 bound address) and the first
    // tunnel bytes arrive in one write: those bytes must stay for the caller.
    with_fake_proxy(
        [](Socket &p) {
            EXPECT_EQ(take(p, 3), "\x05\x01\x00"s);
            put(p, "\x05\x00"s);
            EXPECT_EQ(take(p, 5 + 11 + 2), "\x05\x01\x00\x03\x0b" "example.com\x01\xbb"s);
            put(p, "\x05\x00\x00\x04"s + std::string(16, '\x01') + "\x12\x34" + "TUNNEL");
            EXPECT_EQ(take(p, 4), "ping");
        },
        [](Socket &s) {
            ASSERT_TRUE(socks5_tunnel(s, "example.com", 443)) << s.error_message();
            EXPECT_EQ(take(s, 6), "TUNNEL");
            put(s, "ping");
        });
    // IPv4 and IPv6 literals go as addresses; credentials as RFC 1929; a
    // domain-typed bound address in the reply.
    with_fake_proxy(
        [](Socket &p) {
            EXPECT_EQ(take(p, 4), "\x05\x02\x00\x02"s);
            put(p, "\x05\x02"s);
            EXPECT_EQ(take(p, 1 + 1 + 5 + 1 + 6), "\x01\x05" "alice\x06" "secret"s);
            put(p, "\x01\x00"s);
            EXPECT_EQ(take(p, 4 + 4 + 2), "\x05\x01\x00\x01\x0a\x00\x00\x07\x00\x50"s);
            put(p, "\x05\x00\x00\x03\x04host\x00\x50"s + "after");
        },
        [](Socket &s) {
            ASSERT_TRUE(socks5_tunnel(s, "10.0.0.7", 80, {"alice", "secret"})) << s.error_message();
            EXPECT_EQ(take(s, 5), "after");
        });
    with_fake_proxy(
        [](Socket &p) {
            EXPECT_EQ(take(p, 3), "\x05\x01\x00"s);
            put(p, "\x05\x00"s);
            std::string v6(16, '\0');
            v6[15] = 1;
            EXPECT_EQ(take(p, 4 + 16 + 2), "\x05\x01\x00\x04"s + v6 + "\x1f\x90");
            put(p, "\x05\x00\x00\x01\x7f\x00\x00\x01\x1f\x90"s);
        },
        [](Socket &s) {
            ASSERT_TRUE(socks5_tunnel(s, "[::1]", 8080)) << s.error_message();
            EXPECT_EQ(s.error_code(), 0);
        });
}

TEST(ProxySocks5Fake, EveryError) {
    auto method_reply = [](std::string reply) {
        return [reply](Socket &p) {
            take(p, 3);
            put(p, reply);
        };
    };
    socks5_fails(method_reply("\x04\x00"s), SW_ERROR_SOCKS5_UNSUPPORT_VERSION);
    socks5_fails(method_reply("\x05\xff"s), SW_ERROR_SOCKS5_UNSUPPORT_METHOD);
    socks5_fails(method_reply("\x05\x02"s), SW_ERROR_SOCKS5_UNSUPPORT_METHOD);  // not offered
    socks5_fails(method_reply("\x05"s), SW_ERROR_SOCKS5_HANDSHAKE_FAILED);  // then closes
    socks5_fails(
        [](Socket &p) {
            take(p, 4);
            put(p, "\x05\x02"s);
            take(p, 1 + 1 + 1 + 1 + 1);
            put(p, "\x01\x01"s);
        },
        SW_ERROR_SOCKS5_AUTH_FAILED, {"u", "p"});
    auto connect_reply = [](std::string reply) {
        return [reply](Socket &p) {
            take(p, 3);
            put(p, "\x05\x00"s);
            take(p, 5 + 11 + 2);
            put(p, reply);
        };
    };
    socks5_fails(connect_reply("\x05\x05\x00\x01\x00\x00\x00\x00\x00\x00"s), SW_ERROR_SOCKS5_SERVER_ERROR);
    socks5_fails(connect_reply("\x04\x00\x00\x01\x00\x00\x00\x00\x00\x00"s), SW_ERROR_SOCKS5_UNSUPPORT_VERSION);
    socks5_fails(connect_reply("\x05\x00\x00\x09\x00\x00\x00\x00\x00\x00"s), SW_ERROR_SOCKS5_HANDSHAKE_FAILED);
    socks5_fails(connect_reply("\x05\x00\x00\x01\x7f\x00"s), SW_ERROR_SOCKS5_HANDSHAKE_FAILED);  // closes mid-reply
    socks5_fails([](Socket &p) { p.close(); }, SW_ERROR_SOCKS5_HANDSHAKE_FAILED);

    // A silent proxy: the call's timeout covers the whole exchange.
    with_fake_proxy([](Socket &p) { take(p, 3); Coroutine::sleep(0.5); },
                    [](Socket &s) {
                        auto start = Clock::now();
                        EXPECT_FALSE(socks5_tunnel(s, "example.com", 443, {}, 0.2));
                        EXPECT_EQ(s.error_code(), ETIMEDOUT);
                        EXPECT_LT(std::chrono::duration<double>(Clock::now() - start).count(), 0.45);
                    });
    // The socket's read timeout when the call gives none.
    with_fake_proxy([](Socket &p) { take(p, 3); Coroutine::sleep(0.5); },
                    [](Socket &s) {
                        s.set_timeout(Socket::Timeout::read, 0.1);
                        EXPECT_FALSE(socks5_tunnel(s, "example.com", 443));
                        EXPECT_EQ(s.error_code(), ETIMEDOUT);
                    });
    // Bad arguments never reach the wire.
    Socket s(AF_INET, SOCK_STREAM, 0);
    EXPECT_FALSE(socks5_tunnel(s, "", 80));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_FALSE(socks5_tunnel(s, "example.com", 0));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_FALSE(socks5_tunnel(s, std::string(256, 'a'), 80));
    EXPECT_EQ(s.error_code(), EINVAL);
    EXPECT_FALSE(socks5_tunnel(s, "example.com", 80, {std::string(256, 'u'), "p"}));
    EXPECT_EQ(s.error_code(), EINVAL);
    s.close();
    EXPECT_FALSE(socks5_tunnel(s, "example.com", 80));
    EXPECT_EQ(s.error_code(), EBADF);
}

// Reads the CONNECT request up to its blank line.
std::string read_request(Socket &p) {
    std::string req;
    char c;
    while (req.find("\r\n\r\n") == std::string::npos && p.recv(&c, 1, 5) == 1) req += c;
    return req;
}

void http_fails(const std::string &reply, int code) {
    with_fake_proxy(
        [&](Socket &p) {
            read_request(p);
            put(p, reply);
        },
        [&](Socket &s) {
            EXPECT_FALSE(http_connect_tunnel(s, "example.com", 443, {}, 2));
            EXPECT_EQ(s.error_code(), code) << reply;
        });
}

TEST(ProxyHttpFake, RequestAndNoOverRead) {
    // The reply in pieces, "\r\n" split across them, the tunnel's first bytes
    // in the same write as the blank line.
    with_fake_proxy(
        [](Socket &p) {
            EXPECT_EQ(read_request(p),
                      "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n"
                      "Proxy-Authorization: Basic dXNlcjpwYXNz\r\n\r\n");
            put(p, "HTTP/1.1 200 Connection established\r");
            Coroutine::sleep(0.02);
            put(p, "\nX-A: b\r\n\r");
            Coroutine::sleep(0.02);
            put(p, "\nTUNNEL BYTES");
            EXPECT_EQ(take(p, 4), "pong");
        },
        [](Socket &s) {
            ASSERT_TRUE(http_connect_tunnel(s, "example.com", 443, {"user", "pass"})) << s.error_message();
            EXPECT_EQ(take(s, 12), "TUNNEL BYTES");
            put(s, "pong");
        });
    // An IPv6 literal in brackets, no credentials, a 204, bare "\n" lines, and
    // a long header over many peeks.
    with_fake_proxy(
        [](Socket &p) {
            EXPECT_EQ(read_request(p), "CONNECT [::1]:8443 HTTP/1.1\r\nHost: [::1]:8443\r\n\r\n");
            put(p, "HTTP/1.0 204 No Content\nX-Long: " + std::string(9000, 'l') + "\n\nrest");
        },
        [](Socket &s) {
            ASSERT_TRUE(http_connect_tunnel(s, "::1", 8443)) << s.error_message();
            EXPECT_EQ(take(s, 4), "rest");
        });
    // Credentials whose lengths need both kinds of padding.
    with_fake_proxy(
        [](Socket &p) {
            std::string req = read_request(p);
            EXPECT_NE(req.find("Proxy-Authorization: Basic YWI6Yw==\r\n"), std::string::npos) << req;  // "ab:c"
            put(p, "HTTP/1.1 200 OK\r\n\r\n");
        },
        [](Socket &s) { EXPECT_TRUE(http_connect_tunnel(s, "h", 1, {"ab", "c"})); });
    with_fake_proxy(
        [](Socket &p) {
            std::string req = read_request(p);
            EXPECT_NE(req.find("Proxy-Authorization: Basic YWI6Y2Q=\r\n"), std::string::npos) << req;  // "ab:cd"
            put(p, "HTTP/1.1 200 OK\r\n\r\n");
        },
        [](Socket &s) { EXPECT_TRUE(http_connect_tunnel(s, "h", 1, {"ab", "cd"})); });
}

TEST(ProxyHttpFake, EveryError) {
    http_fails("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n",
               SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 403 Forbidden\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 502 Bad Gateway\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("SSH-2.0-OpenSSH\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 2x0 OK\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 2000 OK\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 200 OK\r\nX: " + std::string(20000, 'x') + "\r\n\r\n", SW_ERROR_HTTP_PROXY_BAD_RESPONSE);
    http_fails("HTTP/1.1 200 OK\r\nX-Cut: ", SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED);  // closes mid-header
    http_fails("", SW_ERROR_HTTP_PROXY_HANDSHAKE_FAILED);
    with_fake_proxy([](Socket &p) { read_request(p); Coroutine::sleep(0.5); },
                    [](Socket &s) {
                        EXPECT_FALSE(http_connect_tunnel(s, "example.com", 443, {}, 0.2));
                        EXPECT_EQ(s.error_code(), ETIMEDOUT);
                    });
    Socket s(AF_INET, SOCK_STREAM, 0);
    EXPECT_FALSE(http_connect_tunnel(s, "example.com", 70000));
    EXPECT_EQ(s.error_code(), EINVAL);
}

TEST(ProxyTls, TlsOnTopOfBothTunnels) {
    char dir_tmpl[] = "/tmp/swoole-proxy-tls-XXXXXX";
    ASSERT_NE(mkdtemp(dir_tmpl), nullptr);
    std::string dir = dir_tmpl;
    ASSERT_EQ(std::system(("cd " + dir + " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 "
                                         "-nodes -keyout k.pem -out c.pem -days 1 -subj /CN=localhost "
                                         "-addext subjectAltName=DNS:localhost >gen.log 2>&1")
                              .c_str()),
              0);
    std::string error;
    TlsOptions so;
    so.server = true;
    so.cert_file = dir + "/c.pem";
    so.key_file = dir + "/k.pem";
    TlsOptions co;
    co.verify_peer = true;
    co.cafile = dir + "/c.pem";  // the self-signed certificate is its own CA
    auto server_ctx = TlsContext::create(so, error);
    ASSERT_TRUE(server_ctx) << error;
    auto client_ctx = TlsContext::create(co, error);
    ASSERT_TRUE(client_ctx) << error;

    EchoServer echo;
    ASSERT_TRUE(echo.listener);
    echo.tls = server_ctx;
    int socks_port = unused_port();
    Child microsocks({"/usr/bin/microsocks", "-i", "127.0.0.1", "-p", std::to_string(socks_port)}, "/dev/null");
    ASSERT_TRUE(microsocks.wait_listening(socks_port));
    // An HTTP proxy of our own that relays both ways after a 200.
    int http_port = 0;
    auto http_listener = listener_on(http_port);
    ASSERT_TRUE(http_listener);
    std::unique_ptr<Socket> up, down;
    Body relay_up;
    run_coroutines({[&] {
                 echo.start();
                 auto s = connect_to(socks_port);
                 ASSERT_TRUE(s);
                 ASSERT_TRUE(socks5_tunnel(*s, "127.0.0.1", echo.port)) << s->error_message();
                 ASSERT_TRUE(s->enable_tls(client_ctx, "localhost"));
                 ASSERT_TRUE(s->tls_handshake(5)) << s->tls()->error_message();
                 expect_echo(*s, "tls through socks5");
                 expect_echo(*s, std::string(100000, 's'));

                 auto h = connect_to(http_port);
                 ASSERT_TRUE(h);
                 ASSERT_TRUE(http_connect_tunnel(*h, "localhost", echo.port)) << h->error_message();
                 ASSERT_TRUE(h->enable_tls(client_ctx, "localhost"));
                 ASSERT_TRUE(h->tls_handshake(5)) << h->tls()->error_message();
                 expect_echo(*h, "tls through http connect");
                 h->close();
                 s->close();
                 echo.stop();
             },
             [&] {
                 down = http_listener->accept(5);
                 ASSERT_TRUE(down);
                 std::string req = read_request(*down);
                 ASSERT_EQ(req.rfind("CONNECT localhost:", 0), 0u) << req;
                 up = connect_to(echo.port);
                 ASSERT_TRUE(up);
                 put(*down, "HTTP/1.1 200 Connection established\r\n\r\n");
                 auto pump = [](Socket *from, Socket *to) {
                     char buf[16384];
                     ssize_t n;
                     while ((n = from->recv(buf, sizeof buf, 10)) > 0) {
                         if (to->send_all(buf, size_t(n), 10) != n) break;
                     }
                     to->shutdown(SHUT_WR);
                 };
                 relay_up = [&, pump] { pump(down.get(), up.get()); };
                 spawn(&relay_up);
                 pump(up.get(), down.get());
             }});
    std::system(("rm -rf " + dir).c_str());
}

}  // namespace
