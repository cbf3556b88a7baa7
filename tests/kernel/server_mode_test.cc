// kernel/server: PROCESS mode (master with reactor threads, manager, workers
// fed through pipes). Each test runs a server in a forked child and talks to
// it over loopback with blocking sockets whose timeouts are failure guards.
// The server speaks lines ("\n" framing); the commands are in commands().
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <openssl/ssl.h>
#include <signal.h>

#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "server/dispatch.h"
#include "server/pipe_message.h"
#include "server_test_helpers.h"
#include "tls/tls_context.h"

using namespace swoole::kernel;
using namespace swoole::test;

namespace {

struct ForkedProcessServer {
    pid_t pid = -1;
    int port = 0;

    template <class Setup>
    bool launch(TestEvents &events, Setup setup) {
        auto server = std::make_unique<Server>(events.table());
        ListenPort *p = server->add_port(kSockTcp, "127.0.0.1", 0);
        if (!p) return false;
        port = p->port();
        p->settings.framing = true;
        p->settings.framing_options.open_eof_split = true;
        p->settings.framing_options.package_eof = "\n";
        server->settings.mode = ServerMode::process;
        server->settings.worker_num = 2;
        server->settings.reactor_num = 2;
        setup(*server);
        pid = fork();
        if (pid == 0) {
            int rc = server->start();
            _exit(rc == 0 ? 0 : 10);
        }
        return pid > 0;
    }
    int stop() {
        if (pid <= 0) return -1;
        kill(pid, SIGTERM);
        return wait();
    }
    int wait() {
        int status = 0;
        for (int i = 0; i < 2000; ++i) {  // 20 s guard
            if (waitpid(pid, &status, WNOHANG) == pid) {
                pid = -1;
                return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
            }
            usleep(10000);
        }
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
        pid = -1;
        return -1;
    }
    ~ForkedProcessServer() {
        if (pid > 0) {
            kill(pid, SIGKILL);
            waitpid(pid, nullptr, 0);
        }
    }
};

std::string read_line(int fd) {
    std::string line;
    char ch;
    while (recv(fd, &ch, 1, 0) == 1) {
        if (ch == '\n') return line;
        line.push_back(ch);
    }
    return line.empty() ? "<eof>" : line;
}

std::string ask(int fd, const std::string &cmd) {
    if (!send_all(fd, cmd + "\n")) return "<send failed>";
    return read_line(fd);
}

std::vector<std::string> words(const std::string &s) {
    std::istringstream in(s);
    std::vector<std::string> out;
    std::string w;
    while (in >> w) out.push_back(w);
    return out;
}

// Per worker process state of the command server.
SessionId g_observer = 0;

void reply(Server &s, SessionId id, const std::string &text) { s.send(id, text + "\n"); }

// The commands of the test server (one line each):
//   who            "<worker id> <pid> <session> <reactor id>"
//   bind N         bind_uid(N)
//   block          "started", then the worker is busy 600 ms
//   hold           a coroutine sleeping 2 s (the worker's coroutine count rises)
//   pause          pause(self) twice: "<r1> <r2>"
//   resume N       resume(N): "<r> <error>"
//   observe        on_close events are reported to this connection
//   close          close(self) twice; the second result and error go to the observer
//   check N        "<exist> <close r> <close err> <send r> <send err>"
//   list           client_list(0, 100)
//   info           client_info(self): "<reactor_id> <worker_id> <remote_port> <server_port>"
//   slow           "A" now, "B" 300 ms later
void commands(TestEvents &ev) {
    ev.receive = [](Server &s, Connection &c, std::string_view d) {
        std::string line(d.substr(0, d.size() - 1));
        auto w = words(line);
        if (w.empty()) return;
        const std::string &cmd = w[0];
        if (cmd == "who") {
            reply(s, c.session, std::to_string(s.worker_id()) + " " + std::to_string(getpid()) + " " +
                                    std::to_string(c.session) + " " + std::to_string(c.reactor_id));
        } else if (cmd == "whod") {  // "who", answered after the callback returned (the worker is idle again)
            static SessionId asker;
            asker = c.session;
            s.reactor()->defer([](void *arg) {
                auto *srv = static_cast<Server *>(arg);
                reply(*srv, asker, std::to_string(srv->worker_id()));
            }, &s);
        } else if (cmd == "bind") {
            reply(s, c.session, s.bind_uid(c.session, static_cast<uint32_t>(std::stoul(w[1]))) ? "1" : "0");
        } else if (cmd == "block") {
            reply(s, c.session, "started " + std::to_string(s.worker_id()));
            usleep(600 * 1000);
        } else if (cmd == "hold") {
            Coroutine::create([](void *) { Coroutine::sleep(2); }, nullptr);
            // Answered next turn: the count this worker publishes at the end
            // of a turn is already 1 when the client goes on.
            static SessionId holder;
            holder = c.session;
            s.reactor()->defer([](void *arg) {
                auto *srv = static_cast<Server *>(arg);
                reply(*srv, holder, std::to_string(srv->worker_id()));
            }, &s);
        } else if (cmd == "pause") {
            bool r1 = s.pause(c.session);
            bool r2 = s.pause(c.session);
            reply(s, c.session, std::to_string(r1) + " " + std::to_string(r2));
        } else if (cmd == "resume") {
            bool r = s.resume(std::stoll(w[1]));
            reply(s, c.session, std::to_string(r) + " " + std::to_string(r ? 0 : last_error()));
        } else if (cmd == "observe") {
            g_observer = c.session;
            reply(s, c.session, "ok");
        } else if (cmd == "close") {
            bool r1 = s.close(c.session);
            bool r2 = s.close(c.session);
            int e2 = last_error();
            if (g_observer) reply(s, g_observer, "close " + std::to_string(r1) + " " + std::to_string(r2) + " " + std::to_string(e2));
        } else if (cmd == "check") {
            SessionId id = std::stoll(w[1]);
            bool ex = s.exist(id);
            bool cr = s.close(id);
            int ce = cr ? 0 : last_error();
            bool sr = s.send(id, "x");
            int se = sr ? 0 : last_error();
            reply(s, c.session, std::to_string(ex) + " " + std::to_string(cr) + " " + std::to_string(ce) + " " +
                                    std::to_string(sr) + " " + std::to_string(se));
        } else if (cmd == "list") {
            std::vector<SessionId> ids;
            s.client_list(0, 100, ids);
            std::string out;
            for (SessionId id : ids) out += std::to_string(id) + " ";
            reply(s, c.session, out);
        } else if (cmd == "info") {
            ClientInfo info{};
            if (!s.client_info(c.session, info)) {
                reply(s, c.session, "none");
            } else {
                reply(s, c.session, std::to_string(info.reactor_id) + " " + std::to_string(info.worker_id) + " " +
                                        std::to_string(info.remote_port) + " " + std::to_string(info.server_port));
            }
        } else if (cmd == "slow") {
            reply(s, c.session, "A");
            static SessionId pending;
            pending = c.session;
            s.reactor()->after(300, [](TimerId, void *arg) {
                auto *srv = static_cast<Server *>(arg);
                reply(*srv, pending, "B");
            }, &s);
        } else {
            reply(s, c.session, "? " + line);
        }
    };
    ev.close = [](Server &s, Connection &c, int reactor_id) {
        if (!g_observer || c.session == g_observer) return;
        ClientInfo info{};
        bool info_ok = s.client_info(c.session, info);
        bool again = s.close(c.session);
        int err = last_error();
        reply(s, g_observer, "closed " + std::to_string(c.session) + " " + std::to_string(reactor_id) + " " +
                                 std::to_string(info_ok) + " " + std::to_string(again) + " " + std::to_string(err));
    };
}

// "<worker> <pid> <session> <reactor>" of a "who" answer.
struct Who {
    int worker = -1;
    pid_t pid = 0;
    long long session = 0;
    int reactor = -1;
};
Who who(int fd) {
    Who r;
    auto w = words(ask(fd, "who"));
    if (w.size() == 4) {
        r.worker = std::stoi(w[0]);
        r.pid = std::stoi(w[1]);
        r.session = std::stoll(w[2]);
        r.reactor = std::stoi(w[3]);
    }
    return r;
}

}  // namespace

