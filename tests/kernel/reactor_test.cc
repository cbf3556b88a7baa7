#include <gtest/gtest.h>

#include <event2/event.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <thread>
#include <vector>

#include "reactor/reactor.h"

using namespace swoole::kernel;

namespace {

// A connected, non-blocking AF_UNIX socket pair closed at scope exit.
struct SocketPair {
    int fd[2] = {-1, -1};
    SocketPair() { EXPECT_EQ(socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fd), 0); }
    ~SocketPair() {
        close(fd[0]);
        close(fd[1]);
    }
};

// Counts loop turns through a turn hook, so tests can say "on the next turn".
struct TurnCounter {
    Reactor &reactor;
    int turns = 0;
    int hook_id;
    explicit TurnCounter(Reactor &r) : reactor(r) {
        hook_id = r.add_turn_hook([](void *arg) { ++static_cast<TurnCounter *>(arg)->turns; }, this);
    }
    ~TurnCounter() { reactor.remove_turn_hook(hook_id); }
};

}  // namespace

// ---- timers -----------------------------------------------------------------

TEST(ReactorTimer, FireInOrderOfDeadlinesAndCancelledOnesDoNot) {
    Reactor r;
    struct Ctx {
        std::vector<int> fired;
    } ctx;
    struct Item {
        Ctx *ctx;
        int ms;
    } items[4] = {{&ctx, 30}, {&ctx, 10}, {&ctx, 20}, {&ctx, 15}};
    auto cb = [](TimerId, void *arg) {
        auto *item = static_cast<Item *>(arg);
        item->ctx->fired.push_back(item->ms);
    };
    TimerId ids[4];
    for (int i = 0; i < 4; ++i) {
        ids[i] = r.after(static_cast<uint64_t>(items[i].ms), cb, &items[i]);
        ASSERT_GT(ids[i], 0);
    }
    EXPECT_EQ(r.timer_count(), 4u);
    EXPECT_TRUE(r.clear(ids[3]));  // the 15 ms one never fires
    EXPECT_FALSE(r.clear(ids[3]));
    EXPECT_FALSE(r.timer_exists(ids[3]));
    EXPECT_EQ(r.timer_count(), 3u);

    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.fired, (std::vector<int>{10, 20, 30}));
    EXPECT_EQ(r.timer_count(), 0u);
    for (TimerId id : ids) EXPECT_FALSE(r.timer_exists(id));
}

TEST(ReactorTimer, DelayIsHonoured) {
    Reactor r;
    using clock = std::chrono::steady_clock;
    clock::time_point fired_at{};
    auto start = clock::now();
    r.after(40, [](TimerId, void *arg) { *static_cast<clock::time_point *>(arg) = clock::now(); }, &fired_at);
    EXPECT_EQ(r.run(), 0);
    ASSERT_NE(fired_at, clock::time_point{});
    EXPECT_GE(std::chrono::duration_cast<std::chrono::milliseconds>(fired_at - start).count(), 39);
}

TEST(ReactorTimer, IdsStartAtOneAndAreNeverReused) {
    Reactor r;
    auto noop = [](TimerId, void *) {};
    TimerId a = r.after(1000, noop, nullptr);
    TimerId b = r.tick(1000, noop, nullptr);
    EXPECT_EQ(a, 1);
    EXPECT_EQ(b, 2);
    EXPECT_TRUE(r.clear(b));
    TimerId c = r.after(1000, noop, nullptr);
    EXPECT_EQ(c, 3);
    EXPECT_TRUE(r.clear(a));
    EXPECT_TRUE(r.clear(c));
    EXPECT_GT(r.after(0, noop, nullptr), c);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(r.after(0, noop, nullptr), 5);
    EXPECT_EQ(r.run(), 0);
}

