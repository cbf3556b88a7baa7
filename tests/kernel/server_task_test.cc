// kernel/server: task IPC (task_ipc.h) between forked processes: round trips
// in the three ipc modes, payloads through temporary files, blocking and
// coroutine waits with timeouts and expired results, pipe messages; and a
// server whose task worker crashes (reported, replaced).
#include <gtest/gtest.h>

#include <dirent.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"
#include "run_coroutines.h"
#include "server/server.h"
#include "server/task_ipc.h"
#include "server/worker_message.h"

using namespace swoole::kernel;

namespace {

// The task worker of these tests: "sleep:<ms>" sleeps first; "big:<n>" replies
// n bytes; "twice" replies two results; otherwise "re:<data>@<task worker id>".
// Pipe messages are answered with "pong:<data>" to their sender.
TaskIpc *g_ipc;

void task_worker_on_task(void *, const TaskInfo &task, std::string_view data) {
    std::string d(data);
    if (d.rfind("sleep:", 0) == 0) usleep(static_cast<useconds_t>(std::stoi(d.substr(6)) * 1000));
    if (d.rfind("big:", 0) == 0) {
        std::string reply(std::stoul(d.substr(4)), 'y');
        g_ipc->finish(task, reply, 0);
        return;
    }
    if (d == "twice") g_ipc->finish(task, "one", 0);
    std::string reply = "re:" + d + "@" + std::to_string(task.task_worker_id) + "/" + std::to_string(task.src_worker_id) +
                        "/" + std::to_string(task.flags);
    g_ipc->finish(task, reply, kTaskSerialize);
}

void task_worker_on_message(void *, int src, uint32_t, double, std::string_view data) {
    g_ipc->send_message(src, "pong:" + std::string(data), 0);
}

pid_t fork_task_worker(TaskIpc &ipc, int id) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    g_ipc = &ipc;
    TaskIpc::Events ev;
    ev.on_task = task_worker_on_task;
    ev.on_pipe_message = task_worker_on_message;
    Reactor reactor;
    if (!ipc.attach(id, &reactor, ev)) _exit(2);
    reactor.run();
    _exit(0);
}

struct Children {
    std::vector<pid_t> pids;
    ~Children() { stop(); }
    void stop() {
        for (pid_t p : pids) kill(p, SIGKILL);
        for (pid_t p : pids) waitpid(p, nullptr, 0);
        pids.clear();
    }
};

// One event worker (id 0, this process) and `tasks` task workers.
struct Fixture {
    TaskIpc ipc;
    Children children;
    std::string tmpdir;
    bool open(int tasks, int mode, int events = 1) {
        char dir[] = "/tmp/swoole-task-test.XXXXXX";
        if (!mkdtemp(dir)) return false;
        tmpdir = dir;
        TaskSettings s;
        s.worker_num = tasks;
        s.ipc_mode = mode;
        s.tmpdir = tmpdir + "/spill";  // created by open()
        if (!ipc.open(events, s)) return false;
        for (int i = 0; i < tasks; ++i) children.pids.push_back(fork_task_worker(ipc, events + i));
        return true;
    }
    ~Fixture() {
        children.stop();
        ipc.detach();
        ipc.close(true);
        std::string spill = tmpdir + "/spill";
        rmdir(spill.c_str());
        rmdir(tmpdir.c_str());
    }
    size_t spill_files() {
        size_t n = 0;
        DIR *d = opendir((tmpdir + "/spill").c_str());
        if (!d) return 0;
        while (dirent *e = readdir(d)) n += e->d_name[0] != '.';
        closedir(d);
        return n;
    }
};

struct Finished {
    std::vector<std::pair<int64_t, std::string>> results;
    std::vector<std::pair<int, std::string>> messages;
    size_t want = 0;
    Reactor *reactor = nullptr;
};

TaskIpc::Events collector(Finished &f) {
    TaskIpc::Events ev;
    ev.ctx = &f;
    ev.on_finish = [](void *ctx, const TaskInfo &t, std::string_view d) {
        auto *f = static_cast<Finished *>(ctx);
        f->results.emplace_back(t.id, std::string(d));
        if (f->results.size() + f->messages.size() >= f->want) f->reactor->stop();
    };
    ev.on_pipe_message = [](void *ctx, int src, uint32_t, double, std::string_view d) {
        auto *f = static_cast<Finished *>(ctx);
        f->messages.emplace_back(src, std::string(d));
        if (f->results.size() + f->messages.size() >= f->want) f->reactor->stop();
    };
    return ev;
}