TEST(ServerMode, EchoOneWorker) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 1;
        s.settings.reactor_num = 4;  // capped at worker_num
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    Who a = who(fd);
    EXPECT_EQ(a.worker, 0);
    EXPECT_NE(a.pid, srv.pid);  // a worker, not the master
    EXPECT_GT(a.pid, 0);
    EXPECT_EQ(a.reactor, 0);
    EXPECT_EQ(ask(fd, "hello"), "? hello");
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, EchoTwoWorkersSessionModulo) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    std::set<int> workers;
    std::set<pid_t> pids;
    for (int i = 0; i < 6; ++i) {
        int fd = tcp_client(srv.port);
        ASSERT_GE(fd, 0);
        Who a = who(fd);
        ASSERT_GT(a.session, 0);
        EXPECT_EQ(a.worker, a.session % 2) << "dispatch_mode 2: session % worker_num";
        EXPECT_EQ(a.reactor, -1 == a.reactor ? 0 : a.reactor);
        EXPECT_GE(a.reactor, 0);
        EXPECT_LT(a.reactor, 2);
        Who b = who(fd);  // same connection, same worker
        EXPECT_EQ(b.worker, a.worker);
        EXPECT_EQ(b.pid, a.pid);
        workers.insert(a.worker);
        pids.insert(a.pid);
        close(fd);
    }
    EXPECT_EQ(workers.size(), 2u);
    EXPECT_EQ(pids.size(), 2u);
    EXPECT_EQ(pids.count(srv.pid), 0u);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, RoundRobinAlternates) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.dispatch_mode = 1;
        s.settings.reactor_num = 1;
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    int prev = who(fd).worker;
    ASSERT_GE(prev, 0);
    for (int i = 0; i < 6; ++i) {
        int w = who(fd).worker;
        EXPECT_EQ(w, 1 - prev) << "packet " << i;
        prev = w;
    }
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, RoundRobinDropsConnectionEventsUnlessUnsafe) {
    for (bool unsafe : {false, true}) {
        TestEvents ev;
        commands(ev);
        ev.connect = [](Server &s, Connection &c) { reply(s, c.session, "welcome"); };
        ForkedProcessServer srv;
        ASSERT_TRUE(srv.launch(ev, [unsafe](Server &s) {
            s.settings.dispatch_mode = 1;
            s.settings.enable_unsafe_event = unsafe;
        }));
        int fd = tcp_client(srv.port);
        ASSERT_GE(fd, 0);
        if (unsafe) {
            EXPECT_EQ(read_line(fd), "welcome");
        }
        // Without unsafe events the first line is the answer itself.
        EXPECT_EQ(ask(fd, "x"), "? x");
        close(fd);
        EXPECT_EQ(srv.stop(), 0);
    }
}

