// kernel/process: ProcessManager. Each test runs the manager in a forked
// "master" so the test process keeps its own signal state; workers report to
// the test through a pipe.
#include <gtest/gtest.h>

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <set>
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
    pid_t pid = fork();
    if (pid != 0) return pid;
    ProcessManager manager(workers);
    ProcessManager::Role role = manager.start();
    if (role.kind == ProcessManager::Role::master) role = manager.run();
    if (role.kind == ProcessManager::Role::worker) {
        Report r{role.worker_id, getpid()};
        if (write(report_fd, &r, sizeof r) != sizeof r) _exit(3);
        if (mode == WorkerMode::exit_at_once) _exit(0);
        if (mode == WorkerMode::detach_then_wait && role.worker_id == 0) {
            static bool detached = false;
            if (!detached) {
                detached = true;
                ProcessManager::request_detach(getppid(), 0);
            }
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
    Report first, second;
    ASSERT_TRUE(read_report(p.fds[0], first));
    ASSERT_TRUE(read_report(p.fds[0], second));  // the replacement
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