// Runs the loop until f.want events came (or a 5 s guard).
void run_until(Reactor &r, Finished &f) {
    f.reactor = &r;
    TimerId guard = r.after(5000, [](TimerId, void *arg) { static_cast<Reactor *>(arg)->stop(); }, &r);
    r.run();
    r.clear(guard);
}

}  // namespace

TEST(TaskIpc, RoundTripToOnFinishWithIdsFromZero) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    Reactor r;
    Finished f;
    f.want = 2;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    EXPECT_EQ(fx.ipc.dispatch("a", 0, -1), 0);
    EXPECT_EQ(fx.ipc.dispatch("b", 0, 0), 1);
    run_until(r, f);
    fx.ipc.detach();
    ASSERT_EQ(f.results.size(), 2u);
    EXPECT_EQ(f.results[0], (std::pair<int64_t, std::string>{0, "re:a@1/0/4"}));
    EXPECT_EQ(f.results[1], (std::pair<int64_t, std::string>{1, "re:b@1/0/4"}));
}

TEST(TaskIpc, BadTargetsFail) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    Reactor r;
    Finished f;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    EXPECT_EQ(fx.ipc.dispatch("a", 0, 1), -1);
    EXPECT_EQ(last_error(), SW_ERROR_TASK_DISPATCH_FAIL);
    EXPECT_FALSE(fx.ipc.send_message(0, "self", 0));
    EXPECT_FALSE(fx.ipc.send_message(2, "nobody", 0));
    EXPECT_EQ(check_message_target(0, 0, 1, 1), MessageTarget::self);
    EXPECT_EQ(check_message_target(0, 2, 1, 1), MessageTarget::invalid);
    EXPECT_EQ(check_message_target(0, -1, 1, 1), MessageTarget::invalid);
    EXPECT_EQ(check_message_target(1, 0, 1, 1), MessageTarget::ok);
    TaskInfo noreply;
    noreply.flags = kTaskNoreply;
    noreply.src_worker_id = 0;
    EXPECT_FALSE(fx.ipc.finish(noreply, "x", 0));
    fx.ipc.detach();
}

TEST(TaskIpc, BigPayloadsGoThroughTemporaryFiles) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    Reactor r;
    Finished f;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    std::string big(100000, 'q');
    big += "end";
    TaskIpc::Result res;
    // A big task, a big result.
    ASSERT_TRUE(fx.ipc.wait("big:200000", 0, 5, -1, res));
    EXPECT_EQ(res.data, std::string(200000, 'y'));
    ASSERT_TRUE(fx.ipc.wait(big, 0, 5, -1, res));
    EXPECT_EQ(res.data, "re:" + big + "@1/0/16");
    EXPECT_EQ(res.task_worker_id, 1);
    EXPECT_EQ(fx.spill_files(), 0u);  // every file was read and removed
    fx.ipc.detach();
}

TEST(TaskIpc, TaskwaitTimesOutAndTheLateResultExpires) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    Reactor r;
    Finished f;
    f.want = 1;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    TaskIpc::Result res;
    EXPECT_FALSE(fx.ipc.wait("sleep:300", 0, 0.05, -1, res));
    EXPECT_EQ(last_error(), SW_ERROR_TASK_TIMEOUT);
    EXPECT_FALSE(res.done);
    // The next wait sees the late result first: it is kept aside, and dropped
    // as expired by the loop (never reaching on_finish).
    ASSERT_TRUE(fx.ipc.wait("fast", 0, 5, -1, res));
    EXPECT_EQ(res.data, "re:fast@1/0/16");
    EXPECT_EQ(fx.ipc.dispatch("after", 0, -1), 2);
    run_until(r, f);
    ASSERT_EQ(f.results.size(), 1u);
    EXPECT_EQ(f.results[0].first, 2);
    fx.ipc.detach();
}

