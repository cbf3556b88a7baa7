// kernel/server: BASE mode with processes. The server runs in a forked
// child (a single process, or the manager of its workers); the test talks to
// it over loopback with blocking sockets whose timeouts are failure guards.
#include <gtest/gtest.h>

#include <openssl/ssl.h>
#include <signal.h>

#include <cstdlib>
#include <set>

#include "base/error.h"
#include "server_test_helpers.h"
#include "tls/tls_context.h"

using namespace swoole::kernel;
using namespace swoole::test;

namespace {

// Binds in the test process (so the port is known), forks, and runs the
// server in the child; the parent's copy of the listener is closed.
struct ForkedServer {
    pid_t pid = -1;
    int port = 0;

    template <class Setup>
    bool launch(TestEvents &events, Setup setup, SocketType type = kSockTcp) {
        auto server = std::make_unique<Server>(events.table());
        ListenPort *p = server->add_port(type, "127.0.0.1", 0);
        if (!p) return false;
        port = p->port();
        setup(*server);
        pid = fork();
        if (pid == 0) {
            int rc = server->start();
            _exit(rc == 0 ? 0 : 10);
        }
        return pid > 0;
    }
    // SIGTERM, then the exit status (100 + signal when killed; -1 on timeout).
    int stop() {
        if (pid <= 0) return -1;
        kill(pid, SIGTERM);
        return wait();
    }
    int wait() {
        int status = 0;
        for (int i = 0; i < 1500; ++i) {  // 15 s guard
            if (waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
            }
            usleep(10000);
        }
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        pid = -1;
        return -1;
    }
    ~ForkedServer() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
};

// Replies "<worker id> <pid>\n" to each packet.
void who_am_i(TestEvents &ev) {
    ev.receive = [](Server &s, Connection &c, std::string_view) {
        std::string r = std::to_string(s.worker_id()) + " " + std::to_string(getpid()) + "\n";
        s.send(c.session, r);
    };
}

std::string read_line(int fd) {
    std::string line;
    char ch;
    while (recv(fd, &ch, 1, 0) == 1) {
        if (ch == '\n') return line;
        line += ch;
    }
    return line;
}

// One request on a new connection: the reply line, or "" on failure.
std::string ask(int port) {
    int fd = tcp_client(port);
    if (fd < 0) return "";
    std::string line = send_all(fd, "?") ? read_line(fd) : "";
    close(fd);
    return line;
}

TEST(ServerProcess, TwoWorkersBothServe) {
    TestEvents ev;
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 2;
        s.settings.enable_reuse_port = true;
    }));
    std::set<std::string> workers;
    for (int i = 0; i < 200 && workers.size() < 2; ++i) {
        std::string r = ask(srv.port);
        ASSERT_FALSE(r.empty());
        workers.insert(r.substr(0, r.find(' ')));
    }
    EXPECT_EQ(workers, (std::set<std::string>{"0", "1"}));
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, SharedListenerServes) {
    TestEvents ev;
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) { s.settings.worker_num = 2; }));
    for (int i = 0; i < 20; ++i) {
        std::string r = ask(srv.port);
        ASSERT_TRUE(r.rfind("0 ", 0) == 0 || r.rfind("1 ", 0) == 0) << r;
    }
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, KilledWorkerIsReplaced) {
    TestEvents ev;
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 2;
        s.settings.enable_reuse_port = true;
    }));
    std::string first;
    for (int i = 0; i < 200 && first.empty(); ++i) {
        std::string r = ask(srv.port);
        if (r.rfind("0 ", 0) == 0) first = r;
    }
    ASSERT_FALSE(first.empty());
    pid_t victim = std::stoi(first.substr(2));
    ASSERT_EQ(kill(victim, SIGKILL), 0);
    std::string next;
    for (int i = 0; i < 400 && next.empty(); ++i) {
        std::string r = ask(srv.port);
        ASSERT_FALSE(r.empty()) << "the server stopped serving";
        if (r.rfind("0 ", 0) == 0 && r != first) next = r;
    }
    EXPECT_FALSE(next.empty()) << "worker 0 was not replaced";
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, MaxRequestRecyclesWorker) {
    TestEvents ev;
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 1;
        s.settings.max_request = 3;
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    std::set<std::string> seen;
    for (int i = 0; i < 3; ++i) {
        ASSERT_TRUE(send_all(fd, "?"));
        std::string r = read_line(fd);
        ASSERT_FALSE(r.empty());
        seen.insert(r);
    }
    EXPECT_EQ(seen.size(), 1u);  // one worker served the three
    EXPECT_TRUE(peer_closed(fd));  // then it left, closing its connections
    close(fd);
    std::string r = ask(srv.port);
    ASSERT_FALSE(r.empty());
    EXPECT_EQ(seen.count(r), 0u) << "the same worker served a fourth request";
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, SigtermLetsInFlightRequestFinish) {
    int notify[2];
    ASSERT_EQ(pipe(notify), 0);
    TestEvents ev;
    struct Pending {
        Server *server;
        SessionId session;
    };
    static Pending pending;
    ev.receive = [&](Server &s, Connection &c, std::string_view) {
        pending = {&s, c.session};
        // The reply comes later, from a timer: the request is in flight.
        s.reactor()->after(300, [](TimerId, void *) { pending.server->send(pending.session, "done\n"); }, nullptr);
        EXPECT_EQ(write(notify[1], "r", 1), 1);
    };
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) { s.settings.worker_num = 2; }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    ASSERT_TRUE(send_all(fd, "req"));
    pollfd p{notify[0], POLLIN, 0};
    ASSERT_EQ(poll(&p, 1, 5000), 1);
    kill(srv.pid, SIGTERM);
    EXPECT_EQ(read_line(fd), "done");
    EXPECT_TRUE(peer_closed(fd));
    EXPECT_EQ(srv.wait(), 0);
    close(fd);
    close(notify[0]);
    close(notify[1]);
}

