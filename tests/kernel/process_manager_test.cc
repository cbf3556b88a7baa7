// kernel/process: ProcessManager. Each test runs the manager in a forked
// "master" so the test process keeps its own signal state; workers report to
// the test through a pipe.
#include <gtest/gtest.h>
#include <sys/mman.h>

#include <atomic>
#include <new>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <ctime>
#include <map>
#include <set>
#include <vector>
#include <string>

#include "process/process_manager.h"

using namespace swoole::kernel;

namespace {

struct Report {
    int id;
    pid_t pid;
};

enum class WorkerMode { exit_at_once, wait_for_signal, detach_then_wait };

// The master: runs the manager; its exit status is the number of spawns, capped.
pid_t fork_master(int workers, WorkerMode mode, int report_fd) {
    // Shared by every worker the master forks: only the first one detaches
    // (the replacement must stay managed, or it outlives the test).
    auto *detached = static_cast<std::atomic<bool> *>(
        mmap(nullptr, sizeof(std::atomic<bool>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    new (detached) std::atomic<bool>(false);
    pid_t pid = fork();
    if (pid != 0) return pid;
    ProcessManager manager(workers);
    ProcessManager::Role role = manager.start();
    if (role.kind == ProcessManager::Role::master) role = manager.run();
    if (role.kind == ProcessManager::Role::worker) {
        Report r{role.worker_id, getpid()};
        if (write(report_fd, &r, sizeof r) != sizeof r) _exit(3);
        if (mode == WorkerMode::exit_at_once) _exit(0);
        if (mode == WorkerMode::detach_then_wait && role.worker_id == 0 && !detached->exchange(true)) {
            ProcessManager::request_detach(getppid(), 0);
        }
        for (;;) pause();
    }
    _exit(role.kind == ProcessManager::Role::master ? 0 : 2);
}

bool read_report(int fd, Report &r, int timeout_ms = 5000) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) != 1) return false;
    return read(fd, &r, sizeof r) == sizeof r;
}

int wait_exit(pid_t pid) {
    int status = 0;
    for (int i = 0; i < 500; ++i) {  // 5 s guard
        if (waitpid(pid, &status, WNOHANG) == pid) return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
        usleep(10000);
    }
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    return -1;
}

struct Pipe {
    int fds[2];
    Pipe() { EXPECT_EQ(pipe(fds), 0); }
    ~Pipe() {
        close(fds[0]);
        close(fds[1]);
    }
};

}  // namespace

TEST(ProcessManager, RespawnsExitedWorkersWithTheirIds) {
    Pipe p;
    pid_t master = fork_master(2, WorkerMode::exit_at_once, p.fds[1]);
    std::set<int> ids;
    int starts = 0;
    Report r;
    while (starts < 6 && read_report(p.fds[0], r)) {
        ++starts;
        ids.insert(r.id);
        EXPECT_TRUE(r.id == 0 || r.id == 1);
    }
    EXPECT_EQ(starts, 6);
    EXPECT_EQ(ids.size(), 2u);
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);
}

TEST(ProcessManager, TermStopsWorkersAndReturns) {
    Pipe p;
    pid_t master = fork_master(3, WorkerMode::wait_for_signal, p.fds[1]);
    std::set<pid_t> pids;
    Report r;
    for (int i = 0; i < 3 && read_report(p.fds[0], r); ++i) pids.insert(r.pid);
    ASSERT_EQ(pids.size(), 3u);
    ASSERT_TRUE(ProcessManager::request_shutdown(master));
    EXPECT_EQ(wait_exit(master), 0);
    for (pid_t pid : pids) EXPECT_NE(kill(pid, 0), 0);  // all gone (reaped by the master)
}

TEST(ProcessManager, Usr1ReloadsEveryWorker) {
    Pipe p;
    pid_t master = fork_master(2, WorkerMode::wait_for_signal, p.fds[1]);
    std::set<pid_t> first;
    Report r;
    for (int i = 0; i < 2 && read_report(p.fds[0], r); ++i) first.insert(r.pid);
    ASSERT_EQ(first.size(), 2u);
    kill(master, SIGUSR1);
    std::set<int> reloaded_ids;
    for (int i = 0; i < 2 && read_report(p.fds[0], r); ++i) {
        EXPECT_EQ(first.count(r.pid), 0u);
        reloaded_ids.insert(r.id);
    }
    EXPECT_EQ(reloaded_ids, (std::set<int>{0, 1}));
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);
}

