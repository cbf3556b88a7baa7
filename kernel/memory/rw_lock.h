// A readers-writer lock in shared memory on one futex word: bit 31 = writer
// holds it, bit 30 = someone sleeps, bits 0..29 = number of readers. Zeroed
// memory is an unlocked lock. unlock() releases the writer if there is one,
// else one reader, and does nothing on a free lock (never corrupts the count).
// Readers are not recorded by process, so a process that dies holding this
// lock is not detected (unlike OwnerLock); see docs/memory.md.
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

class RwLock {
  public:
    bool try_lock();
    void lock();
    bool try_lock_shared();
    void lock_shared();
    void unlock();

    bool write_locked() const { return word_.load(std::memory_order_relaxed) & kWriter; }
    uint32_t readers() const { return word_.load(std::memory_order_relaxed) & kReaders; }

  private:
    static constexpr uint32_t kWriter = 1u << 31;
    static constexpr uint32_t kSleepers = 1u << 30;
    static constexpr uint32_t kReaders = kSleepers - 1;
    // Sleeps until `cur` changes, after announcing the sleep.
    void sleep_on(uint32_t cur);

    std::atomic<uint32_t> word_{0};
};

}  // namespace swoole::kernel