TEST(ServerProcess, ReloadReplacesWorkers) {
    TestEvents ev;
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) { s.settings.worker_num = 1; s.settings.max_request = 1000; }));
    std::string before = ask(srv.port);
    ASSERT_FALSE(before.empty());
    ASSERT_EQ(kill(srv.pid, SIGUSR1), 0);
    std::string after;
    for (int i = 0; i < 500; ++i) {
        after = ask(srv.port);
        // A connection the stopping worker had accepted but not read is
        // dropped (BASE mode: a worker's connections go with it).
        if (!after.empty() && after != before) break;
        usleep(10000);  // polling guard only: the reload is asynchronous
    }
    EXPECT_NE(after, before);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, SingleProcessStopsOnSigterm) {
    TestEvents ev;
    int starts = 0;
    ev.worker_start = [&](Server &s, int id) {
        ++starts;
        EXPECT_EQ(id, 0);
        EXPECT_EQ(s.manager_pid(), 0);
    };
    who_am_i(ev);
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    std::string r = ask(srv.port);
    EXPECT_EQ(r, "0 " + std::to_string(srv.pid));  // the one process serves
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerProcess, TlsPortEcho) {
    std::string dir = "/tmp/sw_srv_tls_" + std::to_string(getpid());
    std::string cert = dir + "/cert.pem", key = dir + "/key.pem";
    std::string cmd = "mkdir -p " + dir +
                      " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1"
                      " -subj /CN=localhost -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
    ASSERT_EQ(std::system(cmd.c_str()), 0);
    TlsOptions opt;
    opt.server = true;
    opt.cert_file = cert;
    opt.key_file = key;
    std::string err;
    auto ctx = TlsContext::create(opt, err);
    ASSERT_NE(ctx, nullptr) << err;
    TestEvents ev;
    ev.connect = [](Server &s, Connection &c) { s.send(c.session, "hi:"); };
    ev.receive = [](Server &s, Connection &c, std::string_view d) { s.send(c.session, d); };
    ForkedServer srv;
    ASSERT_TRUE(srv.launch(ev, [&](Server &s) { s.ports()[0]->settings.tls = ctx; }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
    SSL *ssl = SSL_new(cctx);
    SSL_set_fd(ssl, fd);
    ASSERT_EQ(SSL_connect(ssl), 1);
    char buf[64];
    std::string got;
    while (got.size() < 3) {
        int n = SSL_read(ssl, buf, sizeof buf);
        ASSERT_GT(n, 0);
        got.append(buf, n);
    }
    EXPECT_EQ(got, "hi:");
    ASSERT_EQ(SSL_write(ssl, "secure", 6), 6);
    got.clear();
    while (got.size() < 6) {
        int n = SSL_read(ssl, buf, sizeof buf);
        ASSERT_GT(n, 0);
        got.append(buf, n);
    }
    EXPECT_EQ(got, "secure");
    // A peer that speaks no TLS is dropped; the server keeps serving.
    int junk = tcp_client(srv.port);
    ASSERT_GE(junk, 0);
    ASSERT_TRUE(send_all(junk, std::string(64, 'G') + "\r\n\r\n"));
    EXPECT_TRUE(drain_until_closed(junk));
    close(junk);
    ASSERT_EQ(SSL_write(ssl, "again", 5), 5);
    got.clear();
    while (got.size() < 5) {
        int n = SSL_read(ssl, buf, sizeof buf);
        ASSERT_GT(n, 0);
        got.append(buf, n);
    }
    EXPECT_EQ(got, "again");
    SSL_free(ssl);
    SSL_CTX_free(cctx);
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
    std::system(("rm -rf " + dir).c_str());
}

}  // namespace
