// A sequence counter for optimistic reads of data in shared memory that a lock
// guards (a seqlock without its own lock): the lock holder makes the counter
// odd before it writes and even again after, so a reader that saw the same
// even value before and after copying the data knows no write overlapped the
// copy. Readers write nothing, so they never pull the line away from another
// core. Zeroed memory is a valid counter.
//
// The writer side must hold the guarding lock. A holder that died in the middle
// of a write leaves the counter odd; the next holder calls repair() (the data
// stays as the dead writer left it).
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

class SeqCounter {
  public:
    // Reader side: the value to pass to unchanged(); odd means a write is in
    // progress (do not trust a copy made now).
    uint32_t read_begin() const { return value_.load(std::memory_order_acquire); }
    static bool writing(uint32_t seen) { return seen & 1; }
    // True when no write started since read_begin() returned `seen` (even):
    // whatever was read in between is consistent.
    bool unchanged(uint32_t seen) const {
        std::atomic_thread_fence(std::memory_order_acquire);
        return value_.load(std::memory_order_relaxed) == seen;
    }

    // Writer side, under the lock.
    void write_begin() {
        value_.store(value_.load(std::memory_order_relaxed) | 1, std::memory_order_relaxed);
        std::atomic_thread_fence(std::memory_order_release);
    }
    void write_end() { value_.store(value_.load(std::memory_order_relaxed) + 1, std::memory_order_release); }
    // Under the lock: ends a write that a dead holder left open.
    void repair() {
        uint32_t v = value_.load(std::memory_order_relaxed);
        if (v & 1) value_.store(v + 1, std::memory_order_release);
    }

  private:
    std::atomic<uint32_t> value_{0};
};

static_assert(sizeof(SeqCounter) == 4);

}  // namespace swoole::kernel