TEST(TaskIpc, WaitMultiInCoroutinesKeepsPositionsAndMissesTimeouts) {
    Fixture fx;
    ASSERT_TRUE(fx.open(2, 1));
    Finished f;
    bool ok = false;
    TaskIpc::Result out[3];
    TaskIpc::Result single;
    bool single_ok = false;
    swoole::kernel::test_support::run_coroutines(
        {[&] {
             fx.ipc.attach(0, Reactor::current(), collector(f));
             std::string_view data[3] = {"x", "sleep:400", "z"};
             ok = fx.ipc.wait_multi(data, nullptr, 3, 0.2, out, kTaskCoroutine);
             single_ok = fx.ipc.wait("co", 0, 5, -1, single);
             // The late one expires; give it time to arrive, then stop reading.
             Coroutine::sleep(0.4);
             fx.ipc.detach();
         }},
        10);
    ASSERT_TRUE(ok);
    EXPECT_TRUE(out[0].done);
    EXPECT_FALSE(out[1].done);
    EXPECT_TRUE(out[2].done);
    EXPECT_EQ(out[0].data.substr(0, 5), "re:x@");
    EXPECT_EQ(out[2].data.substr(0, 5), "re:z@");
    EXPECT_TRUE(single_ok);
    EXPECT_EQ(single.data.substr(0, 6), "re:co@");
    EXPECT_TRUE(f.results.empty());
}

TEST(TaskIpc, WaitMultiRejectsTooMany) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    std::vector<std::string_view> data(TaskIpc::kMaxConcurrent + 1, "x");
    std::vector<TaskIpc::Result> out(data.size());
    EXPECT_FALSE(fx.ipc.wait_multi(data.data(), nullptr, data.size(), 1, out.data(), kTaskWaitall));
}

TEST(TaskIpc, SeveralFinishesAndPipeMessages) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1));
    Reactor r;
    Finished f;
    f.want = 3;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    EXPECT_EQ(fx.ipc.dispatch("twice", 0, -1), 0);
    EXPECT_TRUE(fx.ipc.send_message(1, "ping", 0));
    run_until(r, f);
    fx.ipc.detach();
    ASSERT_EQ(f.results.size(), 2u);
    EXPECT_EQ(f.results[0].second, "one");
    EXPECT_EQ(f.results[1].second, "re:twice@1/0/4");
    ASSERT_EQ(f.messages.size(), 1u);
    EXPECT_EQ(f.messages[0], (std::pair<int, std::string>{1, "pong:ping"}));
}

class TaskIpcQueue : public ::testing::TestWithParam<int> {};

TEST_P(TaskIpcQueue, RoundTripsThroughTheMessageQueue) {
    Fixture fx;
    ASSERT_TRUE(fx.open(2, GetParam()));
    Reactor r;
    Finished f;
    f.want = 1;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    TaskIpc::Result res;
    ASSERT_TRUE(fx.ipc.wait("q", 0, 5, 1, res));
    if (GetParam() == 2) {
        EXPECT_EQ(res.data, "re:q@2/0/16");  // targeted: task worker index 1
    } else {
        EXPECT_EQ(res.data.substr(0, 5), "re:q@");
    }
    std::string big(20000, 'b');
    ASSERT_TRUE(fx.ipc.wait(big, 0, 5, 0, res));
    EXPECT_EQ(res.data.size(), big.size() + 10);  // "re:" + data + "@<id>/0/16"
    // A pipe message to a task worker goes through the queue as well.
    EXPECT_TRUE(fx.ipc.send_message(1, "hi", 0));
    run_until(r, f);
    ASSERT_EQ(f.messages.size(), 1u);
    EXPECT_EQ(f.messages[0].second, "pong:hi");
    EXPECT_EQ(fx.spill_files(), 0u);
    fx.ipc.detach();
}

INSTANTIATE_TEST_SUITE_P(Modes, TaskIpcQueue, ::testing::Values(2, 3));

// ---- a whole server: task workers forked by the manager

namespace {

struct Note {
    char what;  // 's' worker start, 'e' worker error, 'f' finish, 'm' pipe message, 'u' user process
    int id;
    int a;
    int b;
};
int g_note_fd = -1;

void note(char what, int id, int a = 0, int b = 0) {
    Note n{what, id, a, b};
    if (write(g_note_fd, &n, sizeof n) != sizeof n) _exit(9);
}

bool read_note(int fd, Note &n, int timeout_ms = 5000) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) != 1) return false;
    return read(fd, &n, sizeof n) == sizeof n;
}