// Modes 3 (idle worker) and 7 (stream): a busy worker gets nothing.
void busy_worker_is_skipped(int mode) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [mode](Server &s) {
        s.settings.dispatch_mode = mode;
        s.settings.reactor_num = 1;
    }));
    int a = tcp_client(srv.port);
    int b = tcp_client(srv.port);
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    auto started = words(ask(a, "block"));
    ASSERT_EQ(started.size(), 2u);
    int busy = std::stoi(started[1]);
    for (int i = 0; i < 4; ++i) EXPECT_EQ(ask(b, "whod"), std::to_string(1 - busy)) << "mode " << mode << " request " << i;
    close(a);
    close(b);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, IdleWorkerMode) { busy_worker_is_skipped(3); }
TEST(ServerMode, StreamMode) { busy_worker_is_skipped(7); }

TEST(ServerMode, IpModulo) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.dispatch_mode = 4;
        s.settings.worker_num = 3;
        s.settings.reactor_num = 2;
    }));
    uint32_t key = inet_addr("127.0.0.1");
    for (int i = 0; i < 4; ++i) {
        int fd = tcp_client(srv.port);
        ASSERT_GE(fd, 0);
        EXPECT_EQ(who(fd).worker, static_cast<int>(key % 3));
        close(fd);
    }
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, UidModuloAfterBind) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) { s.settings.dispatch_mode = 5; }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    Who a = who(fd);
    EXPECT_EQ(a.worker, a.session % 2);
    uint32_t uid = a.session % 2 == 0 ? 7 : 8;  // a uid that maps to the other worker
    EXPECT_EQ(ask(fd, "bind " + std::to_string(uid)), "1");
    EXPECT_EQ(ask(fd, "bind 9"), "0");  // bound once
    for (int i = 0; i < 3; ++i) EXPECT_EQ(who(fd).worker, static_cast<int>(uid % 2));
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, FewestCoroutinesPerConnectionAndPerRequest) {
    for (int mode : {8, 9}) {
        TestEvents ev;
        commands(ev);
        ForkedProcessServer srv;
        ASSERT_TRUE(srv.launch(ev, [mode](Server &s) {
            s.settings.dispatch_mode = mode;
            s.settings.reactor_num = 1;
        }));
        int a = tcp_client(srv.port);
        ASSERT_GE(a, 0);
        int holder = std::stoi(ask(a, "hold"));  // that worker now has a live coroutine
        ASSERT_GE(holder, 0);
        int b = tcp_client(srv.port);
        ASSERT_GE(b, 0);
        Who first = who(b);
        EXPECT_EQ(first.worker, 1 - holder) << "mode " << mode;
        for (int i = 0; i < 3; ++i) {
            Who n = who(b);
            EXPECT_EQ(n.worker, 1 - holder) << "mode " << mode << " request " << i << " pid " << n.pid << " first pid "
                                            << first.pid;
        }
        if (mode == 8) {
            auto info = words(ask(b, "info"));
            ASSERT_EQ(info.size(), 4u);
            EXPECT_EQ(std::stoi(info[1]), 1 - holder);  // client_info's worker_id: the pinned worker
            // a was pinned before: it stays with its worker.
            EXPECT_EQ(who(a).worker, holder);
        }
        close(a);
        close(b);
        EXPECT_EQ(srv.stop(), 0);
    }
}

