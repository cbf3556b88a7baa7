// An exclusive lock in shared memory that records its holder: one 32-bit word,
// zero when free, else the holder's pid plus a "someone sleeps" bit. Zeroed
// memory is an unlocked lock, so locks inside a Table need no initialisation.
//
// Waiting spins briefly, then sleeps on the word's futex (or, for the spin
// flavour, yields). A waiter that has waited a while checks whether the holder
// still lives; if it died (or is an unreaped zombie) the waiter takes the lock
// over, so a process killed inside a critical section never blocks the others
// for good. unlock() releases whoever holds it, and is a no-op when free.
// The uncontended paths (one CAS to lock, one exchange to unlock) are inline;
// waiting and waking are out of line.
#pragma once

#include <atomic>
#include <cstdint>

#include "memory/process_id.h"

namespace swoole::kernel {

class OwnerLock {
  public:
    enum class Wait : uint8_t { sleep, spin };

    bool try_lock() {
        uint32_t expected = 0;
        return word_.compare_exchange_strong(expected, static_cast<uint32_t>(current_pid()), std::memory_order_acquire,
                                             std::memory_order_relaxed);
    }
    // Blocks until acquired.
    void lock(Wait how = Wait::sleep) {
        if (!try_lock()) acquire(how, -1);
    }
    // False when not acquired within `seconds` (<= 0: no limit).
    bool lock_for(double seconds, Wait how = Wait::sleep) { return try_lock() || acquire(how, seconds); }
    void unlock() {
        if (word_.exchange(0, std::memory_order_release) & kSleepers) wake_one();
    }

    uint32_t holder() const { return word_.load(std::memory_order_relaxed) & ~kSleepers; }

  private:
    static constexpr uint32_t kSleepers = 1u << 31;
    // The contended paths: spin, then sleep (or yield) until acquired.
    bool acquire(Wait how, double seconds);
    bool acquire_slow(Wait how, double seconds);
    void wake_one();

    std::atomic<uint32_t> word_{0};
};

static_assert(sizeof(OwnerLock) == 4);

// Holds a lock for a scope.
class OwnerLockGuard {
  public:
    explicit OwnerLockGuard(OwnerLock &lock) : lock_(lock) { lock_.lock(); }
    ~OwnerLockGuard() { lock_.unlock(); }
    OwnerLockGuard(const OwnerLockGuard &) = delete;
    OwnerLockGuard &operator=(const OwnerLockGuard &) = delete;

  private:
    OwnerLock &lock_;
};

}  // namespace swoole::kernel
