// Helpers for kernel tests that fork: run a function in a child process and
// collect its exit status (the child leaves with _exit, skipping gtest's
// own exit handling).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <vector>

namespace swoole::test {

// Forks; the child runs f and exits with its return value.
inline pid_t fork_child(const std::function<int()> &f) {
    pid_t pid = fork();
    if (pid == 0) _exit(f());
    return pid;
}

// Waits for every child; true when all exited with status 0.
inline bool wait_children(const std::vector<pid_t> &pids) {
    bool ok = true;
    for (pid_t pid : pids) {
        int status = 0;
        if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) ok = false;
    }
    return ok;
}

}  // namespace swoole::test
