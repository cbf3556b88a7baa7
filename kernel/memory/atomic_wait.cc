#include "memory/atomic_wait.h"

#include <cerrno>

#include "memory/futex.h"

namespace swoole::kernel {

bool atomic_wait(std::atomic<uint32_t> *value, double seconds) {
    const double deadline = seconds > 0 ? monotonic_seconds() + seconds : 0;
    for (;;) {
        uint32_t pending = 1;
        if (value->compare_exchange_strong(pending, 0, std::memory_order_acq_rel)) return true;
        if (pending != 0) return false;
        double left = -1;
        if (deadline != 0) {
            left = deadline - monotonic_seconds();
            if (left <= 0) {
                errno = ETIMEDOUT;
                return false;
            }
        }
        futex_wait(value, 0, left);
    }
}

void atomic_wakeup(std::atomic<uint32_t> *value, int n) {
    uint32_t idle = 0;
    if (value->compare_exchange_strong(idle, 1, std::memory_order_acq_rel)) futex_wake(value, n < 1 ? 1 : n);
}

}  // namespace swoole::kernel
