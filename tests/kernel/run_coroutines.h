// Test helper: runs bodies as coroutines on a fresh reactor until all are
// done; a watchdog fails the test (instead of hanging it) after `limit` s.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <utility>
#include <vector>

#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::kernel::test_support {

using Body = std::function<void()>;

struct CoroutineRun {
    std::vector<Body> bodies;
    size_t done = 0;
    Reactor *reactor = nullptr;
    TimerId watchdog = 0;
    bool timed_out = false;
};

inline void run_coroutine_body(void *arg) {
    auto *pair = static_cast<std::pair<CoroutineRun *, Body *> *>(arg);
    CoroutineRun *run = pair->first;
    (*pair->second)();
    if (++run->done == run->bodies.size()) run->reactor->clear(run->watchdog);
}

inline void run_coroutines(std::vector<Body> bodies, double limit = 30) {
    Reactor reactor;
    CoroutineRun run;
    run.bodies = std::move(bodies);
    run.reactor = &reactor;
    run.watchdog = reactor.after(
        uint64_t(limit * 1000),
        [](TimerId, void *arg) {
            auto *r = static_cast<CoroutineRun *>(arg);
            r->timed_out = true;
            r->reactor->stop();
        },
        &run);
    std::vector<std::pair<CoroutineRun *, Body *>> args;
    args.reserve(run.bodies.size());
    for (Body &b : run.bodies) args.emplace_back(&run, &b);
    for (auto &a : args) ASSERT_GT(Coroutine::create(run_coroutine_body, &a), 0);
    reactor.run();
    ASSERT_FALSE(run.timed_out) << "the coroutines did not finish in " << limit << " s";
    EXPECT_EQ(run.done, run.bodies.size());
}

}  // namespace swoole::kernel::test_support