TEST(ProcessManager, DetachedWorkerIsReplacedAndLeftAlone) {
    Pipe p;
    pid_t master = fork_master(1, WorkerMode::detach_then_wait, p.fds[1]);
    Report first{}, second{};
    // The detached worker waits forever: never leave it (or the master)
    // behind when an assertion fails, or it holds the runner's output open.
    struct Reaper {
        pid_t master;
        Report &first, &second;
        ~Reaper() {
            if (first.pid > 0) kill(first.pid, SIGKILL);
            if (second.pid > 0) kill(second.pid, SIGKILL);
            kill(master, SIGKILL);
        }
    } reaper{master, first, second};
    ASSERT_TRUE(read_report(p.fds[0], first, 30000));
    ASSERT_TRUE(read_report(p.fds[0], second, 30000));  // the replacement
    EXPECT_EQ(second.id, 0);
    EXPECT_NE(second.pid, first.pid);
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);
    EXPECT_EQ(kill(first.pid, 0), 0);  // the detached one still runs
    kill(first.pid, SIGKILL);
}

TEST(ProcessManager, RejectsNoWorkers) {
    ProcessManager manager(0);
    EXPECT_EQ(manager.start().kind, ProcessManager::Role::error);
    EXPECT_EQ(manager.run().kind, ProcessManager::Role::error);
}

// ---- groups, exit status, grace, SIGUSR2, shared worker table

namespace {

struct Event {
    char what;  // 's' started, 'x' exit reported, 'b'/'a' reload begin/end
    int id;
    pid_t pid;
    int code;
    int signo;
};

struct GroupOptions {
    int event = 1, task = 1, user = 1;
    int max_wait = 3;
    bool ignore_term = false;  // children ignore SIGTERM (the grace period kills them)
    int exit_code_once = -1;   // worker 0's first incarnation exits with this code
};

pid_t fork_group_master(const GroupOptions &o, int report_fd) {
    pid_t pid = fork();
    if (pid != 0) return pid;
    ProcessManager manager(o.event, o.task, o.user);
    manager.set_max_wait_time(o.max_wait);
    manager.set_usr2_task_only(true);
    static int fd;
    fd = report_fd;
    ProcessManager::Hooks hooks;
    hooks.on_exit = [](void *, const ProcessManager::ExitStatus &st) {
        Event e{'x', st.worker_id, st.pid, st.exit_code, st.signo};
        if (write(fd, &e, sizeof e) != sizeof e) _exit(3);
    };
    hooks.on_reload_begin = [](void *) {
        Event e{'b', -1, 0, 0, 0};
        if (write(fd, &e, sizeof e) != sizeof e) _exit(3);
    };
    hooks.on_reload_end = [](void *) {
        Event e{'a', -1, 0, 0, 0};
        if (write(fd, &e, sizeof e) != sizeof e) _exit(3);
    };
    manager.set_hooks(hooks);
    ProcessManager::Role role = manager.start();
    if (role.kind == ProcessManager::Role::master) role = manager.run();
    if (role.kind == ProcessManager::Role::worker) {
        if (o.ignore_term) signal(SIGTERM, SIG_IGN);
        int id = role.worker_id;
        // The shared table shows this child's own pid and its idle status.
        int code = manager.worker_pid(id) == getpid() && manager.worker_status(id) == ProcessManager::kIdle ? 0 : 99;
        Event e{'s', id, getpid(), code, static_cast<int>(manager.kind_of(id))};
        if (write(report_fd, &e, sizeof e) != sizeof e) _exit(3);
        if (id == 0 && o.exit_code_once >= 0 && manager.spawn_count() == 0) _exit(o.exit_code_once);
        for (;;) pause();
    }
    _exit(role.kind == ProcessManager::Role::master ? 0 : 2);
}

bool read_event(int fd, Event &e, int timeout_ms = 5000) {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, timeout_ms) != 1) return false;
    return read(fd, &e, sizeof e) == sizeof e;
}

// Reads until `count` children started; returns their first start by id
// (anything else, a second start of the same id included, goes to others).
std::map<int, Event> read_starts(int fd, size_t count, std::vector<Event> *others = nullptr) {
    std::map<int, Event> starts;
    Event e;
    while (starts.size() < count && read_event(fd, e)) {
        if (e.what == 's' && starts.count(e.id) == 0) {
            starts[e.id] = e;
        } else if (others) {
            others->push_back(e);
        }
    }
    return starts;
}

// Stops the master when a test returns early (a failed ASSERT).
struct MasterGuard {
    pid_t pid;
    ~MasterGuard() {
        if (pid > 0 && kill(pid, SIGTERM) == 0) wait_exit(pid);
    }
};

}  // namespace

