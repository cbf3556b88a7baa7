#include "memory/process_id.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace swoole::kernel {

namespace detail {

std::atomic<pid_t> cached_pid{0};

namespace {
void refresh_pid() { cached_pid.store(getpid(), std::memory_order_relaxed); }
}  // namespace

pid_t load_pid() {
    static const bool registered = [] {
        pthread_atfork(nullptr, nullptr, refresh_pid);
        return true;
    }();
    (void)registered;
    refresh_pid();
    return cached_pid.load(std::memory_order_relaxed);
}

}  // namespace detail

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