namespace {
int g_func_calls = 0;
int dispatch_next(void *, Server &s, int64_t session, int event, std::string_view data) {
    ++g_func_calls;
    if (event == kDispatchData && data.substr(0, 4) == "drop") return kDispatchDiscard;
    if (event == kDispatchData && data.substr(0, 4) == "kill") return kDispatchCloseConnection;
    if (event == kDispatchData && data.substr(0, 4) == "fall") return kDispatchFallback;
    return static_cast<int>((session + 1) % s.settings.worker_num);
}
}  // namespace

TEST(ServerMode, DispatchFunc) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.dispatch_func = dispatch_next;
        s.settings.dispatch_mode = 2;
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    Who a = who(fd);
    EXPECT_EQ(a.worker, (a.session + 1) % 2);
    EXPECT_EQ(ask(fd, "fall back"), "? fall back");
    // Dropped: the next answer is the one to the following line.
    ASSERT_TRUE(send_all(fd, "drop me\n"));
    EXPECT_EQ(ask(fd, "after"), "? after");
    ASSERT_TRUE(send_all(fd, "kill\n"));
    EXPECT_TRUE(peer_closed(fd));
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, PacketLargerThanThePipeRecord) {
    TestEvents ev;
    ev.receive = [](Server &s, Connection &c, std::string_view d) {
        // Echo with the last byte turned into a checksum of the body.
        unsigned sum = 0;
        for (char ch : d) sum = sum * 31 + static_cast<unsigned char>(ch);
        std::string out(d);
        out += std::to_string(sum) + "\n";
        s.send(c.session, out);
    };
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        ListenPort &p = *s.ports()[0];
        p.settings.framing_options = FramingOptions{};
        p.settings.framing_options.open_length_check = true;
        p.settings.framing_options.package_length_type = 'N';
        p.settings.framing_options.package_body_offset = 4;
        p.settings.framing_options.package_max_length = 8 * 1024 * 1024;
        p.settings.socket_buffer_size = 16 * 1024 * 1024;
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    for (size_t body : {size_t{100}, kMaxRecordPayload - 4, kMaxRecordPayload * 3 + 17, size_t{3} * 1024 * 1024}) {
        std::string pkt(4 + body, '\0');
        uint32_t be = htonl(static_cast<uint32_t>(body));
        std::memcpy(pkt.data(), &be, 4);
        for (size_t i = 0; i < body; ++i) pkt[4 + i] = static_cast<char>('a' + (i * 7 + i / 1000) % 26);
        unsigned sum = 0;
        for (char ch : pkt) sum = sum * 31 + static_cast<unsigned char>(ch);
        ASSERT_TRUE(send_all(fd, pkt));
        std::string back = recv_n(fd, pkt.size());
        ASSERT_EQ(back.size(), pkt.size()) << body;
        EXPECT_TRUE(back == pkt) << body;
        EXPECT_EQ(read_line(fd), std::to_string(sum)) << body;
    }
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, ConnectionSurvivesAWorkerKill) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    Who a = who(fd);
    ASSERT_GT(a.pid, 0);
    ASSERT_EQ(kill(a.pid, SIGKILL), 0);
    // The manager forks a replacement with the same id; the connection lives
    // in the master, so the same socket is served by the new worker.
    Who b;
    for (int i = 0; i < 500 && b.pid <= 0; ++i) b = who(fd);
    EXPECT_EQ(b.worker, a.worker);
    EXPECT_EQ(b.session, a.session);
    EXPECT_NE(b.pid, a.pid);
    EXPECT_GT(b.pid, 0);
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, ReloadKeepsConnections) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    Who a = who(fd);
    ASSERT_EQ(kill(srv.pid, SIGUSR1), 0);  // to the master, forwarded to the manager
    Who b = a;
    for (int i = 0; i < 500 && b.pid == a.pid; ++i) {
        b = who(fd);
        if (b.pid == a.pid) usleep(10000);
    }
    EXPECT_EQ(b.session, a.session);
    EXPECT_EQ(b.worker, a.worker);
    EXPECT_NE(b.pid, a.pid);
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, PauseResumeFromAWorker) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    int a = tcp_client(srv.port);
    int b = tcp_client(srv.port);
    ASSERT_GE(a, 0);
    ASSERT_GE(b, 0);
    Who wa = who(a);
    // PROCESS mode: the request is forwarded, so pausing twice is true twice;
    // resuming a running connection is true too.
    EXPECT_EQ(ask(b, "resume " + std::to_string(wa.session)), "1 0");
    EXPECT_EQ(ask(a, "pause"), "1 1");
    ASSERT_TRUE(send_all(a, "who\n"));
    pollfd p{a, POLLIN, 0};
    EXPECT_EQ(poll(&p, 1, 300), 0) << "a paused connection is not read";
    EXPECT_EQ(ask(b, "resume " + std::to_string(wa.session)), "1 0");
    auto w = words(read_line(a));
    ASSERT_EQ(w.size(), 4u);
    EXPECT_EQ(std::stoll(w[2]), wa.session);
    EXPECT_EQ(ask(b, "resume 999999"), "0 " + std::to_string(SW_ERROR_SESSION_NOT_EXIST));
    EXPECT_EQ(ask(b, "resume 0"), "0 " + std::to_string(SW_ERROR_SESSION_INVALID_ID));
    close(a);
    close(b);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, CloseFromAWorkerAndTheReactorIdRule) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) { s.settings.worker_num = 1; }));
    int obs = tcp_client(srv.port);
    ASSERT_GE(obs, 0);
    EXPECT_EQ(ask(obs, "observe"), "ok");
    // Closed by the server: on_close gets -1; close() again before it completed: 1003.
    int a = tcp_client(srv.port);
    ASSERT_GE(a, 0);
    Who wa = who(a);
    ASSERT_TRUE(send_all(a, "close\n"));
    EXPECT_EQ(read_line(obs), "close 1 0 " + std::to_string(SW_ERROR_SESSION_CLOSING));
    // In on_close: client_info works, close() is 1003.
    EXPECT_EQ(read_line(obs), "closed " + std::to_string(wa.session) + " -1 1 0 " + std::to_string(SW_ERROR_SESSION_CLOSING));
    EXPECT_TRUE(peer_closed(a));
    close(a);
    // Once the close completed (the master got the worker's confirm, which
    // races with this request: asked again until then) the session is gone:
    // 1005 for close and send. Before that it is closing: 1003.
    std::string closing = "0 0 " + std::to_string(SW_ERROR_SESSION_CLOSING) + " 0 " + std::to_string(SW_ERROR_SESSION_CLOSING);
    std::string check = closing;
    for (int i = 0; i < 200 && check == closing; ++i) {
        check = ask(obs, "check " + std::to_string(wa.session));
        if (check == closing) usleep(5000);
    }
    EXPECT_EQ(check, "0 0 " + std::to_string(SW_ERROR_SESSION_NOT_EXIST) + " 0 " + std::to_string(SW_ERROR_SESSION_NOT_EXIST));
    // Closed by the peer: the reactor thread's id (>= 0).
    int b = tcp_client(srv.port);
    ASSERT_GE(b, 0);
    Who wb = who(b);
    close(b);
    auto w = words(read_line(obs));
    ASSERT_EQ(w.size(), 6u);
    EXPECT_EQ(w[0], "closed");
    EXPECT_EQ(std::stoll(w[1]), wb.session);
    EXPECT_EQ(std::stoi(w[2]), wb.reactor);
    EXPECT_GE(wb.reactor, 0);
    EXPECT_EQ(w[3], "1");
    close(obs);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, SessionTableSeenFromEveryWorker) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    int fds[4];
    std::set<long long> sessions;
    std::set<int> workers;
    for (int &fd : fds) {
        fd = tcp_client(srv.port);
        ASSERT_GE(fd, 0);
        Who w = who(fd);
        sessions.insert(w.session);
        workers.insert(w.worker);
    }
    EXPECT_EQ(workers.size(), 2u);
    for (int fd : fds) {
        std::set<long long> listed;
        for (auto &s : words(ask(fd, "list"))) listed.insert(std::stoll(s));
        EXPECT_EQ(listed, sessions);
    }
    auto info = words(ask(fds[0], "info"));
    ASSERT_EQ(info.size(), 4u);
    EXPECT_EQ(std::stoi(info[3]), srv.port);
    for (int fd : fds) close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, AThousandConnections) {
    TestEvents ev;
    ev.receive = [](Server &s, Connection &c, std::string_view d) { s.send(c.session, d); };
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    constexpr int kConns = 1000;
    std::vector<int> fds;
    for (int i = 0; i < kConns; ++i) {
        int fd = tcp_client(srv.port);
        ASSERT_GE(fd, 0) << i;
        fds.push_back(fd);
    }
    for (int i = 0; i < kConns; ++i) ASSERT_TRUE(send_all(fds[i], "m" + std::to_string(i) + "\n"));
    for (int i = 0; i < kConns; ++i) EXPECT_EQ(read_line(fds[i]), "m" + std::to_string(i));
    for (int fd : fds) close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, SigtermDrainsInFlightReplies) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &) {}));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    EXPECT_EQ(ask(fd, "slow"), "A");
    kill(srv.pid, SIGTERM);
    EXPECT_EQ(read_line(fd), "B");  // the worker finishes its timer; the master still carries the reply
    EXPECT_TRUE(peer_closed(fd));
    close(fd);
    EXPECT_EQ(srv.wait(), 0);
    EXPECT_LT(tcp_client(srv.port), 0);  // the port is closed
}

