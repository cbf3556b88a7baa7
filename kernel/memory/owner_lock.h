// An exclusive lock in shared memory that records its holder: one 32-bit word,
// zero when free, else the holder's pid plus a "someone sleeps" bit. Zeroed
// memory is an unlocked lock, so locks inside a Table need no initialisation.
//
// Waiting spins briefly, then sleeps on the word's futex (or, for the spin
// flavour, yields). A waiter that has waited a while checks whether the holder
// still lives; if it died (or is an unreaped zombie) the waiter takes the lock
// over, so a process killed inside a critical section never blocks the others
// for good. unlock() releases whoever holds it, and is a no-op when free.
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

class OwnerLock {
  public:
    enum class Wait : uint8_t { sleep, spin };

    bool try_lock();
    // Blocks until acquired.
    void lock(Wait how = Wait::sleep) { acquire(how, -1); }
    // False when not acquired within `seconds` (<= 0: no limit).
    bool lock_for(double seconds, Wait how = Wait::sleep) { return acquire(how, seconds); }
    void unlock();

    uint32_t holder() const { return word_.load(std::memory_order_relaxed) & ~kSleepers; }

  private:
    static constexpr uint32_t kSleepers = 1u << 31;
    bool acquire(Wait how, double seconds);
    bool acquire_slow(Wait how, double seconds);

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