TEST(ReactorTimer, BadArgumentsAreRefused) {
    Reactor r;
    auto noop = [](TimerId, void *) {};
    errno = 0;
    EXPECT_EQ(r.tick(0, noop, nullptr), -1);
    EXPECT_EQ(errno, EINVAL);
    errno = 0;
    EXPECT_EQ(r.after(10, nullptr, nullptr), -1);
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(r.timer_count(), 0u);
    EXPECT_FALSE(r.clear(0));
    EXPECT_FALSE(r.clear(12345));
    // Refused calls did not consume ids.
    EXPECT_EQ(r.after(0, noop, nullptr), 1);
    EXPECT_EQ(r.run(), 0);
}

TEST(ReactorTimer, TickRepeatsAndClearsItself) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int calls = 0;
        TimerId id = 0;
        bool cleared = false;
    } ctx{&r};
    ctx.id = r.tick(
        2,
        [](TimerId id, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            EXPECT_EQ(id, c->id);
            EXPECT_TRUE(c->r->timer_exists(id));
            if (++c->calls == 3) c->cleared = c->r->clear(id);
        },
        &ctx);
    ASSERT_GT(ctx.id, 0);
    EXPECT_EQ(r.run(), 0);  // returns because the tick was the only thing left
    EXPECT_EQ(ctx.calls, 3);
    EXPECT_TRUE(ctx.cleared);
    EXPECT_FALSE(r.timer_exists(ctx.id));
    EXPECT_EQ(r.timer_count(), 0u);
}

TEST(ReactorTimer, OneShotExistsInItsCallbackAndMayClearItself) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        bool existed = false;
        bool cleared = false;
        size_t count_inside = 99;
    } ctx{&r};
    TimerId id = r.after(
        1,
        [](TimerId id, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->existed = c->r->timer_exists(id);
            c->cleared = c->r->clear(id);
            c->count_inside = c->r->timer_count();
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_TRUE(ctx.existed);
    EXPECT_TRUE(ctx.cleared);
    EXPECT_EQ(ctx.count_inside, 0u);
    EXPECT_FALSE(r.timer_exists(id));
}

TEST(ReactorTimer, CallbackClearsAnotherTimer) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        TimerId victim = 0;
        TimerId ticker = 0;
        bool victim_fired = false;
        bool ticker_fired = false;
        bool cleared = false;
    } ctx{&r};
    ctx.victim = r.after(30, [](TimerId, void *arg) { static_cast<Ctx *>(arg)->victim_fired = true; }, &ctx);
    ctx.ticker = r.tick(1000, [](TimerId, void *arg) { static_cast<Ctx *>(arg)->ticker_fired = true; }, &ctx);
    r.after(
        5,
        [](TimerId, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->cleared = c->r->clear(c->victim) && c->r->clear(c->ticker);
        },
        &ctx);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(r.run(), 0);
    EXPECT_TRUE(ctx.cleared);
    EXPECT_FALSE(ctx.victim_fired);
    EXPECT_FALSE(ctx.ticker_fired);
    // The loop ended when the cleared timers left, not at the tick's deadline.
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(900));
}

TEST(ReactorTimer, TimersDueTogetherMayClearEachOther) {
    // Both are due in the same turn; whichever runs first clears the other,
    // which must then not run (and must not be touched after being freed).
    Reactor r;
    struct Ctx {
        Reactor *r;
        TimerId ids[2] = {0, 0};
        int calls = 0;
    } ctx{&r};
    auto cb = [](TimerId id, void *arg) {
        auto *c = static_cast<Ctx *>(arg);
        ++c->calls;
        c->r->clear(id == c->ids[0] ? c->ids[1] : c->ids[0]);
    };
    ctx.ids[0] = r.after(0, cb, &ctx);
    ctx.ids[1] = r.after(0, cb, &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.calls, 1);
    EXPECT_EQ(r.timer_count(), 0u);
}

