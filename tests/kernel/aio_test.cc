#include <gtest/gtest.h>

#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "aio/aio.h"
#include "aio/child.h"
#include "base/error.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

using namespace swoole::kernel;
using namespace std::chrono_literals;

namespace {

using Body = std::function<void()>;

void run_body(void *arg) { (*static_cast<Body *>(arg))(); }

// Runs each body in its own coroutine on a fresh loop until everything is done.
void run_coroutines(std::initializer_list<Body> bodies) {
    Reactor reactor;
    std::vector<Body> owned(bodies);
    for (Body &b : owned) Coroutine::create(run_body, &b);
    reactor.run();
}

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST(Aio, RunsWorkOnAnotherThreadAndResumesTheCoroutine) {
    pthread_t loop_thread = pthread_self();
    bool other_thread = false;
    WaitResult result = WaitResult::error;
    run_coroutines({[&] {
        result = Aio::run([&] { other_thread = !pthread_equal(pthread_self(), loop_thread); });
    }});
    EXPECT_EQ(result, WaitResult::ready);
    EXPECT_TRUE(other_thread);
    EXPECT_EQ(Aio::task_count(), 0u);
    EXPECT_GE(Aio::worker_count(), 1u);
}

TEST(Aio, TheLoopKeepsRunningWhileWorkBlocks) {
    int ticks_during_work = 0;
    bool working = false;
    run_coroutines({
        [&] {
            working = true;
            Aio::run([] { std::this_thread::sleep_for(200ms); });
            working = false;
        },
        [&] {
            while (working) {
                Coroutine::sleep(0.01);
                if (working) ++ticks_during_work;
            }
        },
    });
    EXPECT_GE(ticks_during_work, 5);
}

TEST(Aio, TasksRunConcurrentlyOnSeveralWorkers) {
    // Each task waits until all four have started: only possible in parallel.
    std::atomic<int> started{0};
    int all_seen = 0;
    auto body = [&] {
        bool saw_all = false;
        Aio::run([&] {
            ++started;
            auto deadline = std::chrono::steady_clock::now() + 5s;
            while (started.load() < 4 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
            saw_all = started.load() == 4;
        });
        if (saw_all) ++all_seen;
    };
    run_coroutines({body, body, body, body});
    EXPECT_EQ(all_seen, 4);
    EXPECT_GE(Aio::worker_count(), 4u);
    EXPECT_EQ(Aio::queue_size(), 0u);
}

TEST(Aio, TimeoutReturnsEarlyAndTheWorkIsDestroyedWhenItEnds) {
    auto token = std::make_shared<int>(1);
    std::weak_ptr<int> watch = token;
    WaitResult result = WaitResult::ready;
    double elapsed = 0;
    bool alive_after_timeout = false;
    auto start = std::chrono::steady_clock::now();
    run_coroutines({[&] {
        result = Aio::run([token] { std::this_thread::sleep_for(300ms); }, 0.05);
        elapsed = seconds_since(start);
        alive_after_timeout = !watch.expired();
    }});
    token.reset();
    EXPECT_EQ(result, WaitResult::timeout);
    EXPECT_LT(elapsed, 0.25);
    EXPECT_TRUE(alive_after_timeout);  // still owned by the running work
    // The loop waited for the abandoned work, then destroyed it.
    EXPECT_TRUE(watch.expired());
    EXPECT_EQ(Aio::task_count(), 0u);
}

TEST(Aio, CancelInterruptsTheWait) {
    int64_t waiter = -1;
    WaitResult result = WaitResult::ready;
    bool cancel_ok = false;
    run_coroutines({
        [&] {
            waiter = Coroutine::current_id();
            result = Aio::run([] { std::this_thread::sleep_for(100ms); });
        },
        [&] { cancel_ok = Coroutine::cancel(waiter); },
    });
    EXPECT_TRUE(cancel_ok);
    EXPECT_EQ(result, WaitResult::canceled);
}

TEST(Aio, OutsideACoroutineIsAnError) {
    Reactor reactor;
    set_last_error(0);
    EXPECT_EQ(Aio::run([] {}), WaitResult::error);
    EXPECT_EQ(last_error(), SW_ERROR_CO_OUT_OF_COROUTINE);
}

TEST(Aio, ManyTasksInARow) {
    int sum = 0;
    run_coroutines({[&] {
        for (int i = 1; i <= 200; i++) {
            int value = 0;
            Aio::run([&value, i] { value = i; });
            sum += value;
        }
    }});
    EXPECT_EQ(sum, 200 * 201 / 2);
}

// ---- children ----

namespace {

pid_t spawn_exit(int code, int delay_ms = 0) {
    pid_t pid = fork();
    if (pid == 0) {
        if (delay_ms) usleep(delay_ms * 1000);
        _exit(code);
    }
    return pid;
}

}  // namespace

TEST(AioChild, WaitForAPidGivesItsExitCode) {
    pid_t pid = spawn_exit(3, 50);
    ASSERT_GT(pid, 0);
    ChildExit exit;
    WaitResult result = WaitResult::error;
    run_coroutines({[&] { result = ChildWatcher::wait(pid, 5, exit); }});
    EXPECT_EQ(result, WaitResult::ready);
    EXPECT_EQ(exit.pid, pid);
    EXPECT_EQ(exit.code, 3);
    EXPECT_EQ(exit.signal, 0);
    EXPECT_FALSE(ChildWatcher::watching());
}

TEST(AioChild, AChildKilledByASignalReportsTheSignal) {
    pid_t pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    ChildExit exit;
    WaitResult result = WaitResult::error;
    run_coroutines({
        [&] { result = ChildWatcher::wait(-1, 5, exit); },
        [&] {
            Coroutine::sleep(0.02);
            kill(pid, SIGKILL);
        },
    });
    EXPECT_EQ(result, WaitResult::ready);
    EXPECT_EQ(exit.pid, pid);
    EXPECT_EQ(exit.code, 0);
    EXPECT_EQ(exit.signal, SIGKILL);
}

TEST(AioChild, WaitForAnyWithoutChildrenLastsUntilTheTimeout) {
    ChildExit exit;
    WaitResult result = WaitResult::error;
    auto start = std::chrono::steady_clock::now();
    run_coroutines({[&] { result = ChildWatcher::wait(-1, 0.1, exit); }});
    EXPECT_EQ(result, WaitResult::timeout);
    EXPECT_GE(seconds_since(start), 0.09);
}

TEST(AioChild, AReservedChildGoesOnlyToItsOwnWaiter) {
    pid_t reserved = spawn_exit(7, 10);
    ChildWatcher::reserve(reserved);
    pid_t other = spawn_exit(9, 80);
    ChildExit any_exit, own_exit;
    WaitResult any_result = WaitResult::error, own_result = WaitResult::error;
    run_coroutines({
        [&] { any_result = ChildWatcher::wait(-1, 5, any_exit); },
        [&] {
            Coroutine::sleep(0.15);  // both exited by now; the reserved one first
            own_result = ChildWatcher::wait(reserved, 5, own_exit);
        },
    });
    EXPECT_EQ(any_result, WaitResult::ready);
    EXPECT_EQ(any_exit.pid, other);
    EXPECT_EQ(any_exit.code, 9);
    EXPECT_EQ(own_result, WaitResult::ready);
    EXPECT_EQ(own_exit.pid, reserved);
    EXPECT_EQ(own_exit.code, 7);
}

TEST(AioChild, WaitingForAPidThatIsNotAChildFails) {
    ChildExit exit;
    WaitResult result = WaitResult::ready;
    int err = 0;
    run_coroutines({[&] {
        result = ChildWatcher::wait(1, 1, exit);
        err = errno;
    }});
    EXPECT_EQ(result, WaitResult::error);
    EXPECT_EQ(err, ECHILD);
}

TEST(AioChild, WaitTimesOutWhileTheChildRuns) {
    pid_t pid = spawn_exit(0, 300);
    ChildExit exit;
    WaitResult first = WaitResult::error, second = WaitResult::error;
    run_coroutines({[&] {
        first = ChildWatcher::wait(pid, 0.05, exit);
        second = ChildWatcher::wait(pid, 5, exit);
    }});
    EXPECT_EQ(first, WaitResult::timeout);
    EXPECT_EQ(second, WaitResult::ready);
    EXPECT_EQ(exit.pid, pid);
}

// ---- signals ----

TEST(AioSignal, WaitSignalReturnsWhenTheSignalArrives) {
    WaitResult result = WaitResult::error;
    bool waited_during = false;
    run_coroutines({
        [&] { result = wait_signal(SIGUSR1, 5); },
        [&] {
            Coroutine::sleep(0.02);
            waited_during = signal_waited(SIGUSR1);
            kill(getpid(), SIGUSR1);
        },
    });
    EXPECT_EQ(result, WaitResult::ready);
    EXPECT_TRUE(waited_during);
    EXPECT_FALSE(signal_waited(SIGUSR1));
}

TEST(AioSignal, TimeoutInvalidAndBusy) {
    WaitResult timeout = WaitResult::error, invalid = WaitResult::ready, busy = WaitResult::ready;
    int invalid_errno = 0, busy_errno = 0;
    run_coroutines({
        [&] {
            invalid = wait_signal(SIGKILL, 1);
            invalid_errno = errno;
            timeout = wait_signal(SIGUSR2, 0.05);
        },
        [&] {
            busy = wait_signal(SIGUSR2, 1);
            busy_errno = errno;
        },
    });
    EXPECT_EQ(invalid, WaitResult::error);
    EXPECT_EQ(invalid_errno, EINVAL);
    EXPECT_EQ(timeout, WaitResult::timeout);
    EXPECT_EQ(busy, WaitResult::error);
    EXPECT_EQ(busy_errno, EBUSY);
}

TEST(AioSignal, AListenerOfTheLoopIsSeenButNotOurOwnWaits) {
    bool during_wait = true, with_listener = false, after_removal = true;
    run_coroutines({
        [&] { wait_signal(SIGUSR2, 0.05); },
        [&] {
            during_wait = signal_has_listener(SIGUSR2);
            Reactor::current()->on_signal(SIGUSR2, [](int, void *) {}, nullptr);
            with_listener = signal_has_listener(SIGUSR2);
            Reactor::current()->on_signal(SIGUSR2, nullptr, nullptr);
            after_removal = signal_has_listener(SIGUSR2);
        },
    });
    EXPECT_FALSE(during_wait);
    EXPECT_TRUE(with_listener);
    EXPECT_FALSE(after_removal);
}