TEST(ServerMode, DatagramsGoThroughTheWorkers) {
    TestEvents ev;
    ev.packet = [](Server &s, std::string_view d, const PacketInfo &info) {
        std::string out = std::string(d) + " " + std::to_string(s.worker_id()) + " " + std::to_string(getpid()) + " " +
                          std::to_string(info.port->port());
        s.sendto(*info.address, out, info.port);
    };
    ForkedProcessServer srv;
    int udp_port = 0;
    ASSERT_TRUE(srv.launch(ev, [&udp_port](Server &s) {
        ListenPort *u = s.add_port(kSockUdp, "127.0.0.1", 0);
        ASSERT_NE(u, nullptr);
        udp_port = u->port();
    }));
    ASSERT_GT(udp_port, 0);
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    set_timeout(fd, 5000);
    SocketAddress to;
    to.assign(AF_INET, "127.0.0.1", udp_port);
    std::set<std::string> workers;
    for (int i = 0; i < 3; ++i) {
        std::string msg = "ping" + std::to_string(i);
        ASSERT_EQ(sendto(fd, msg.data(), msg.size(), 0, to.sa(), to.length), static_cast<ssize_t>(msg.size()));
        char buf[256];
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        ASSERT_GT(n, 0);
        auto w = words(std::string(buf, static_cast<size_t>(n)));
        ASSERT_EQ(w.size(), 4u);
        EXPECT_EQ(w[0], msg);
        // dispatch_mode 2 hashes the sender's address for datagrams.
        EXPECT_EQ(std::stoi(w[1]), static_cast<int>(inet_addr("127.0.0.1") % 2));
        EXPECT_NE(std::stoi(w[2]), srv.pid);
        EXPECT_EQ(std::stoi(w[3]), udp_port);
    }
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, HeartbeatClosesIdleConnectionsInTheMaster) {
    TestEvents ev;
    commands(ev);
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 1;
        s.ports()[0]->settings.heartbeat_idle_time = 1;
    }));
    int obs = tcp_client(srv.port);
    ASSERT_GE(obs, 0);
    EXPECT_EQ(ask(obs, "observe"), "ok");
    int idle = tcp_client(srv.port);
    ASSERT_GE(idle, 0);
    Who w = who(idle);
    // The observer keeps talking; the idle one is closed by the reactor thread
    // (on_close gets its id, not -1) within about 2 s.
    std::string line;
    for (int i = 0; i < 40; ++i) {
        line = ask(obs, "x");
        if (line != "? x") break;
        pollfd p{obs, POLLIN, 0};
        poll(&p, 1, 100);  // paces the loop (returns early when the close report comes)
    }
    auto f = words(line);
    ASSERT_EQ(f.size(), 6u) << line;
    EXPECT_EQ(f[0], "closed");
    EXPECT_EQ(std::stoll(f[1]), w.session);
    EXPECT_EQ(std::stoi(f[2]), w.reactor);
    EXPECT_TRUE(peer_closed(idle));
    close(idle);
    close(obs);
    EXPECT_EQ(srv.stop(), 0);
}