TEST(ReactorTimer, AfterZeroFromACallbackFiresOnALaterTurn) {
    Reactor r;
    TurnCounter turns(r);
    struct Ctx {
        Reactor *r;
        TurnCounter *turns;
        int first_turn = -1;
        int second_turn = -1;
    } ctx{&r, &turns};
    r.after(
        0,
        [](TimerId, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->first_turn = c->turns->turns;
            c->r->after(0, [](TimerId, void *arg) {
                auto *c = static_cast<Ctx *>(arg);
                c->second_turn = c->turns->turns;
            }, c);
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.first_turn, 0);
    EXPECT_GT(ctx.second_turn, ctx.first_turn);
}

// ---- fds --------------------------------------------------------------------

TEST(ReactorFd, ReadableAfterWrite) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        int calls = 0;
        int events = 0;
        char byte = 0;
    } ctx{&r};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventRead,
        [](int fd, int events, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->calls;
            c->events = events;
            EXPECT_EQ(read(fd, &c->byte, 1), 1);
            EXPECT_TRUE(c->r->remove(fd));
        },
        &ctx));
    EXPECT_TRUE(r.exists(sp.fd[0]));
    EXPECT_EQ(r.interest(sp.fd[0]), kEventRead);
    EXPECT_EQ(ctx.calls, 0);
    ASSERT_EQ(write(sp.fd[1], "x", 1), 1);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.calls, 1);
    EXPECT_EQ(ctx.events, kEventRead);
    EXPECT_EQ(ctx.byte, 'x');
    EXPECT_FALSE(r.exists(sp.fd[0]));
    EXPECT_EQ(r.interest(sp.fd[0]), 0);
}

TEST(ReactorFd, NotCalledBeforeDataArrives) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        SocketPair *sp;
        int fd_calls = 0;
        int ticks = 0;
    } ctx{&r, &sp};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventRead,
        [](int fd, int, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->fd_calls;
            c->r->remove(fd);
        },
        &ctx));
    // Three quiet ticks, then the peer writes; only then is the fd readable.
    r.tick(
        2,
        [](TimerId id, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            EXPECT_EQ(c->fd_calls, 0);
            if (++c->ticks == 3) {
                EXPECT_EQ(write(c->sp->fd[1], "y", 1), 1);
                c->r->clear(id);
            }
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.ticks, 3);
    EXPECT_EQ(ctx.fd_calls, 1);
}

TEST(ReactorFd, Writable) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        int events = 0;
    } ctx{&r};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventWrite,
        [](int fd, int events, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->events = events;
            c->r->remove(fd);
        },
        &ctx));
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.events, kEventWrite);
}

TEST(ReactorFd, ModifyChangesInterestAndKeepsCallback) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        std::vector<int> events;
    } ctx{&r, {}};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventRead,
        [](int fd, int events, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->events.push_back(events);
            if (events & kEventWrite) {
                // Switch back to read from inside the callback; data is waiting.
                EXPECT_TRUE(c->r->modify(fd, kEventRead));
            } else {
                char buf[8];
                EXPECT_EQ(read(fd, buf, sizeof buf), 1);
                c->r->remove(fd);
            }
        },
        &ctx));
    ASSERT_TRUE(r.modify(sp.fd[0], kEventWrite));
    EXPECT_EQ(r.interest(sp.fd[0]), kEventWrite);
    ASSERT_TRUE(r.modify(sp.fd[0], kEventWrite));  // unchanged is fine
    ASSERT_EQ(write(sp.fd[1], "z", 1), 1);
    EXPECT_EQ(r.run(), 0);
    // Readable data was there from the start but only write interest counted.
    EXPECT_EQ(ctx.events, (std::vector<int>{kEventWrite, kEventRead}));

    ASSERT_TRUE(r.add(sp.fd[0], kEventRead, [](int, int, void *) {}, nullptr));
    ASSERT_TRUE(r.modify(sp.fd[0], kEventRead | kEventWrite));
    EXPECT_EQ(r.interest(sp.fd[0]), kEventRead | kEventWrite);
    errno = 0;
    EXPECT_FALSE(r.modify(sp.fd[0], 0));
    EXPECT_EQ(errno, EINVAL);
    EXPECT_EQ(r.interest(sp.fd[0]), kEventRead | kEventWrite);
    EXPECT_TRUE(r.remove(sp.fd[0]));
}

