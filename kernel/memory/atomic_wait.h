// The wait/wakeup protocol of Swoole\Atomic on a shared 32-bit counter, across
// processes: the value 1 means "a wakeup is pending", 0 "nothing pending".
// wait() consumes a pending wakeup (1 -> 0) or sleeps on the futex while the
// value is 0; any other value makes it fail at once. wakeup() turns 0 into 1
// and wakes up to n sleepers; it leaves other values untouched.
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

// True when a wakeup was consumed; false on timeout (errno = ETIMEDOUT) or when
// the value is neither 0 nor 1. seconds <= 0: no limit.
bool atomic_wait(std::atomic<uint32_t> *value, double seconds);
void atomic_wakeup(std::atomic<uint32_t> *value, int n);

}  // namespace swoole::kernel