namespace {
int g_report_fd = -1;
// A line from a pipe (recv() is for sockets), with a 5 s guard.
std::string pipe_line(int fd) {
    std::string line;
    char ch;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, 5000) != 1 || ::read(fd, &ch, 1) != 1) return line.empty() ? "<eof>" : line;
        if (ch == '\n') return line;
        line.push_back(ch);
    }
}

void report(const std::string &line) {
    std::string l = line + "\n";
    (void)!::write(g_report_fd, l.data(), l.size());
}
}  // namespace

TEST(ServerMode, WhichCallbackRunsWhere) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    g_report_fd = fds[1];
    TestEvents ev;
    commands(ev);
    ev.worker_start = [](Server &s, int id) {
        report("worker " + std::to_string(id) + " " + std::to_string(getpid()) + " " + std::to_string(s.master_pid()) +
               " " + std::to_string(s.manager_pid()));
    };
    ServerEvents table = ev.table();
    table.on_start = [](void *, Server &s) {
        report("start " + std::to_string(getpid()) + " " + std::to_string(s.worker_id()) + " " +
               std::to_string(s.manager_pid() > 0));
    };
    table.on_manager_start = [](void *, Server &) { report("manager " + std::to_string(getpid())); };
    table.on_shutdown = [](void *, Server &) { report("shutdown " + std::to_string(getpid())); };
    auto server = std::make_unique<Server>(table);
    ListenPort *p = server->add_port(kSockTcp, "127.0.0.1", 0);
    ASSERT_NE(p, nullptr);
    server->settings.mode = ServerMode::process;
    server->settings.worker_num = 2;
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        _exit(server->start() == 0 ? 0 : 10);
    }
    close(fds[1]);
    std::map<std::string, std::vector<std::string>> seen;
    pid_t manager = 0;
    std::set<pid_t> worker_pids;
    for (int i = 0; i < 4; ++i) {  // start, manager, 2 workers in any order
        auto w = words(pipe_line(fds[0]));
        ASSERT_FALSE(w.empty());
        if (w[0] == "start") {
            EXPECT_EQ(std::stoi(w[1]), pid);  // the master's main thread
            EXPECT_EQ(w[2], "-1");
            EXPECT_EQ(w[3], "1");
        } else if (w[0] == "manager") {
            manager = std::stoi(w[1]);
            EXPECT_NE(manager, pid);
        } else if (w[0] == "worker") {
            ASSERT_EQ(w.size(), 5u);
            worker_pids.insert(std::stoi(w[2]));
            EXPECT_EQ(std::stoi(w[3]), pid);  // master_pid
            EXPECT_NE(std::stoi(w[4]), pid);  // manager_pid: the forked manager
            EXPECT_NE(std::stoi(w[4]), 0);
        }
        seen[w[0]].push_back(w[0]);
    }
    EXPECT_EQ(seen["start"].size(), 1u);
    EXPECT_EQ(seen["manager"].size(), 1u);
    EXPECT_EQ(seen["worker"].size(), 2u);
    EXPECT_EQ(worker_pids.size(), 2u);
    EXPECT_EQ(worker_pids.count(pid), 0u);
    kill(pid, SIGTERM);
    auto w = words(pipe_line(fds[0]));
    ASSERT_EQ(w.size(), 2u);
    EXPECT_EQ(w[0], "shutdown");
    EXPECT_EQ(std::stoi(w[1]), pid);
    int status = 0;
    EXPECT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(fds[0]);
}