TEST(ReactorFd, RemoveStopsCallbacks) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        int calls = 0;
        int ticks = 0;
    } ctx{&r};
    // Always writable: without remove() this would be called every turn.
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventWrite,
        [](int fd, int, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->calls;
            EXPECT_TRUE(c->r->remove(fd));
            EXPECT_FALSE(c->r->remove(fd));
        },
        &ctx));
    r.tick(
        1,
        [](TimerId id, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->ticks == 5) c->r->clear(id);
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.ticks, 5);
    EXPECT_EQ(ctx.calls, 1);
}

TEST(ReactorFd, CallbackRemovesAnotherReadyFd) {
    Reactor r;
    SocketPair a, b;
    struct Ctx {
        Reactor *r;
        int fds[2];
        int calls = 0;
    } ctx{&r, {a.fd[0], b.fd[0]}};
    // Both are writable in the same turn; the first to run removes both, so
    // the other one's (already ready) callback must not run.
    auto cb = [](int, int, void *arg) {
        auto *c = static_cast<Ctx *>(arg);
        ++c->calls;
        c->r->remove(c->fds[0]);
        c->r->remove(c->fds[1]);
    };
    ASSERT_TRUE(r.add(a.fd[0], kEventWrite, cb, &ctx));
    ASSERT_TRUE(r.add(b.fd[0], kEventWrite, cb, &ctx));
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.calls, 1);
}

TEST(ReactorFd, CallbackRemovesAndReAddsItsOwnFd) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        int first = 0;
        int second = 0;
    } ctx{&r};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventWrite,
        [](int fd, int, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->first;
            EXPECT_TRUE(c->r->remove(fd));
            EXPECT_TRUE(c->r->add(
                fd, kEventWrite,
                [](int fd, int events, void *arg) {
                    auto *c = static_cast<Ctx *>(arg);
                    ++c->second;
                    EXPECT_EQ(events, kEventWrite);
                    c->r->remove(fd);
                },
                c));
        },
        &ctx));
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.first, 1);
    EXPECT_EQ(ctx.second, 1);
}

TEST(ReactorFd, AddTwiceFailsWithEexistAndBadCallsFail) {
    Reactor r;
    SocketPair sp;
    auto noop = [](int, int, void *) {};
    ASSERT_TRUE(r.add(sp.fd[0], kEventRead, noop, nullptr));
    errno = 0;
    EXPECT_FALSE(r.add(sp.fd[0], kEventWrite, noop, nullptr));
    EXPECT_EQ(errno, EEXIST);
    EXPECT_EQ(r.interest(sp.fd[0]), kEventRead);

    errno = 0;
    EXPECT_FALSE(r.modify(sp.fd[1], kEventRead));
    EXPECT_EQ(errno, ENOENT);
    errno = 0;
    EXPECT_FALSE(r.remove(sp.fd[1]));
    EXPECT_EQ(errno, ENOENT);
    errno = 0;
    EXPECT_FALSE(r.add(sp.fd[1], 0, noop, nullptr));
    EXPECT_EQ(errno, EINVAL);
    errno = 0;
    EXPECT_FALSE(r.add(sp.fd[1], kEventRead, nullptr, nullptr));
    EXPECT_EQ(errno, EINVAL);
    errno = 0;
    EXPECT_FALSE(r.add(-1, kEventRead, noop, nullptr));
    EXPECT_EQ(errno, EBADF);
    EXPECT_FALSE(r.exists(-1));
    EXPECT_FALSE(r.exists(sp.fd[1]));

    EXPECT_TRUE(r.remove(sp.fd[0]));
    EXPECT_TRUE(r.add(sp.fd[0], kEventWrite, noop, nullptr));  // free again after remove
    EXPECT_TRUE(r.remove(sp.fd[0]));
}

// ---- signals ----------------------------------------------------------------

TEST(ReactorSignal, RaisedSignalIsHandledInTheLoop) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int signo = 0;
        int calls = 0;
        bool in_loop = false;
    } ctx{&r};
    ASSERT_TRUE(r.on_signal(
        SIGUSR1,
        [](int signo, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->signo = signo;
            ++c->calls;
            c->in_loop = c->r->running();
            EXPECT_TRUE(c->r->on_signal(SIGUSR1, nullptr, nullptr));  // remove from inside
        },
        &ctx));
    r.defer([](void *) { raise(SIGUSR1); }, nullptr);
    EXPECT_EQ(r.run(), 0);  // returns: the handler removed the last registration
    EXPECT_EQ(ctx.calls, 1);
    EXPECT_EQ(ctx.signo, SIGUSR1);
    EXPECT_TRUE(ctx.in_loop);
}

