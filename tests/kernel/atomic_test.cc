#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <fstream>
#include <string>

#include "fork_helpers.h"
#include "memory/atomic_wait.h"
#include "memory/shared_memory.h"

using namespace swoole::kernel;
using swoole::test::fork_child;
using swoole::test::wait_children;

namespace {

double since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Polls /proc until the process is blocked (state S), for at most 5 s.
void wait_until_sleeping(pid_t pid) {
    std::string path = "/proc/" + std::to_string(pid) + "/stat";
    auto start = std::chrono::steady_clock::now();
    while (since(start) < 5) {
        std::ifstream in(path);
        std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        size_t paren = stat.rfind(')');
        if (paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'S') return;
        sched_yield();
    }
}

}  // namespace

TEST(AtomicWait, PendingWakeupIsConsumedAtOnce) {
    std::atomic<uint32_t> v{0};
    atomic_wakeup(&v, 1);
    EXPECT_EQ(v.load(), 1u);
    EXPECT_TRUE(atomic_wait(&v, 1));
    EXPECT_EQ(v.load(), 0u);
}

TEST(AtomicWait, TimesOutWithEtimedout) {
    std::atomic<uint32_t> v{0};
    auto start = std::chrono::steady_clock::now();
    errno = 0;
    EXPECT_FALSE(atomic_wait(&v, 0.1));
    EXPECT_EQ(errno, ETIMEDOUT);
    EXPECT_GE(since(start), 0.09);
}

TEST(AtomicWait, OtherValuesFailAtOnceAndWakeupLeavesThem) {
    std::atomic<uint32_t> v{5};
    auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(atomic_wait(&v, 1));
    EXPECT_LT(since(start), 0.5);
    atomic_wakeup(&v, 1);
    EXPECT_EQ(v.load(), 5u);
}

TEST(AtomicWait, WokenFromAnotherProcess) {
    SharedMemory mem;
    ASSERT_TRUE(mem.allocate(sizeof(uint32_t)));
    auto *v = new (mem.data()) std::atomic<uint32_t>(0);
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    pid_t child = fork_child([&] {
        char c;
        if (read(ready[0], &c, 1) != 1) return 1;
        // Either order is correct; waking once the parent sleeps tests the futex path.
        wait_until_sleeping(getppid());
        atomic_wakeup(v, 1);
        return 0;
    });
    char c = 1;
    ASSERT_EQ(write(ready[1], &c, 1), 1);
    auto start = std::chrono::steady_clock::now();
    EXPECT_TRUE(atomic_wait(v, 10));
    EXPECT_LT(since(start), 5);
    EXPECT_EQ(v->load(), 0u);
    EXPECT_TRUE(wait_children({child}));
    close(ready[0]);
    close(ready[1]);
}