TEST(ServerMode, TlsHandshakeInTheReactorThread) {
    std::string dir = "/tmp/sw_srvmode_tls_" + std::to_string(getpid());
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
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [&](Server &s) {
        s.ports()[0]->settings.framing = false;
        s.ports()[0]->settings.tls = ctx;
    }));
    int fd = tcp_client(srv.port);
    ASSERT_GE(fd, 0);
    SSL_CTX *cctx = SSL_CTX_new(TLS_client_method());
    SSL *ssl = SSL_new(cctx);
    SSL_set_fd(ssl, fd);
    ASSERT_EQ(SSL_connect(ssl), 1);
    auto read_n = [&](size_t n) {
        std::string got;
        char buf[4096];
        while (got.size() < n) {
            int r = SSL_read(ssl, buf, sizeof buf);
            if (r <= 0) break;
            got.append(buf, static_cast<size_t>(r));
        }
        return got;
    };
    EXPECT_EQ(read_n(3), "hi:");
    std::string big(200000, 'z');  // several TLS records and pipe chunks each way
    ASSERT_EQ(SSL_write(ssl, big.data(), static_cast<int>(big.size())), static_cast<int>(big.size()));
    EXPECT_TRUE(read_n(big.size()) == big);
    SSL_free(ssl);
    SSL_CTX_free(cctx);
    close(fd);
    EXPECT_EQ(srv.stop(), 0);
    std::system(("rm -rf " + dir).c_str());
}

TEST(ServerMode, BufferFullAndEmptyReachTheWorker) {
    TestEvents ev;
    commands(ev);
    auto inner = ev.receive;
    ev.receive = [inner](Server &s, Connection &c, std::string_view d) {
        if (d == "flood\n") {
            std::string chunk(64 * 1024, 'f');
            for (int i = 0; i < 128; ++i) s.send(c.session, chunk);  // 8 MiB
            return;
        }
        inner(s, c, d);
    };
    ev.buffer_full = [](Server &s, Connection &c) { reply(s, g_observer, "full " + std::to_string(c.session)); };
    ev.buffer_empty = [](Server &s, Connection &c) { reply(s, g_observer, "empty " + std::to_string(c.session)); };
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 1;
        s.ports()[0]->settings.socket_buffer_size = 32 * 1024 * 1024;
        s.ports()[0]->settings.buffer_high_watermark = 1024 * 1024;
    }));
    int obs = tcp_client(srv.port);
    ASSERT_GE(obs, 0);
    EXPECT_EQ(ask(obs, "observe"), "ok");
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int small = 64 * 1024;  // a small window: the server's output must queue
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    SocketAddress a;
    a.assign(AF_INET, "127.0.0.1", srv.port);
    ASSERT_EQ(connect(fd, a.sa(), a.length), 0);
    set_timeout(fd, 5000);
    Who w = who(fd);
    ASSERT_TRUE(send_all(fd, "flood\n"));
    EXPECT_EQ(read_line(obs), "full " + std::to_string(w.session));
    std::string all = recv_n(fd, 128 * 64 * 1024);
    EXPECT_EQ(all.size(), 128u * 64 * 1024);
    EXPECT_EQ(read_line(obs), "empty " + std::to_string(w.session));
    close(fd);
    close(obs);
    EXPECT_EQ(srv.stop(), 0);
}