TEST(ReactorSignal, KillToSelfIsDelivered) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int calls = 0;
    } ctx{&r};
    ASSERT_TRUE(r.on_signal(
        SIGUSR2,
        [](int signo, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            EXPECT_EQ(signo, SIGUSR2);
            ++c->calls;
            c->r->on_signal(SIGUSR2, nullptr, nullptr);
        },
        &ctx));
    // Raised before run(): the signal waits in libevent until the loop runs.
    ASSERT_EQ(kill(getpid(), SIGUSR2), 0);
    EXPECT_EQ(ctx.calls, 0);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.calls, 1);
}

TEST(ReactorSignal, RemovedHandlerNoLongerRunsOrKeepsTheLoopAlive) {
    // Ignored first, so once our handler is gone the raise below is harmless.
    auto previous = signal(SIGUSR2, SIG_IGN);
    {
        Reactor r;
        int calls = 0;
        auto cb = [](int, void *arg) { ++*static_cast<int *>(arg); };
        ASSERT_TRUE(r.on_signal(SIGUSR2, cb, &calls));
        ASSERT_TRUE(r.on_signal(SIGUSR2, nullptr, nullptr));
        auto start = std::chrono::steady_clock::now();
        EXPECT_EQ(r.run(), 0);  // nothing registered: returns at once
        EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(500));

        r.defer([](void *) { raise(SIGUSR2); }, nullptr);
        struct Ticks {
            Reactor *r;
            int n = 0;
        } ticks{&r};
        r.tick(
            2,
            [](TimerId id, void *arg) {
                auto *t = static_cast<Ticks *>(arg);
                if (++t->n == 3) t->r->clear(id);
            },
            &ticks);
        EXPECT_EQ(r.run(), 0);
        EXPECT_EQ(ticks.n, 3);
        EXPECT_EQ(calls, 0);
    }
    signal(SIGUSR2, previous);
}

TEST(ReactorSignal, ReplacingTheHandlerKeepsOneRegistration) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int first = 0;
        int second = 0;
    } ctx{&r};
    ASSERT_TRUE(r.on_signal(SIGUSR1, [](int, void *arg) { ++static_cast<Ctx *>(arg)->first; }, &ctx));
    ASSERT_TRUE(r.on_signal(
        SIGUSR1,
        [](int, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->second;
            c->r->on_signal(SIGUSR1, nullptr, nullptr);
        },
        &ctx));
    r.defer([](void *) { raise(SIGUSR1); }, nullptr);
    // One removal undoes the (single) registration, so the loop ends.
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.first, 0);
    EXPECT_EQ(ctx.second, 1);
}

TEST(ReactorSignal, InvalidSignalNumbersAreRefused) {
    Reactor r;
    auto cb = [](int, void *) {};
    errno = 0;
    EXPECT_FALSE(r.on_signal(0, cb, nullptr));
    EXPECT_EQ(errno, EINVAL);
    EXPECT_FALSE(r.on_signal(-3, cb, nullptr));
    EXPECT_FALSE(r.on_signal(NSIG, cb, nullptr));
    EXPECT_FALSE(r.on_signal(NSIG + 10, cb, nullptr));
    EXPECT_EQ(r.run(), 0);
}

// ---- defer and turn hooks -----------------------------------------------------

TEST(ReactorDefer, RunsInFifoOrder) {
    Reactor r;
    struct Item {
        std::vector<int> *out;
        int value;
    };
    std::vector<int> out;
    Item items[] = {{&out, 1}, {&out, 2}, {&out, 3}, {&out, 4}};
    for (Item &item : items) {
        r.defer(
            [](void *arg) {
                auto *i = static_cast<Item *>(arg);
                i->out->push_back(i->value);
            },
            &item);
    }
    EXPECT_TRUE(out.empty());  // nothing runs before the loop does
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(out, (std::vector<int>{1, 2, 3, 4}));
}

