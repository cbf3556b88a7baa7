#include <gtest/gtest.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "base/error.h"
#include "coroutine/channel.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

using namespace swoole::kernel;
using Result = Channel::Result;

namespace {

// Runs f() in a new coroutine; f must outlive the coroutine.
template <class F>
int64_t spawn(F &f) {
    return Coroutine::create([](void *arg) { (*static_cast<F *>(arg))(); }, &f);
}

void *as_item(intptr_t v) { return reinterpret_cast<void *>(v); }
intptr_t as_int(void *item) { return reinterpret_cast<intptr_t>(item); }

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

TEST(Channel, CapacityZeroIsOneAndStateOfAnEmptyChannel) {
    Channel chan(0);
    EXPECT_EQ(chan.capacity(), 1u);
    EXPECT_TRUE(chan.is_empty());
    EXPECT_FALSE(chan.is_full());
    EXPECT_EQ(chan.length(), 0u);
    EXPECT_EQ(chan.consumer_num(), 0u);
    EXPECT_EQ(chan.producer_num(), 0u);
    EXPECT_FALSE(chan.is_closed());
}

TEST(Channel, PingPongBetweenTwoCoroutines) {
    constexpr int kRounds = 10000;
    Channel ping(1), pong(1);
    int received_by_b = 0, received_by_a = 0;
    bool ordered = true;
    auto b = [&] {
        for (int i = 0; i < kRounds; ++i) {
            void *item = nullptr;
            if (ping.pop(&item) != Result::ok || as_int(item) != i) ordered = false;
            ++received_by_b;
            pong.push(as_item(i * 2));
        }
    };
    auto a = [&] {
        for (int i = 0; i < kRounds; ++i) {
            ping.push(as_item(i));
            void *item = nullptr;
            if (pong.pop(&item) != Result::ok || as_int(item) != i * 2) ordered = false;
            ++received_by_a;
        }
    };
    spawn(b);  // waits in pop
    EXPECT_EQ(ping.consumer_num(), 1u);
    spawn(a);
    EXPECT_TRUE(ordered);
    EXPECT_EQ(received_by_a, kRounds);
    EXPECT_EQ(received_by_b, kRounds);
    EXPECT_EQ(Coroutine::count(), 0u);
    EXPECT_TRUE(ping.is_empty());
    EXPECT_TRUE(pong.is_empty());
}

TEST(Channel, ProducerBlocksWhenFullAndIsServedByPop) {
    Channel chan(3);
    std::vector<std::string> trace;
    auto producer = [&] {
        for (int i = 0; i < 5; ++i) {
            EXPECT_EQ(chan.push(as_item(i)), Result::ok);
            trace.push_back("pushed " + std::to_string(i));
        }
    };
    spawn(producer);
    EXPECT_EQ(chan.length(), 3u);
    EXPECT_TRUE(chan.is_full());
    EXPECT_EQ(chan.producer_num(), 1u);
    EXPECT_EQ(trace.size(), 3u);

    std::vector<intptr_t> got;
    auto consumer = [&] {
        for (int i = 0; i < 5; ++i) {
            void *item = nullptr;
            EXPECT_EQ(chan.pop(&item), Result::ok);
            got.push_back(as_int(item));
            trace.push_back("popped " + std::to_string(as_int(item)));
        }
    };
    spawn(consumer);
    EXPECT_EQ(got, (std::vector<intptr_t>{0, 1, 2, 3, 4}));
    // The waiting producer runs before the pop that freed its slot returns.
    EXPECT_EQ(trace, (std::vector<std::string>{"pushed 0", "pushed 1", "pushed 2", "pushed 3", "popped 0",
                                               "pushed 4", "popped 1", "popped 2", "popped 3", "popped 4"}));
    EXPECT_EQ(Coroutine::count(), 0u);
}

TEST(Channel, PushResumesAWaitingConsumerAtOnce) {
    Channel chan(1);
    std::vector<std::string> trace;
    auto consumer = [&] {
        void *item = nullptr;
        EXPECT_EQ(chan.pop(&item), Result::ok);
        trace.push_back("consumer got " + std::to_string(as_int(item)));
    };
    spawn(consumer);
    auto producer = [&] {
        trace.push_back("push");
        EXPECT_EQ(chan.push(as_item(7)), Result::ok);
        trace.push_back("push returned");
    };
    spawn(producer);
    EXPECT_EQ(trace, (std::vector<std::string>{"push", "consumer got 7", "push returned"}));
    EXPECT_TRUE(chan.is_empty());
}

TEST(Channel, PopTimesOutOnAnEmptyChannel) {
    Reactor reactor;
    Channel chan(1);
    Result result = Result::ok;
    double waited = 0;
    auto consumer = [&] {
        auto start = Clock::now();
        void *item = nullptr;
        result = chan.pop(&item, 0.05);
        waited = seconds_since(start);
    };
    spawn(consumer);
    EXPECT_EQ(chan.consumer_num(), 1u);
    EXPECT_EQ(reactor.run(), 0);
    EXPECT_EQ(result, Result::timeout);
    EXPECT_GE(waited, 0.045);
    EXPECT_LT(waited, 1.0);
    EXPECT_EQ(chan.consumer_num(), 0u);
    EXPECT_EQ(Coroutine::count(), 0u);
}

TEST(Channel, PushTimesOutOnAFullChannelAndKeepsTheItem) {
    Reactor reactor;
    Channel chan(1);
    ASSERT_EQ(chan.push(as_item(1)), Result::ok);  // no wait needed: fine outside a coroutine
    Result result = Result::ok;
    double waited = 0;
    auto producer = [&] {
        auto start = Clock::now();
        result = chan.push(as_item(2), 0.05);
        waited = seconds_since(start);
    };
    spawn(producer);
    EXPECT_EQ(chan.producer_num(), 1u);
    EXPECT_EQ(reactor.run(), 0);
    EXPECT_EQ(result, Result::timeout);
    EXPECT_GE(waited, 0.045);
    EXPECT_EQ(chan.producer_num(), 0u);
    EXPECT_EQ(chan.length(), 1u);
    void *item = nullptr;
    EXPECT_EQ(chan.pop(&item), Result::ok);
    EXPECT_EQ(as_int(item), 1);
}

TEST(Channel, ServedBeforeTheTimeoutLeavesNoTimerBehind) {
    Reactor reactor;
    Channel chan(1);
    Result result = Result::timeout;
    void *item = nullptr;
    auto consumer = [&] { result = chan.pop(&item, 10); };
    spawn(consumer);
    auto producer = [&] { chan.push(as_item(5)); };
    spawn(producer);
    EXPECT_EQ(result, Result::ok);
    EXPECT_EQ(as_int(item), 5);
    auto start = Clock::now();
    EXPECT_EQ(reactor.run(), 0);  // nothing left registered
    EXPECT_LT(seconds_since(start), 1.0);
}

TEST(Channel, ZeroOrNegativeTimeoutWaitsForever) {
    Reactor reactor;
    Channel chan(1);
    Result r0 = Result::timeout, r1 = Result::timeout;
    auto zero = [&] {
        void *item;
        r0 = chan.pop(&item, 0);
    };
    auto negative = [&] {
        void *item;
        r1 = chan.pop(&item, -1);
    };
    spawn(zero);
    spawn(negative);
    EXPECT_EQ(reactor.run(), 0);  // no timer was armed: the loop has nothing to wait for
    EXPECT_EQ(chan.consumer_num(), 2u);
    EXPECT_EQ(chan.push(as_item(1)), Result::ok);
    EXPECT_EQ(chan.push(as_item(2)), Result::ok);
    EXPECT_EQ(r0, Result::ok);
    EXPECT_EQ(r1, Result::ok);
    EXPECT_EQ(Coroutine::count(), 0u);
}

TEST(Channel, CloseWakesEveryWaiterBeforeReturning) {
    Channel empty(1), full(1);
    ASSERT_EQ(full.push(as_item(1)), Result::ok);
    std::vector<std::string> trace;
    auto consumer = [&] {
        void *item;
        Result r = empty.pop(&item);
        trace.push_back(r == Result::closed ? "consumer closed" : "consumer ?");
    };
    auto producer = [&] {
        Result r = full.push(as_item(2));
        trace.push_back(r == Result::closed ? "producer closed" : "producer ?");
    };
    spawn(consumer);
    spawn(consumer);
    spawn(producer);
    spawn(producer);
    EXPECT_EQ(empty.consumer_num(), 2u);
    EXPECT_EQ(full.producer_num(), 2u);

    EXPECT_TRUE(empty.close());
    trace.push_back("close returned");
    EXPECT_TRUE(full.close());
    trace.push_back("close returned");
    EXPECT_EQ(trace, (std::vector<std::string>{"consumer closed", "consumer closed", "close returned",
                                               "producer closed", "producer closed", "close returned"}));
    EXPECT_EQ(Coroutine::count(), 0u);
    EXPECT_EQ(empty.consumer_num(), 0u);
    EXPECT_EQ(full.producer_num(), 0u);

    EXPECT_FALSE(empty.close());
    EXPECT_TRUE(empty.is_closed());
    EXPECT_EQ(empty.push(as_item(3)), Result::closed);
    void *item = nullptr;
    EXPECT_EQ(empty.pop(&item), Result::closed);
}

TEST(Channel, BufferedItemsCanBePoppedAfterClose) {
    Channel chan(3);
    ASSERT_EQ(chan.push(as_item(1)), Result::ok);
    ASSERT_EQ(chan.push(as_item(2)), Result::ok);
    EXPECT_TRUE(chan.close());
    EXPECT_EQ(chan.push(as_item(3)), Result::closed);
    std::vector<Result> results;
    std::vector<intptr_t> items;
    auto consumer = [&] {
        for (int i = 0; i < 3; ++i) {
            void *item = nullptr;
            results.push_back(chan.pop(&item));
            if (results.back() == Result::ok) items.push_back(as_int(item));
        }
    };
    spawn(consumer);
    EXPECT_EQ(results, (std::vector<Result>{Result::ok, Result::ok, Result::closed}));
    EXPECT_EQ(items, (std::vector<intptr_t>{1, 2}));
}

TEST(Channel, WaitingConsumersAreServedInArrivalOrder) {
    Channel chan(2);
    std::vector<std::string> served;
    auto consumer = [&] {
        void *item;
        chan.pop(&item);
        served.push_back("co" + std::to_string(Coroutine::current_id()) + "=" + std::to_string(as_int(item)));
    };
    int64_t first = spawn(consumer);
    int64_t second = spawn(consumer);
    int64_t third = spawn(consumer);
    EXPECT_EQ(chan.consumer_num(), 3u);
    for (int i = 1; i <= 3; ++i) chan.push(as_item(i));
    EXPECT_EQ(served, (std::vector<std::string>{"co" + std::to_string(first) + "=1", "co" + std::to_string(second) + "=2",
                                                "co" + std::to_string(third) + "=3"}));
}

TEST(Channel, WaitingProducersAreServedInArrivalOrder) {
    Channel chan(1);
    ASSERT_EQ(chan.push(as_item(0)), Result::ok);
    intptr_t next = 1;
    auto producer = [&] { chan.push(as_item(next++)); };
    spawn(producer);
    spawn(producer);
    spawn(producer);
    EXPECT_EQ(chan.producer_num(), 3u);
    std::vector<intptr_t> got;
    auto consumer = [&] {
        for (int i = 0; i < 4; ++i) {
            void *item;
            chan.pop(&item);
            got.push_back(as_int(item));
        }
    };
    spawn(consumer);
    EXPECT_EQ(got, (std::vector<intptr_t>{0, 1, 2, 3}));
    EXPECT_EQ(Coroutine::count(), 0u);
}

TEST(Channel, CancelOfAWaitingPopRemovesItFromTheQueue) {
    Reactor reactor;
    Channel chan(1);
    Result canceled_result = Result::ok, other_result = Result::timeout;
    bool saw_canceled = false;
    void *other_item = nullptr;
    auto canceled = [&] {
        void *item;
        canceled_result = chan.pop(&item, 5);  // a timer is armed, and must go away
        saw_canceled = Coroutine::current()->is_canceled();
    };
    auto other = [&] { other_result = chan.pop(&other_item); };
    int64_t id = spawn(canceled);
    spawn(other);
    EXPECT_EQ(chan.consumer_num(), 2u);
    EXPECT_TRUE(Coroutine::cancel(id));
    EXPECT_EQ(canceled_result, Result::canceled);
    EXPECT_TRUE(saw_canceled);
    EXPECT_EQ(chan.consumer_num(), 1u);
    // The next item goes to the one still waiting.
    EXPECT_EQ(chan.push(as_item(9)), Result::ok);
    EXPECT_EQ(other_result, Result::ok);
    EXPECT_EQ(as_int(other_item), 9);
    auto start = Clock::now();
    EXPECT_EQ(reactor.run(), 0);
    EXPECT_LT(seconds_since(start), 1.0);
}

TEST(Channel, CancelOfAWaitingPushKeepsTheItemWithTheCaller) {
    Channel chan(1);
    ASSERT_EQ(chan.push(as_item(1)), Result::ok);
    Result result = Result::ok;
    auto producer = [&] { result = chan.push(as_item(2)); };
    int64_t id = spawn(producer);
    EXPECT_EQ(chan.producer_num(), 1u);
    EXPECT_TRUE(Coroutine::cancel(id));
    EXPECT_EQ(result, Result::canceled);
    EXPECT_EQ(chan.producer_num(), 0u);
    EXPECT_EQ(chan.length(), 1u);
}

TEST(Channel, WouldBlockOutsideACoroutineIsAnError) {
    Channel chan(1);
    void *item = nullptr;
    EXPECT_EQ(chan.pop(&item), Result::error);
    EXPECT_EQ(last_error(), SW_ERROR_CO_OUT_OF_COROUTINE);
    EXPECT_EQ(chan.push(as_item(1)), Result::ok);
    EXPECT_EQ(chan.push(as_item(2)), Result::error);
    EXPECT_EQ(chan.pop(&item), Result::ok);
    EXPECT_EQ(as_int(item), 1);
}

TEST(Channel, RingBufferKeepsOrderAcrossGrowthAndWrapAround) {
    Channel chan(100);
    intptr_t next_in = 0, next_out = 0;
    bool ordered = true;
    for (int round = 0; round < 50; ++round) {
        for (int i = 0; i < 37 && !chan.is_full(); ++i) ASSERT_EQ(chan.push(as_item(next_in++)), Result::ok);
        for (int i = 0; i < 23 && !chan.is_empty(); ++i) {
            void *item;
            ASSERT_EQ(chan.pop(&item), Result::ok);
            if (as_int(item) != next_out++) ordered = false;
        }
    }
    EXPECT_TRUE(ordered);
    EXPECT_EQ(chan.length(), static_cast<size_t>(next_in - next_out));
    for (size_t i = 0; i < chan.length(); ++i) EXPECT_EQ(as_int(chan.item_at(i)), next_out + intptr_t(i));
}

TEST(Channel, DestructorHandsLeftoverItemsToTheCallback) {
    std::vector<intptr_t> freed;
    {
        Channel chan(
            4, [](void *item, void *arg) { static_cast<std::vector<intptr_t> *>(arg)->push_back(as_int(item)); },
            &freed);
        for (int i = 1; i <= 3; ++i) chan.push(as_item(i));
        void *item;
        chan.pop(&item);
    }
    EXPECT_EQ(freed, (std::vector<intptr_t>{2, 3}));
}

TEST(Channel, DestroyedWhileAWaiterIsParkedDetachesIt) {
    Result result = Result::ok;
    auto chan = std::make_unique<Channel>(1);
    auto consumer = [&] {
        void *item;
        result = chan->pop(&item);
    };
    int64_t id = spawn(consumer);
    chan.reset();
    // Resumed later (here by cancel), the waiter must not touch the freed channel.
    EXPECT_TRUE(Coroutine::cancel(id));
    EXPECT_EQ(result, Result::closed);
    EXPECT_EQ(Coroutine::count(), 0u);
}
