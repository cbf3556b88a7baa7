// Process-shared futex wait/wake on a 32-bit word in shared memory (no
// FUTEX_PRIVATE_FLAG: waiters and wakers may be different processes).
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

// Sleeps while *word == expected, at most `seconds` (<= 0: no limit).
// Returns 0 when woken (or the value differed), ETIMEDOUT, or EINTR.
int futex_wait(std::atomic<uint32_t> *word, uint32_t expected, double seconds);
// Wakes up to n sleepers; returns how many were woken.
int futex_wake(std::atomic<uint32_t> *word, int n);

// Monotonic seconds, for deadlines of the waits above.
double monotonic_seconds();

}  // namespace swoole::kernel