TEST(ReactorDefer, DeferFromDeferRunsOnTheNextTurn) {
    Reactor r;
    TurnCounter turns(r);
    struct Ctx {
        Reactor *r;
        TurnCounter *turns;
        int outer_turn = -1;
        int sibling_turn = -1;
        int inner_turn = -1;
    } ctx{&r, &turns};
    r.defer(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->outer_turn = c->turns->turns;
            c->r->defer([](void *arg) {
                auto *c = static_cast<Ctx *>(arg);
                c->inner_turn = c->turns->turns;
            }, c);
        },
        &ctx);
    r.defer(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->sibling_turn = c->turns->turns;
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.outer_turn, 0);
    EXPECT_EQ(ctx.sibling_turn, 0);
    EXPECT_EQ(ctx.inner_turn, 1);
}

TEST(ReactorDefer, PendingDeferDoesNotWaitForIo) {
    Reactor r;
    SocketPair sp;
    struct Ctx {
        Reactor *r;
        int fd;
        int runs = 0;
    } ctx{&r, sp.fd[0]};
    // A read interest that never becomes ready would block a waiting turn forever.
    ASSERT_TRUE(r.add(sp.fd[0], kEventRead, [](int, int, void *) { ADD_FAILURE(); }, nullptr));
    struct Self {
        static void again(void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->runs < 5) {
                c->r->defer(&Self::again, c);
            } else {
                c->r->remove(c->fd);
            }
        }
    };
    r.defer(&Self::again, &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.runs, 5);
}

TEST(ReactorHook, CalledAtTheEndOfEveryTurnUntilRemoved) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int hook_calls = 0;
        int ticks = 0;
        int hook_id = 0;
        int ticks_seen_by_hook = -1;
    } ctx{&r};
    ctx.hook_id = r.add_turn_hook(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            ++c->hook_calls;
            c->ticks_seen_by_hook = c->ticks;  // turn's callbacks ran before the hook
            if (c->hook_calls == 3) c->r->remove_turn_hook(c->hook_id);
        },
        &ctx);
    ASSERT_GT(ctx.hook_id, 0);
    r.tick(
        1,
        [](TimerId id, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->ticks == 6) c->r->clear(id);
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.ticks, 6);
    EXPECT_EQ(ctx.hook_calls, 3);
    EXPECT_GE(ctx.ticks_seen_by_hook, 1);
    EXPECT_LE(ctx.ticks_seen_by_hook, 3);
    r.remove_turn_hook(ctx.hook_id);  // removing twice is harmless
    r.remove_turn_hook(9999);
}

TEST(ReactorHook, HookAddedDuringHooksRunsFromTheNextTurn) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int outer = 0;
        int inner = 0;
        int inner_id = 0;
        int outer_id = 0;
    } ctx{&r};
    ctx.outer_id = r.add_turn_hook(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->outer == 1) {
                c->inner_id = c->r->add_turn_hook([](void *arg) { ++static_cast<Ctx *>(arg)->inner; }, c);
            }
        },
        &ctx);
    r.defer([](void *) {}, nullptr);
    r.defer([](void *arg) { static_cast<Reactor *>(arg)->defer([](void *) {}, nullptr); }, &r);
    EXPECT_EQ(r.run(), 0);  // two turns: the second defer re-defers once
    EXPECT_EQ(ctx.outer, 2);
    EXPECT_EQ(ctx.inner, 1);
    EXPECT_GT(ctx.inner_id, ctx.outer_id);
    r.remove_turn_hook(ctx.outer_id);
    r.remove_turn_hook(ctx.inner_id);
}

// ---- the loop -----------------------------------------------------------------

TEST(ReactorLoop, RunReturnsWhenNothingIsLeft) {
    Reactor r;
    EXPECT_EQ(r.run(), 0);  // empty: returns at once
    EXPECT_FALSE(r.running());
    int fired = 0;
    r.after(3, [](TimerId, void *arg) { ++*static_cast<int *>(arg); }, &fired);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(fired, 1);
    EXPECT_EQ(r.run(), 0);  // and again, nothing left
    EXPECT_EQ(fired, 1);
}

