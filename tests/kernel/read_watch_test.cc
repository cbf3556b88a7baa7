// The socket's persistent read interest (kernel/coroutine/read_watch.h):
// request/response turns reuse one added event, and an armed event never
// keeps the loop alive, spins, outlives its fd or its loop.
#include <gtest/gtest.h>

#include <sys/socket.h>

#include <chrono>
#include <memory>
#include <string>

#include "coroutine/coroutine.h"
#include "coroutine/read_watch.h"
#include "reactor/reactor.h"
#include "run_coroutines.h"
#include "socket/socket.h"

using namespace swoole::kernel;

namespace {

using test_support::Body;
using test_support::run_coroutines;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

void go(Body *f) {
    Coroutine::create([](void *arg) { (*static_cast<Body *>(arg))(); }, f);
}

}  // namespace

TEST(SocketReadWatch, RequestResponseTurnsKeepOneEventAndTheLoopStillEnds) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    Body server = [&] {  // echoes 100 one-byte requests
        char c;
        for (int i = 0; i < 100; ++i) {
            ASSERT_EQ(b->recv(&c, 1, 5), 1);
            ASSERT_EQ(b->send(&c, 1, 5), 1);
        }
    };
    auto t = Clock::now();
    run_coroutines({[&] {
        go(&server);
        for (int i = 0; i < 100; ++i) {
            char c = char('a' + i % 26), back = 0;
            ASSERT_EQ(a->send(&c, 1, 5), 1);
            ASSERT_EQ(a->recv(&back, 1, 5), 1);
            ASSERT_EQ(back, c);
        }
    }}, 10);
    // Both sockets are still open with their events left armed by the last
    // waits: the next turn's sweep removed them and run() returned.
    EXPECT_LT(seconds_since(t), 5);
    EXPECT_TRUE(a->valid());
    EXPECT_TRUE(b->valid());
}

TEST(SocketReadWatch, UnreadBytesWithNobodyWaitingDoNotSpinOrHoldTheLoop) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    Body late = [&] {
        Coroutine::sleep(0.01);
        b->send("xyz", 3);  // arrives while nobody reads a
    };
    auto t = Clock::now();
    run_coroutines({[&] {
        char c;
        go(&late);
        b->send("1", 1);
        ASSERT_EQ(a->recv(&c, 1, 5), 1);  // arms a's watch
        Coroutine::sleep(0.05);             // the bytes come and stay unread
    }}, 10);
    EXPECT_LT(seconds_since(t), 5);
    // Still there for the next read, on a new loop.
    run_coroutines({[&] {
        char buf[8];
        EXPECT_EQ(a->recv(buf, sizeof buf, 5), 3);
        EXPECT_EQ(std::string(buf, 3), "xyz");
    }});
}

TEST(SocketReadWatch, ClosedSocketsFdReusedByANewOneWaitsOnTheNewOne) {
    run_coroutines({[&] {
        std::unique_ptr<Socket> a, b;
        ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
        char c;
        b->send("1", 1);
        ASSERT_EQ(a->recv(&c, 1, 5), 1);
        b->send("2", 1);
        ASSERT_EQ(a->recv(&c, 1, 5), 1);  // armed now
        int old_fd = a->fd();
        EXPECT_TRUE(a->close());
        std::unique_ptr<Socket> x, y;
        ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, x, y));
        // Whatever number the new pair got (often old_fd), reading it works.
        (void)old_fd;
        Body writer = [&] {
            Coroutine::sleep(0.01);
            y->send("n", 1);
        };
        go(&writer);
        ASSERT_EQ(x->recv(&c, 1, 5), 1);
        EXPECT_EQ(c, 'n');
        Coroutine::sleep(0.02);  // let the writer finish
    }});
}

TEST(SocketReadWatch, TimeoutCancelCloseAndASecondWaiterStillWork) {
    std::unique_ptr<Socket> a, b;
    ASSERT_TRUE(Socket::make_pair(AF_UNIX, SOCK_STREAM, 0, a, b));
    int waited = 0;
    Body second_waiter = [&] {  // wait_event is not bound: a second one parks on its own
        if (a->wait_event(kEventRead, 5)) waited++;
    };
    run_coroutines({[&] {
        char c;
        auto t = Clock::now();
        EXPECT_EQ(a->recv(&c, 1, 0.05), -1);
        EXPECT_EQ(a->error_code(), ETIMEDOUT);
        EXPECT_LT(seconds_since(t), 2);
        // A timed-out wait leaves the watch usable.
        b->send("a", 1);
        EXPECT_EQ(a->recv(&c, 1, 5), 1);

        go(&second_waiter);
        Body first_waiter = [&] {
            if (a->wait_event(kEventRead, 5)) waited++;
        };
        go(&first_waiter);
        b->send("b", 1);
        Coroutine::sleep(0.02);
        EXPECT_EQ(waited, 2);
        EXPECT_EQ(a->recv(&c, 1, 5), 1);

        int64_t reader = 0;
        ssize_t result = 0;
        int code = 0;
        Body parked = [&] {
            reader = Coroutine::current_id();
            char d;
            result = a->recv(&d, 1, -1);
            code = a->error_code();
        };
        go(&parked);
        EXPECT_TRUE(Coroutine::cancel(reader));
        EXPECT_EQ(result, -1);
        EXPECT_EQ(code, ECANCELED);
        go(&parked);
        EXPECT_TRUE(a->close());
        EXPECT_EQ(result, -1);
        EXPECT_EQ(code, EBADF);
    }});
}