TEST(ProcessManager, GroupsNumberChildrenByKind) {
    ProcessManager m(2, 3, 1);
    EXPECT_EQ(m.worker_num(), 6);
    EXPECT_EQ(m.event_num(), 2);
    EXPECT_EQ(m.task_num(), 3);
    EXPECT_EQ(m.user_num(), 1);
    EXPECT_EQ(m.kind_of(1), ProcessManager::Kind::event);
    EXPECT_EQ(m.kind_of(2), ProcessManager::Kind::task);
    EXPECT_EQ(m.kind_of(4), ProcessManager::Kind::task);
    EXPECT_EQ(m.kind_of(5), ProcessManager::Kind::user);
    EXPECT_EQ(m.worker_status(0), 0);  // never forked
    EXPECT_EQ(m.worker_status(6), -1);
    EXPECT_EQ(m.worker_pid(-1), -1);
    EXPECT_EQ(m.max_wait_time(), 3);
}

TEST(ProcessManager, ExitStatusIsReportedAndChildReplaced) {
    Pipe p;
    GroupOptions o;
    o.exit_code_once = 7;
    pid_t master = fork_group_master(o, p.fds[1]);
    MasterGuard guard{master};
    std::vector<Event> others;
    auto starts = read_starts(p.fds[0], 3, &others);
    ASSERT_EQ(starts.size(), 3u);
    for (auto &[id, e] : starts) EXPECT_EQ(e.code, 0) << "shared table of #" << id;
    EXPECT_EQ(starts[1].signo, static_cast<int>(ProcessManager::Kind::task));
    EXPECT_EQ(starts[2].signo, static_cast<int>(ProcessManager::Kind::user));
    // Worker 0 exits 7 at once: reported, then a new worker 0 starts.
    Event e{};
    bool reported = false, restarted = false;
    for (auto &x : others) {
        reported |= x.what == 'x' && x.id == 0 && x.code == 7 && x.pid == starts[0].pid;
        restarted |= x.what == 's' && x.id == 0 && x.pid != starts[0].pid;
    }
    while ((!reported || !restarted) && read_event(p.fds[0], e)) {
        if (e.what == 'x' && e.id == 0 && e.code == 7 && e.signo == 0) reported = true;
        if (e.what == 's' && e.id == 0 && e.pid != starts[0].pid) restarted = true;
    }
    EXPECT_TRUE(reported);
    EXPECT_TRUE(restarted);
    // A SIGKILL shows as the signal.
    kill(starts[2].pid, SIGKILL);
    bool killed = false;
    while (!killed && read_event(p.fds[0], e)) killed = e.what == 'x' && e.id == 2 && e.signo == SIGKILL;
    EXPECT_TRUE(killed);
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);
    guard.pid = 0;
}

TEST(ProcessManager, Usr2ReloadsTaskWorkersOnlyAndUsr1NeverUserProcesses) {
    Pipe p;
    GroupOptions o;
    o.event = 1;
    o.task = 2;
    o.user = 1;
    pid_t master = fork_group_master(o, p.fds[1]);
    MasterGuard guard{master};
    auto starts = read_starts(p.fds[0], 4);
    ASSERT_EQ(starts.size(), 4u);
    kill(master, SIGUSR2);
    std::vector<Event> others;
    auto again = read_starts(p.fds[0], 2, &others);
    Event e;
    while ((others.empty() || others.back().what != 'a') && read_event(p.fds[0], e)) others.push_back(e);
    EXPECT_EQ(again.size(), 2u);
    EXPECT_EQ(again.count(1), 1u);
    EXPECT_EQ(again.count(2), 1u);
    ASSERT_FALSE(others.empty());
    EXPECT_EQ(others.front().what, 'b');
    EXPECT_EQ(others.back().what, 'a');
    // SIGUSR1: event and task workers, not the user process.
    kill(master, SIGUSR1);
    others.clear();
    auto third = read_starts(p.fds[0], 3, &others);
    EXPECT_EQ(third.size(), 3u);
    EXPECT_EQ(third.count(3), 0u);
    EXPECT_FALSE(read_event(p.fds[0], e, 200) && e.what == 's');
    EXPECT_EQ(kill(starts[3].pid, 0), 0);  // the user process is the first one still
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);
    guard.pid = 0;
}

TEST(ProcessManager, MaxWaitTimeBoundsTheStop) {
    Pipe p;
    GroupOptions o;
    o.task = 0;
    o.user = 0;
    o.max_wait = 1;
    o.ignore_term = true;
    pid_t master = fork_group_master(o, p.fds[1]);
    MasterGuard guard{master};
    auto starts = read_starts(p.fds[0], 1);
    ASSERT_EQ(starts.size(), 1u);
    timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    kill(master, SIGTERM);
    EXPECT_EQ(wait_exit(master), 0);  // within wait_exit's 5 s guard, not the old 10 s
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double took = static_cast<double>(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
    EXPECT_GE(took, 0.9);
    guard.pid = 0;
    EXPECT_NE(kill(starts[0].pid, 0), 0);
}