TEST(ReactorLoop, ForeignEventsOnTheBaseKeepTheLoopAlive) {
    // Like a parked coroutine's sleep timer: attached straight to base().
    Reactor r;
    int fired = 0;
    event *ev = evtimer_new(r.base(), [](evutil_socket_t, short, void *arg) { ++*static_cast<int *>(arg); }, &fired);
    ASSERT_NE(ev, nullptr);
    timeval tv{0, 20 * 1000};
    ASSERT_EQ(evtimer_add(ev, &tv), 0);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(fired, 1);
    event_free(ev);
}

TEST(ReactorLoop, StopEndsALoopThatStillHasATick) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int ticks = 0;
    } ctx{&r};
    TimerId id = r.tick(
        1,
        [](TimerId, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->ticks % 3 == 0) c->r->stop();
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.ticks, 3);
    EXPECT_FALSE(r.running());
    EXPECT_TRUE(r.timer_exists(id));  // stop() does not tear anything down
    // A later run() continues, and stop() outside a run has no lasting effect.
    r.stop();
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.ticks, 6);
    EXPECT_TRUE(r.clear(id));
}

TEST(ReactorLoop, StopFinishesTheCurrentTurn) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        bool sibling_ran = false;
        int hook_calls = 0;
        bool next_turn_ran = false;
    } ctx{&r};
    r.defer(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->r->stop();
            c->r->defer([](void *arg) { static_cast<Ctx *>(arg)->next_turn_ran = true; }, c);
        },
        &ctx);
    r.defer([](void *arg) { static_cast<Ctx *>(arg)->sibling_ran = true; }, &ctx);
    r.add_turn_hook([](void *arg) { ++static_cast<Ctx *>(arg)->hook_calls; }, &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_TRUE(ctx.sibling_ran);
    EXPECT_EQ(ctx.hook_calls, 1);
    EXPECT_FALSE(ctx.next_turn_ran);
    EXPECT_EQ(r.run(), 0);  // the leftover defer runs on the next run()
    EXPECT_TRUE(ctx.next_turn_ran);
}

TEST(ReactorLoop, RunIsNotReentrant) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        int nested = 0;
        bool running_inside = false;
    } ctx{&r};
    r.defer(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->running_inside = c->r->running();
            c->nested = c->r->run();
        },
        &ctx);
    EXPECT_FALSE(r.running());
    EXPECT_EQ(r.run(), 0);
    EXPECT_TRUE(ctx.running_inside);
    EXPECT_EQ(ctx.nested, -1);
    EXPECT_FALSE(r.running());
}

TEST(ReactorLoop, CurrentIsTheFirstReactorOnTheThread) {
    // A fresh thread, so reactors of other tests cannot interfere.
    std::thread([] {
        EXPECT_EQ(Reactor::current(), nullptr);
        auto first = std::make_unique<Reactor>();
        EXPECT_EQ(Reactor::current(), first.get());
        {
            Reactor second;
            EXPECT_EQ(Reactor::current(), first.get());
        }
        EXPECT_EQ(Reactor::current(), first.get());
        first.reset();
        EXPECT_EQ(Reactor::current(), nullptr);
        Reactor third;
        EXPECT_EQ(Reactor::current(), &third);
        std::thread([] { EXPECT_EQ(Reactor::current(), nullptr); }).join();
    }).join();
}

