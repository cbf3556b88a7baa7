#include <gtest/gtest.h>

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>

#include "fork_helpers.h"
#include "memory/futex.h"
#include "memory/shared_lock.h"
#include "memory/shared_memory.h"

using namespace swoole::kernel;
using swoole::test::fork_child;
using swoole::test::wait_children;

namespace {

// A plain (non-atomic) counter in shared memory, updated with a read, a pause
// and a write so that unguarded updates from two processes get lost.
struct Shared {
    volatile int64_t counter;
};

void slow_increment(Shared *s) {
    int64_t v = s->counter;
    if ((v & 63) == 0) sched_yield();
    s->counter = v + 1;
}

int64_t count_with(SharedLock::Kind kind, bool use_lock, int loops) {
    SharedMemory mem;
    EXPECT_TRUE(mem.allocate(sizeof(Shared)));
    auto *s = static_cast<Shared *>(mem.data());
    SharedLock lock;
    EXPECT_TRUE(lock.create(kind));
    std::vector<pid_t> children;
    for (int p = 0; p < 2; ++p) {
        children.push_back(fork_child([&] {
            for (int i = 0; i < loops; ++i) {
                if (use_lock) lock.lock();
                slow_increment(s);
                if (use_lock) lock.unlock();
            }
            return 0;
        }));
    }
    EXPECT_TRUE(wait_children(children));
    return s->counter;
}

}  // namespace

TEST(SharedLock, MutexSpinlockAndRwlockExcludeAcrossProcesses) {
    constexpr int kLoops = 50000;
    EXPECT_EQ(count_with(SharedLock::Kind::mutex, true, kLoops), 2 * kLoops);
    EXPECT_EQ(count_with(SharedLock::Kind::spinlock, true, kLoops), 2 * kLoops);
    EXPECT_EQ(count_with(SharedLock::Kind::rwlock, true, kLoops), 2 * kLoops);
}

TEST(SharedLock, TryLockFailsWithEbusyEvenForTheHolder) {
    SharedLock lock;
    ASSERT_TRUE(lock.create(SharedLock::Kind::mutex));
    EXPECT_EQ(lock.try_lock(), 0);
    EXPECT_EQ(lock.try_lock(), EBUSY);
    EXPECT_EQ(lock.unlock(), 0);
    EXPECT_EQ(lock.unlock(), 0);  // not locked: still fine
    EXPECT_EQ(lock.try_lock(), 0);
    lock.unlock();
}

TEST(SharedLock, ReadersShareWritersExclude) {
    SharedLock lock;
    ASSERT_TRUE(lock.create(SharedLock::Kind::rwlock));
    EXPECT_EQ(lock.try_lock_shared(), 0);
    EXPECT_EQ(lock.try_lock_shared(), 0);
    EXPECT_EQ(lock.try_lock(), EBUSY);
    lock.unlock();
    lock.unlock();
    lock.unlock();  // free already: ignored
    EXPECT_EQ(lock.try_lock(), 0);
    EXPECT_EQ(lock.try_lock_shared(), EBUSY);
    lock.unlock();
    EXPECT_EQ(lock.try_lock_shared(), 0);
    lock.unlock();
}

TEST(SharedLock, LockForTimesOutThenSucceedsWhenReleased) {
    SharedLock lock;
    ASSERT_TRUE(lock.create(SharedLock::Kind::mutex));
    int ready[2], go[2];
    ASSERT_EQ(pipe(ready), 0);
    ASSERT_EQ(pipe(go), 0);
    pid_t child = fork_child([&] {
        lock.lock();
        char c = 1;
        if (write(ready[1], &c, 1) != 1) return 1;
        if (read(go[0], &c, 1) != 1) return 1;
        lock.unlock();
        return 0;
    });
    char c;
    ASSERT_EQ(read(ready[0], &c, 1), 1);
    EXPECT_EQ(lock.try_lock(), EBUSY);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(lock.lock_for(0.2), ETIMEDOUT);
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_GE(waited, 0.19);
    EXPECT_LT(waited, 5.0);
    ASSERT_EQ(write(go[1], &c, 1), 1);
    EXPECT_EQ(lock.lock_for(10), 0);
    lock.unlock();
    EXPECT_TRUE(wait_children({child}));
    for (int fd : {ready[0], ready[1], go[0], go[1]}) close(fd);
}

TEST(SharedLock, HolderKilledInsideTheLockDoesNotBlockOthersForever) {
    for (auto kind : {SharedLock::Kind::mutex, SharedLock::Kind::spinlock}) {
        SharedLock lock;
        ASSERT_TRUE(lock.create(kind));
        int ready[2];
        ASSERT_EQ(pipe(ready), 0);
        pid_t child = fork_child([&] {
            lock.lock();
            char c = 1;
            if (write(ready[1], &c, 1) != 1) return 1;
            pause();
            return 0;
        });
        char c;
        ASSERT_EQ(read(ready[0], &c, 1), 1);
        kill(child, SIGKILL);  // left unreaped: a zombie holder counts as dead
        EXPECT_EQ(lock.lock_for(10), 0);
        lock.unlock();
        int status;
        waitpid(child, &status, 0);
        close(ready[0]);
        close(ready[1]);
    }
}
