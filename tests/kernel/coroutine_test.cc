#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "base/error.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

using namespace swoole::kernel;

namespace {

std::vector<std::string> g_trace;

long resident_kib() {
    FILE *f = std::fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (f) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

TEST(Coroutine, IdsStartAfterTheLastAndOutsideIsMinusOne) {
    EXPECT_EQ(Coroutine::current_id(), -1);
    EXPECT_EQ(Coroutine::current(), nullptr);
    int64_t before = Coroutine::last_id();
    int64_t seen = 0;
    int64_t id = Coroutine::create([](void *arg) { *static_cast<int64_t *>(arg) = Coroutine::current_id(); }, &seen);
    EXPECT_EQ(id, before + 1);
    EXPECT_EQ(seen, id);
    EXPECT_EQ(Coroutine::count(), 0u);  // finished without yielding
    EXPECT_EQ(Coroutine::get(id), nullptr);
}

TEST(Coroutine, CreateRunsAtOnceUntilYieldThenResumeContinues) {
    g_trace.clear();
    static Coroutine *child;
    int64_t id = Coroutine::create(
        [](void *) {
            g_trace.push_back("child start");
            child = Coroutine::current();
            child->yield();
            g_trace.push_back("child resumed");
        },
        nullptr);
    g_trace.push_back("creator after create");
    ASSERT_NE(Coroutine::get(id), nullptr);
    EXPECT_EQ(Coroutine::get(id)->state(), Coroutine::State::waiting);
    EXPECT_EQ(Coroutine::current_id(), -1);
    child->resume();
    g_trace.push_back("creator after resume");
    EXPECT_EQ((std::vector<std::string>{"child start", "creator after create", "child resumed", "creator after resume"}),
              g_trace);
    EXPECT_EQ(Coroutine::get(id), nullptr);
}

TEST(Coroutine, NestedCoroutinesKnowTheirParents) {
    struct Ids {
        int64_t outer, outer_parent, inner, inner_parent, back_in_outer;
    } ids{};
    Coroutine::create(
        [](void *arg) {
            auto *ids = static_cast<Ids *>(arg);
            ids->outer = Coroutine::current_id();
            ids->outer_parent = Coroutine::current()->parent_id();
            Coroutine::create(
                [](void *arg) {
                    auto *ids = static_cast<Ids *>(arg);
                    ids->inner = Coroutine::current_id();
                    ids->inner_parent = Coroutine::current()->parent_id();
                },
                ids);
            ids->back_in_outer = Coroutine::current_id();
        },
        &ids);
    EXPECT_EQ(ids.outer_parent, -1);
    EXPECT_EQ(ids.inner_parent, ids.outer);
    EXPECT_EQ(ids.inner, ids.outer + 1);
    EXPECT_EQ(ids.back_in_outer, ids.outer);
}

TEST(Coroutine, YieldReturnsToWhoeverResumed) {
    // A creates B; B yields back to A; later the main context resumes B, and
    // B's next yield comes back to main, not to A.
    g_trace.clear();
    static Coroutine *b;
    Coroutine::create(
        [](void *) {
            Coroutine::create(
                [](void *) {
                    b = Coroutine::current();
                    g_trace.push_back("b1");
                    b->yield();
                    g_trace.push_back("b2");
                    b->yield();
                    g_trace.push_back("b3");
                },
                nullptr);
            g_trace.push_back("a");
        },
        nullptr);
    g_trace.push_back("main1");
    b->resume();
    g_trace.push_back("main2");
    b->resume();
    EXPECT_EQ((std::vector<std::string>{"b1", "a", "main1", "b2", "main2", "b3"}), g_trace);
}

TEST(Coroutine, SwitchHookSeesEverySwitch) {
    static std::vector<std::pair<int64_t, int64_t>> switches;
    switches.clear();
    Coroutine::set_switch_hook([](Coroutine *from, Coroutine *to) {
        switches.emplace_back(from ? from->id() : -1, to ? to->id() : -1);
    });
    static Coroutine *co;
    int64_t id = Coroutine::create(
        [](void *) {
            co = Coroutine::current();
            co->yield();
        },
        nullptr);
    co->resume();
    Coroutine::set_switch_hook(nullptr);
    EXPECT_EQ((std::vector<std::pair<int64_t, int64_t>>{{-1, id}, {id, -1}, {-1, id}, {id, -1}}), switches);
}

TEST(Coroutine, LimitOnLiveCoroutines) {
    Coroutine::set_max_count(3);
    static std::vector<Coroutine *> parked;
    parked.clear();
    auto park = [](void *) {
        parked.push_back(Coroutine::current());
        Coroutine::current()->yield();
    };
    for (int i = 0; i < 3; ++i) EXPECT_GT(Coroutine::create(park, nullptr), 0);
    errno = 0;
    EXPECT_EQ(Coroutine::create(park, nullptr), -1);
    EXPECT_EQ(errno, EAGAIN);
    for (Coroutine *co : parked) co->resume();
    EXPECT_EQ(Coroutine::count(), 0u);
    Coroutine::set_max_count(0);
    EXPECT_EQ(Coroutine::max_count(), Coroutine::kDefaultMaxCount);
}

TEST(Coroutine, StackSizeIsClampedAndRounded) {
    Coroutine::set_stack_size(100000);
    EXPECT_EQ(Coroutine::stack_size(), 102400u);
    Coroutine::set_stack_size(0);
    EXPECT_EQ(Coroutine::stack_size(), 65536u);
    Coroutine::set_stack_size(size_t(1) << 40);
    EXPECT_EQ(Coroutine::stack_size(), 16u * 1024 * 1024);
    Coroutine::set_stack_size(Stack::kDefaultSize);
}

TEST(Coroutine, SleepParksUntilTheTimerWithoutBlockingOthers) {
    Reactor reactor;
    g_trace.clear();
    auto start = std::chrono::steady_clock::now();
    Coroutine::create(
        [](void *) {
            EXPECT_EQ(Coroutine::sleep(0.05), WaitResult::ready);
            g_trace.push_back("slow");
        },
        nullptr);
    Coroutine::create(
        [](void *) {
            EXPECT_EQ(Coroutine::sleep(0.01), WaitResult::ready);
            g_trace.push_back("fast");
        },
        nullptr);
    EXPECT_EQ(Coroutine::count(), 2u);
    EXPECT_EQ(reactor.run(), 0);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ((std::vector<std::string>{"fast", "slow"}), g_trace);
    EXPECT_GE(ms, 45);
    EXPECT_LT(ms, 1000);
    EXPECT_EQ(Coroutine::count(), 0u);
}

TEST(Coroutine, TenThousandSleepersFinishTogether) {
    using Clock = std::chrono::steady_clock;
    Reactor reactor;
    static int done;
    static Clock::time_point last_wake;
    done = 0;
    auto start = Clock::now();
    for (int i = 0; i < 10000; ++i) {
        ASSERT_GT(Coroutine::create(
                      [](void *) {
                          if (Coroutine::sleep(0.1) == WaitResult::ready) ++done;
                          last_wake = Clock::now();
                      },
                      nullptr),
                  0);
    }
    auto created = Clock::now();
    reactor.run();
    EXPECT_EQ(done, 10000);
    // They sleep at the same time: the last one wakes about 100 ms after the last
    // was created, not 10,000 x 100 ms later. (Speed itself is measured by
    // tools/bench, not asserted here.)
    auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    EXPECT_GE(ms(last_wake - start), 100);
    EXPECT_LT(ms(last_wake - created), 100 + 400) << "creating took " << ms(created - start) << " ms";
}

TEST(Coroutine, WaitFdReadyAndTimeout) {
    Reactor reactor;
    int sv[2];
    ASSERT_EQ(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
    struct Case {
        int fd;
        WaitResult first, second;
    } c{sv[0], WaitResult::error, WaitResult::error};
    Coroutine::create(
        [](void *arg) {
            auto *c = static_cast<Case *>(arg);
            c->first = Coroutine::wait_fd(c->fd, kEventRead, 0.02);  // nothing written yet
            c->second = Coroutine::wait_fd(c->fd, kEventRead, 1);    // written by the timer
        },
        &c);
    static int writer_fd;
    writer_fd = sv[1];
    // Written once the first wait has timed out.
    reactor.after(60, [](TimerId, void *) { ASSERT_EQ(write(writer_fd, "x", 1), 1); }, nullptr);
    reactor.run();
    EXPECT_EQ(c.first, WaitResult::timeout);
    EXPECT_EQ(c.second, WaitResult::ready);
    EXPECT_EQ(Coroutine::wait_fd(sv[0], kEventRead, 0), WaitResult::error);  // outside a coroutine
    EXPECT_EQ(last_error(), SW_ERROR_CO_OUT_OF_COROUTINE);
    close(sv[0]);
    close(sv[1]);
}

TEST(Coroutine, ParkWakeAndCancel) {
    Reactor reactor;
    static WaitResult parked_result, sleep_result;
    int64_t parked = Coroutine::create([](void *) { parked_result = Coroutine::park(); }, nullptr);
    int64_t sleeper = Coroutine::create([](void *) { sleep_result = Coroutine::sleep(10); }, nullptr);
    EXPECT_FALSE(Coroutine::wake(sleeper));  // sleeping is not parked
    EXPECT_TRUE(Coroutine::wake(parked));
    EXPECT_EQ(parked_result, WaitResult::ready);
    EXPECT_TRUE(Coroutine::cancel(sleeper));
    EXPECT_EQ(sleep_result, WaitResult::canceled);
    EXPECT_FALSE(Coroutine::cancel(sleeper));
    EXPECT_EQ(last_error(), SW_ERROR_CO_NOT_EXISTS);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(reactor.run(), 0);  // the canceled sleep left nothing behind
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST(Coroutine, CannotCancelARunningCoroutine) {
    static bool result = true;
    static int error = 0;
    Coroutine::create(
        [](void *) {
            result = Coroutine::cancel(Coroutine::current_id());
            error = last_error();
        },
        nullptr);
    EXPECT_FALSE(result);
    EXPECT_EQ(error, SW_ERROR_CO_CANNOT_CANCEL);
}

TEST(Coroutine, HundredThousandCreatedAndFinishedWithoutGrowth) {
    static std::vector<Coroutine *> batch;
    auto run_batch = [] {
        batch.clear();
        for (int i = 0; i < 1000; ++i) {
            Coroutine::create(
                [](void *) {
                    batch.push_back(Coroutine::current());
                    Coroutine::current()->yield();
                },
                nullptr);
        }
        for (Coroutine *co : batch) co->resume();
    };
    for (int i = 0; i < 10; ++i) run_batch();  // warm up: pool, maps
    long before = resident_kib();
    for (int i = 0; i < 100; ++i) run_batch();
    long after = resident_kib();
    EXPECT_EQ(Coroutine::count(), 0u);
#if defined(__SANITIZE_ADDRESS__)
    // ASan quarantines freed memory, so RSS says nothing here; LeakSanitizer
    // checks that every coroutine was released instead.
    (void)before, (void)after;
#else
    EXPECT_LT(after - before, 1024) << "resident memory grew from " << before << " KiB to " << after << " KiB";
#endif
}

namespace {
// Recurses without bound on purpose; the volatile buffer keeps the frames from being folded.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winfinite-recursion"
int recurse(int depth) {
    volatile char pad[1024];
    pad[0] = static_cast<char>(depth);
    return recurse(depth + 1) + pad[0];
}
#pragma GCC diagnostic pop
}  // namespace

TEST(CoroutineDeathTest, StackOverflowHitsTheGuardPage) {
    GTEST_FLAG_SET(death_test_style, "threadsafe");
    auto overflow = [] {
        Coroutine::set_stack_size(Stack::kMinSize);
        Coroutine::create([](void *) { recurse(0); }, nullptr);
    };
#if defined(__SANITIZE_ADDRESS__)
    EXPECT_DEATH(overflow(), "stack-overflow");  // ASan reports the fault itself
#else
    EXPECT_EXIT(overflow(), testing::KilledBySignal(SIGSEGV), "");
#endif
}