TEST(ReactorLoop, DestructorReleasesEverythingLeftRegistered) {
    // Run under ASan/LSan: every event, timer, signal and queue must be freed.
    SocketPair sp;
    auto previous = signal(SIGUSR2, SIG_IGN);
    {
        Reactor r;
        ASSERT_NE(r.base(), nullptr);
        ASSERT_TRUE(r.add(sp.fd[0], kEventRead, [](int, int, void *) {}, nullptr));
        ASSERT_TRUE(r.add(sp.fd[1], kEventWrite, [](int, int, void *) {}, nullptr));
        r.after(10000, [](TimerId, void *) {}, nullptr);
        r.tick(10000, [](TimerId, void *) {}, nullptr);
        ASSERT_TRUE(r.on_signal(SIGUSR2, [](int, void *) {}, nullptr));
        r.defer([](void *) { ADD_FAILURE(); }, nullptr);
        r.add_turn_hook([](void *) {}, nullptr);
        EXPECT_EQ(r.timer_count(), 2u);
    }
    // The handler libevent installed was taken down with the reactor.
    EXPECT_EQ(signal(SIGUSR2, previous), SIG_IGN);
}

// ---- start-of-turn hooks, single turns, serials -------------------------------

TEST(ReactorHook, StartHooksRunBeforeDeferredAndEndHooksAfter) {
    Reactor r;
    std::vector<char> order;
    int start_id = r.add_turn_hook([](void *arg) { static_cast<std::vector<char> *>(arg)->push_back('s'); }, &order, true);
    int end_id = r.add_turn_hook([](void *arg) { static_cast<std::vector<char> *>(arg)->push_back('e'); }, &order);
    r.defer([](void *arg) { static_cast<std::vector<char> *>(arg)->push_back('d'); }, &order);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(order, (std::vector<char>{'s', 'd', 'e'}));
    r.remove_turn_hook(start_id);
    r.remove_turn_hook(end_id);
}

TEST(ReactorLoop, RunOnceRunsExactlyOneTurn) {
    Reactor r;
    TurnCounter turns(r);
    EXPECT_TRUE(r.run_once());  // nothing registered: one empty turn, no blocking
    EXPECT_EQ(turns.turns, 1);
    EXPECT_FALSE(r.has_work());
    int fired = 0;
    TimerId id = r.tick(2, [](TimerId, void *arg) { ++*static_cast<int *>(arg); }, &fired);
    EXPECT_TRUE(r.has_work());
    EXPECT_TRUE(r.run_once());  // waits for the first tick only
    EXPECT_EQ(fired, 1);
    EXPECT_EQ(turns.turns, 2);
    EXPECT_TRUE(r.run_once());
    EXPECT_EQ(fired, 2);
    r.clear(id);
    EXPECT_FALSE(r.has_work());
    EXPECT_FALSE(r.running());
}

TEST(ReactorLoop, RunOnceIsRefusedInsideTheLoop) {
    Reactor r;
    struct Ctx {
        Reactor *r;
        bool result = true;
        int err = 0;
    } ctx{&r};
    r.defer(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->result = c->r->run_once();
            c->err = errno;
        },
        &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_FALSE(ctx.result);
    EXPECT_EQ(ctx.err, EBUSY);
}

TEST(ReactorLoop, EveryReactorHasItsOwnSerial) {
    uint64_t first;
    {
        Reactor a;
        first = a.serial();
        EXPECT_GT(first, 0u);
    }
    Reactor b;  // may reuse a's memory, never its serial
    EXPECT_GT(b.serial(), first);
}

TEST(ReactorDefer, AlwaysReadyFdDoesNotStarveDeferredCalls) {
    Reactor r;
    SocketPair sp;
    ASSERT_EQ(write(sp.fd[1], "x", 1), 1);  // never read: ready on every poll
    struct Ctx {
        Reactor *r;
        int fd;
        int reads = 0;
        int defers = 0;
    } ctx{&r, sp.fd[0]};
    ASSERT_TRUE(r.add(
        sp.fd[0], kEventRead,
        [](int fd, int, void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->reads == 1000) c->r->remove(fd);  // a stop if defers starve
        },
        &ctx));
    struct Self {
        static void again(void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            if (++c->defers < 3) {
                c->r->defer(&Self::again, c);
            } else {
                c->r->remove(c->fd);
            }
        }
    };
    r.defer(&Self::again, &ctx);
    EXPECT_EQ(r.run(), 0);
    EXPECT_EQ(ctx.defers, 3);
    EXPECT_LE(ctx.reads, 3);  // one poll per turn
}
