#include "memory/rw_lock.h"

#include "memory/futex.h"

namespace swoole::kernel {

bool RwLock::try_lock() {
    uint32_t cur = word_.load(std::memory_order_relaxed);
    while ((cur & (kWriter | kReaders)) == 0) {
        if (word_.compare_exchange_weak(cur, cur | kWriter, std::memory_order_acquire, std::memory_order_relaxed)) {
            return true;
        }
    }
    return false;
}

bool RwLock::try_lock_shared() {
    uint32_t cur = word_.load(std::memory_order_relaxed);
    while (!(cur & kWriter) && (cur & kReaders) != kReaders) {
        if (word_.compare_exchange_weak(cur, cur + 1, std::memory_order_acquire, std::memory_order_relaxed)) return true;
    }
    return false;
}

void RwLock::sleep_on(uint32_t cur) {
    if (!(cur & kSleepers)) {
        if (!word_.compare_exchange_strong(cur, cur | kSleepers, std::memory_order_relaxed)) return;
        cur |= kSleepers;
    }
    futex_wait(&word_, cur, -1);
}

void RwLock::lock() {
    for (;;) {
        uint32_t cur = word_.load(std::memory_order_relaxed);
        if ((cur & (kWriter | kReaders)) == 0) {
            if (word_.compare_exchange_weak(cur, cur | kWriter, std::memory_order_acquire, std::memory_order_relaxed)) {
                return;
            }
            continue;
        }
        sleep_on(cur);
    }
}

void RwLock::lock_shared() {
    for (;;) {
        uint32_t cur = word_.load(std::memory_order_relaxed);
        if (!(cur & kWriter) && (cur & kReaders) != kReaders) {
            if (word_.compare_exchange_weak(cur, cur + 1, std::memory_order_acquire, std::memory_order_relaxed)) return;
            continue;
        }
        sleep_on(cur);
    }
}

void RwLock::unlock() {
    uint32_t cur = word_.load(std::memory_order_relaxed);
    for (;;) {
        uint32_t next;
        if (cur & kWriter) {
            next = cur & ~kWriter;
        } else if (cur & kReaders) {
            next = cur - 1;
        } else {
            return;  // not locked
        }
        // Every sleeper re-checks when the lock becomes free (or readable).
        bool wake = (cur & kSleepers) && (next & kReaders) == 0;
        if (wake) next &= ~kSleepers;
        if (word_.compare_exchange_weak(cur, next, std::memory_order_release, std::memory_order_relaxed)) {
            if (wake) futex_wake(&word_, INT32_MAX);
            return;
        }
    }
}

}  // namespace swoole::kernel
