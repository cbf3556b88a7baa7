#include "memory/owner_lock.h"

#include <sched.h>

#include <algorithm>

#include "base/log.h"
#include "memory/cpu_relax.h"
#include "memory/futex.h"
#include "memory/process_id.h"

namespace swoole::kernel {

namespace {

constexpr int kSpins = 128;
// How long a waiter sleeps between checks that the holder is alive.
constexpr double kCheckInterval = 0.1;

}  // namespace

bool OwnerLock::acquire(Wait how, double seconds) {
    for (int i = 0; i < kSpins; ++i) {
        cpu_relax();
        if (word_.load(std::memory_order_relaxed) == 0 && try_lock()) return true;
    }
    return acquire_slow(how, seconds);
}

bool OwnerLock::acquire_slow(Wait how, double seconds) {
    const uint32_t self = static_cast<uint32_t>(current_pid());
    // Once a process slept here others may sleep too: keep the sleepers bit on
    // acquisition so that our unlock wakes the next one.
    const uint32_t mine = how == Wait::sleep ? (self | kSleepers) : self;
    const double start = monotonic_seconds();
    const double deadline = seconds > 0 ? start + seconds : 0;
    double next_check = start + kCheckInterval;
    for (uint64_t round = 0;; ++round) {
        uint32_t cur = word_.load(std::memory_order_relaxed);
        if (cur == 0) {
            if (word_.compare_exchange_weak(cur, mine, std::memory_order_acquire, std::memory_order_relaxed)) return true;
            continue;
        }
        double now = (how == Wait::sleep || (round & 63) == 0) ? monotonic_seconds() : 0;
        if (now != 0 && deadline != 0 && now >= deadline) return false;
        if (now != 0 && now >= next_check) {
            next_check = now + kCheckInterval;
            pid_t holder = static_cast<pid_t>(cur & ~kSleepers);
            if (static_cast<uint32_t>(holder) != self && process_dead(holder)) {
                if (word_.compare_exchange_strong(cur, mine, std::memory_order_acquire, std::memory_order_relaxed)) {
                    SW_WARN("shared lock: holder process %d died, lock taken over by %u", static_cast<int>(holder), self);
                    return true;
                }
                continue;
            }
        }
        if (how == Wait::spin) {
            for (int i = 0; i < kSpins; ++i) cpu_relax();
            sched_yield();
            continue;
        }
        if (!(cur & kSleepers)) {
            if (!word_.compare_exchange_weak(cur, cur | kSleepers, std::memory_order_relaxed)) continue;
            cur |= kSleepers;
        }
        double slice = next_check - now;
        if (deadline != 0) slice = std::min(slice, deadline - now);
        futex_wait(&word_, cur, std::max(slice, 1e-6));
    }
}

void OwnerLock::wake_one() { futex_wake(&word_, 1); }

}  // namespace swoole::kernel
