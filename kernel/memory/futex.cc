#include "memory/futex.h"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>

namespace swoole::kernel {

static_assert(sizeof(std::atomic<uint32_t>) == sizeof(uint32_t) && std::atomic<uint32_t>::is_always_lock_free);

int futex_wait(std::atomic<uint32_t> *word, uint32_t expected, double seconds) {
    struct timespec ts {};
    struct timespec *timeout = nullptr;
    if (seconds > 0) {
        double whole = std::floor(seconds);
        ts.tv_sec = static_cast<time_t>(whole);
        ts.tv_nsec = static_cast<long>((seconds - whole) * 1e9);
        timeout = &ts;
    }
    long r = syscall(SYS_futex, reinterpret_cast<uint32_t *>(word), FUTEX_WAIT, expected, timeout, nullptr, 0);
    if (r == 0 || errno == EAGAIN) return 0;
    return errno == ETIMEDOUT ? ETIMEDOUT : EINTR;
}

int futex_wake(std::atomic<uint32_t> *word, int n) {
    long r = syscall(SYS_futex, reinterpret_cast<uint32_t *>(word), FUTEX_WAKE, n, nullptr, nullptr, 0);
    return r < 0 ? 0 : static_cast<int>(r);
}

double monotonic_seconds() {
    struct timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace swoole::kernel