pid_t fork_task_server(int report_fd) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    g_note_fd = report_fd;
    ServerEvents ev;
    ev.on_worker_start = [](void *, Server &s, int id) {
        note('s', id, s.is_task_worker());
        if (id == 0) {
            s.task_ipc().dispatch("hello", 0, -1);
            s.task_ipc().dispatch("crash", 0, -1);
            s.task_ipc().send_message(1, "to-task", 0);
        }
    };
    ev.on_task = [](void *, Server &s, const TaskInfo &t, std::string_view d) {
        if (d == "crash") _exit(5);
        s.task_ipc().finish(t, "re:" + std::string(d), 0);
    };
    ev.on_finish = [](void *, Server &, const TaskInfo &t, std::string_view d) {
        note('f', static_cast<int>(t.id), d == "re:hello", t.task_worker_id);
    };
    ev.on_pipe_message = [](void *, Server &s, int src, uint32_t, double, std::string_view d) {
        note('m', s.worker_id(), src, d == "to-task");
    };
    ev.on_worker_error = [](void *, Server &, int id, pid_t, int code, int signo) { note('e', id, code, signo); };
    ev.on_user_process = [](void *, Server &s, int index) {
        note('u', s.worker_id(), index, s.worker_pid(s.worker_id()) == getpid());
        s.task_ipc().send_message(0, "from-user", 0);
        pause();
    };
    Server server(ev);
    if (!server.add_port(kSockTcp, "127.0.0.1", 0)) _exit(3);
    server.settings.worker_num = 1;
    server.settings.task.worker_num = 1;
    server.add_user_process();
    _exit(server.start() == 0 ? 0 : 4);
}

}  // namespace

TEST(ServerTask, TaskWorkerCrashIsReportedAndReplaced) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t server = fork_task_server(fds[1]);
    int task_starts = 0, event_starts = 0, errors = 0, finishes = 0, to_task = 0, from_user = 0, users = 0;
    Note n;
    while (read_note(fds[0], n)) {
        if (n.what == 's' && n.id == 1) {
            EXPECT_EQ(n.a, 1);
            ++task_starts;
        }
        if (n.what == 's' && n.id == 0) ++event_starts;
        if (n.what == 'e') {
            EXPECT_EQ(n.id, 1);
            EXPECT_EQ(n.a, 5);
            EXPECT_EQ(n.b, 0);
            ++errors;
        }
        if (n.what == 'f') {
            EXPECT_EQ(n.id, 0);
            EXPECT_EQ(n.a, 1);
            EXPECT_EQ(n.b, 1);
            ++finishes;
        }
        if (n.what == 'm' && n.id == 1 && n.a == 0 && n.b == 1) ++to_task;
        if (n.what == 'm' && n.id == 0 && n.a == 2) ++from_user;
        if (n.what == 'u') {
            EXPECT_EQ(n.id, 2);
            EXPECT_EQ(n.a, 0);
            EXPECT_EQ(n.b, 1);
            ++users;
        }
        if (task_starts == 2 && errors == 1 && finishes == 1 && to_task == 1 && from_user == 1) break;
    }
    EXPECT_EQ(event_starts, 1);
    EXPECT_EQ(task_starts, 2);  // the first and its replacement
    EXPECT_EQ(errors, 1);
    EXPECT_EQ(finishes, 1);
    EXPECT_EQ(to_task, 1);
    EXPECT_EQ(from_user, 1);
    EXPECT_EQ(users, 1);
    kill(server, SIGTERM);
    int status = 0;
    for (int i = 0; i < 1000 && waitpid(server, &status, WNOHANG) == 0; ++i) usleep(10000);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
    close(fds[0]);
    close(fds[1]);
}

TEST(TaskIpc, ResultsGoBackToTheWorkerThatSentTheTask) {
    Fixture fx;
    ASSERT_TRUE(fx.open(1, 1, 2));
    // Worker 1 (a child) and worker 0 (this process) both send tasks with id 0;
    // each gets its own result.
    pid_t w1 = fork();
    if (w1 == 0) {
        Reactor r;
        Finished f;
        fx.ipc.attach(1, &r, collector(f));
        TaskIpc::Result res;
        bool ok = fx.ipc.wait("from-1", 0, 5, -1, res) && res.data == "re:from-1@2/1/16";
        _exit(ok ? 0 : 1);
    }
    fx.children.pids.push_back(w1);
    Reactor r;
    Finished f;
    ASSERT_TRUE(fx.ipc.attach(0, &r, collector(f)));
    TaskIpc::Result res;
    ASSERT_TRUE(fx.ipc.wait("from-0", 0, 5, -1, res));
    EXPECT_EQ(res.data, "re:from-0@2/0/16");
    int status = -1;
    EXPECT_EQ(waitpid(w1, &status, 0), w1);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    fx.children.pids.pop_back();
    fx.ipc.detach();
}
