// SessionTurns: requests of one connection run one at a time, in arrival
// order, even when they yield; other connections are not held up. Driven by
// real coroutines of the kernel host.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <swoole/sdk.hpp>

#include "module/host_api.h"
#include "server/session_turns.h"

using namespace swoole::mod::redis;

namespace {

struct Request {
    SessionTurns *turns;
    int64_t session;
    double work;  // seconds it "works" (sleeps) while holding the turn
    std::string name;
    std::vector<std::string> *log;
};

void run_request(void *arg) {
    auto *r = static_cast<Request *>(arg);
    r->log->push_back("arrive " + r->name);
    ASSERT_TRUE(r->turns->acquire(r->session));
    r->log->push_back("start " + r->name);
    if (r->work > 0) swoole::sdk::coroutine::sleep(r->work);
    r->log->push_back("end " + r->name);
    r->turns->release(r->session);
}

}  // namespace

TEST(RedisServerTurns, OneSessionRunsInArrivalOrderOthersAreNotHeldUp) {
    swoole::sdk::Host::attach(swoole::kernel::kernel_host_api());
    const sw_host_api &host = swoole::sdk::Host::api();
    SessionTurns turns;
    std::vector<std::string> log;
    std::vector<Request> reqs = {
        {&turns, 1, 0.03, "a1", &log}, {&turns, 1, 0.0, "a2", &log}, {&turns, 2, 0.01, "b1", &log},
        {&turns, 1, 0.01, "a3", &log}, {&turns, 2, 0.0, "b2", &log},
    };
    for (Request &r : reqs) ASSERT_GT(host.co_create(run_request, &r), 0);
    host.loop_run();
    EXPECT_EQ(turns.busy_sessions(), 0u);
    auto pos = [&](const std::string &what) {
        for (size_t i = 0; i < log.size(); ++i) {
            if (log[i] == what) return static_cast<int>(i);
        }
        return -1;
    };
    ASSERT_EQ(log.size(), 15u);
    // Session 1: strictly one after the other, in order.
    EXPECT_LT(pos("end a1"), pos("start a2"));
    EXPECT_LT(pos("end a2"), pos("start a3"));
    // Session 2 started while a1 was still working.
    EXPECT_LT(pos("start b1"), pos("end a1"));
    EXPECT_LT(pos("end b1"), pos("start b2"));
    // A request that does not yield holds no entry afterwards.
    SessionTurns quick;
    EXPECT_TRUE(quick.acquire(9));
    quick.release(9);
    EXPECT_EQ(quick.busy_sessions(), 0u);
}
