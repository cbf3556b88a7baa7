#include "memory/process_id.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace swoole::kernel {

namespace {

pid_t cached_pid = 0;

void refresh_pid() { cached_pid = getpid(); }

struct PidCache {
    PidCache() {
        refresh_pid();
        pthread_atfork(nullptr, nullptr, refresh_pid);
    }
};

}  // namespace

pid_t current_pid() {
    static PidCache cache;
    return cached_pid;
}

bool process_dead(pid_t pid) {
    if (pid <= 0) return true;
    if (kill(pid, 0) != 0) return errno == ESRCH;
    // A killed child stays a zombie until its parent reaps it; the parent may be
    // the very process waiting for the lock, so a zombie counts as dead.
    char path[64];
    snprintf(path, sizeof(path), "/proc/%d/stat", static_cast<int>(pid));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    char buf[512];
    ssize_t n = read(fd, buf, sizeof(buf) - 1);
    close(fd);
    if (n <= 0) return false;
    buf[n] = '\0';
    const char *paren = strrchr(buf, ')');
    if (!paren || paren[1] == '\0' || paren[2] == '\0') return false;
    char state = paren[2];
    return state == 'Z' || state == 'X';
}

}  // namespace swoole::kernel