TEST(ServerMode, DelayReceiveUntilResume) {
    TestEvents ev;
    commands(ev);
    // enable_delay_receive: on_connect still fires; the worker resumes 300 ms later.
    ev.connect = [](Server &s, Connection &c) {
        reply(s, c.session, "hello");
        static SessionId delayed;
        delayed = c.session;
        s.reactor()->after(300, [](TimerId, void *arg) { static_cast<Server *>(arg)->resume(delayed); }, &s);
    };
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.enable_delay_receive = true;
        s.settings.worker_num = 1;
    }));
    int a = tcp_client(srv.port);
    ASSERT_GE(a, 0);
    EXPECT_EQ(read_line(a), "hello");
    ASSERT_TRUE(send_all(a, "who\n"));
    pollfd p{a, POLLIN, 0};
    EXPECT_EQ(poll(&p, 1, 100), 0) << "not read before resume()";
    auto w = words(read_line(a));  // after the resume
    EXPECT_EQ(w.size(), 4u);
    close(a);
    EXPECT_EQ(srv.stop(), 0);
}

// A client that stops reading: the worker's send() is bounded by
// socket_buffer_size (1009) instead of the master dropping data, every byte
// accepted before the failure arrives in order, and buffer_full comes before
// buffer_empty. The worker sends one 64 KiB chunk per millisecond, so the
// master's output really fills (the kernel's socket buffers first).
TEST(ServerMode, SlowReaderBoundsWorkerSend) {
    TestEvents ev;
    commands(ev);
    struct Filler {
        SessionId session = 0;
        size_t sent = 0;
        int chunks = 0;
        TimerId timer = 0;
    };
    static Filler filler;
    auto inner = ev.receive;
    ev.receive = [inner](Server &s, Connection &c, std::string_view d) {
        if (d != "fill\n") return inner(s, c, d);
        filler.session = c.session;
        filler.timer = s.reactor()->tick(1, [](TimerId, void *arg) {
            auto *srv = static_cast<Server *>(arg);
            std::string chunk(64 * 1024, static_cast<char>('a' + filler.chunks % 26));
            bool ok = srv->send(filler.session, chunk);
            if (ok) {
                filler.sent += chunk.size();
                ++filler.chunks;
            }
            if (!ok || filler.sent > 256u * 1024 * 1024) {
                srv->reactor()->clear(filler.timer);
                reply(*srv, g_observer, "stopped " + std::to_string(ok ? 0 : last_error()) + " " +
                                            std::to_string(filler.sent));
            }
        }, &s);
    };
    ev.buffer_full = [](Server &s, Connection &c) { reply(s, g_observer, "full " + std::to_string(c.session)); };
    ev.buffer_empty = [](Server &s, Connection &c) { reply(s, g_observer, "empty " + std::to_string(c.session)); };
    ForkedProcessServer srv;
    ASSERT_TRUE(srv.launch(ev, [](Server &s) {
        s.settings.worker_num = 1;
        s.ports()[0]->settings.socket_buffer_size = 1024 * 1024;
        s.ports()[0]->settings.buffer_high_watermark = 512 * 1024;
    }));
    int obs = tcp_client(srv.port);
    ASSERT_GE(obs, 0);
    EXPECT_EQ(ask(obs, "observe"), "ok");
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int small = 64 * 1024;
    setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    SocketAddress a;
    a.assign(AF_INET, "127.0.0.1", srv.port);
    ASSERT_EQ(connect(fd, a.sa(), a.length), 0);
    set_timeout(fd, 10000);
    set_timeout(obs, 10000);
    Who w = who(fd);
    ASSERT_TRUE(send_all(fd, "fill\n"));
    // The worker may see its failing send before the full event: any order.
    std::set<std::string> first{read_line(obs), read_line(obs)};
    std::string full = "full " + std::to_string(w.session);
    ASSERT_EQ(first.count(full), 1u) << *first.begin();
    first.erase(full);
    auto stopped = words(*first.begin());
    ASSERT_EQ(stopped.size(), 3u);
    EXPECT_EQ(stopped[0], "stopped");
    EXPECT_EQ(stopped[1], std::to_string(SW_ERROR_OUTPUT_BUFFER_OVERFLOW));
    size_t sent = std::stoull(stopped[2]);
    EXPECT_GE(sent, 512u * 1024);
    EXPECT_LT(sent, 64u * 1024 * 1024) << "bounded";
    std::string all = recv_n(fd, sent);
    ASSERT_EQ(all.size(), sent);
    size_t bad = 0;
    for (size_t i = 0; i < sent; ++i) {
        if (all[i] != static_cast<char>('a' + (i / (64 * 1024)) % 26)) ++bad;
    }
    EXPECT_EQ(bad, 0u) << "chunks arrive whole and in order";
    pollfd p{fd, POLLIN, 0};
    EXPECT_EQ(poll(&p, 1, 100), 0) << "nothing past what send() accepted";
    EXPECT_EQ(read_line(obs), "empty " + std::to_string(w.session));
    close(fd);
    close(obs);
    EXPECT_EQ(srv.stop(), 0);
}
