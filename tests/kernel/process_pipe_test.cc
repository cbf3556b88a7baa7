// kernel/process: UnixPipe and its I/O helpers, MsgQueue, listen_stream.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <string>

#include "coroutine/coroutine.h"
#include "process/listener.h"
#include "process/msg_queue.h"
#include "process/unix_pipe.h"
#include "reactor/reactor.h"

using namespace swoole::kernel;

TEST(ProcessPipe, DatagramKeepsMessagesAndTruncatesLongOnes) {
    UnixPipe pipe;
    ASSERT_TRUE(pipe.open(SOCK_DGRAM));
    int m = pipe.fd(UnixPipe::master), w = pipe.fd(UnixPipe::worker);
    EXPECT_EQ(pipe_write(m, "hello", 5, true, 1), 5);
    EXPECT_EQ(pipe_write(m, "world!", 6, true, 1), 6);
    char buf[16];
    EXPECT_EQ(pipe_read(w, buf, sizeof buf, true, 1), 5);
    EXPECT_EQ(std::string(buf, 5), "hello");
    EXPECT_EQ(pipe_read(w, buf, 3, true, 1), 3);  // the rest of "world!" is dropped
    EXPECT_EQ(std::string(buf, 3), "wor");
    EXPECT_EQ(pipe_read(w, buf, sizeof buf, false, 1), -1);
    EXPECT_EQ(errno, EAGAIN);
    // A datagram bigger than the default socket buffer still fits.
    std::string big(70000, 'x');
    EXPECT_EQ(pipe_write(w, big.data(), big.size(), true, 1), static_cast<ssize_t>(big.size()));
    std::string got(65536, '\0');
    EXPECT_EQ(pipe_read(m, got.data(), got.size(), true, 1), 65536);
}

TEST(ProcessPipe, StreamBothDirectionsAndTimeout) {
    UnixPipe pipe;
    ASSERT_TRUE(pipe.open(SOCK_STREAM));
    EXPECT_EQ(pipe.type(), SOCK_STREAM);
    int m = pipe.fd(UnixPipe::master), w = pipe.fd(UnixPipe::worker);
    EXPECT_EQ(pipe_write(w, "abc", 3, true, 1), 3);
    char buf[8];
    EXPECT_EQ(pipe_read(m, buf, sizeof buf, true, 1), 3);
    auto start = std::chrono::steady_clock::now();
    EXPECT_EQ(pipe_read(m, buf, sizeof buf, true, 0.05), -1);
    EXPECT_EQ(errno, EAGAIN);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(45));
    pipe.close(UnixPipe::worker);
    EXPECT_EQ(pipe.fd(UnixPipe::worker), -1);
    EXPECT_EQ(pipe_read(m, buf, sizeof buf, true, 1), 0);  // end of stream
    pipe.close_all();
    EXPECT_FALSE(pipe.is_open());
}

TEST(ProcessPipe, ReadInsideCoroutineParksOnlyThatCoroutine) {
    Reactor reactor;
    UnixPipe pipe;
    ASSERT_TRUE(pipe.open(SOCK_DGRAM));
    struct Ctx {
        UnixPipe *pipe;
        std::string got;
        bool writer_ran = false;
    } ctx{&pipe};
    Coroutine::create(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            char buf[16];
            ssize_t n = pipe_read(c->pipe->fd(UnixPipe::worker), buf, sizeof buf, true, 2);
            if (n > 0) c->got.assign(buf, n);
        },
        &ctx);
    Coroutine::create(
        [](void *arg) {
            auto *c = static_cast<Ctx *>(arg);
            c->writer_ran = true;
            pipe_write(c->pipe->fd(UnixPipe::master), "ping", 4, true, 1);
        },
        &ctx);
    reactor.run();
    EXPECT_TRUE(ctx.writer_ran);
    EXPECT_EQ(ctx.got, "ping");
}

TEST(ProcessMsgQueue, RoundTripTypesAndNonBlocking) {
    MsgQueue queue;
    ASSERT_TRUE(queue.open(0));
    EXPECT_TRUE(queue.is_open());
    ASSERT_TRUE(queue.push(1, "one", 3));
    ASSERT_TRUE(queue.push(2, "two", 3));
    size_t num = 0, bytes = 0;
    ASSERT_TRUE(queue.stat(num, bytes));
    EXPECT_EQ(num, 2u);
    EXPECT_EQ(bytes, 6u);
    char buf[16];
    long type = 0;
    EXPECT_EQ(queue.pop(2, buf, sizeof buf, &type), 3);  // targeted
    EXPECT_EQ(std::string(buf, 3), "two");
    EXPECT_EQ(type, 2);
    EXPECT_EQ(queue.pop(0, buf, 2), -1);  // too long for the buffer: stays queued
    EXPECT_EQ(errno, E2BIG);
    EXPECT_EQ(queue.pop(0, buf, sizeof buf), 3);
    queue.set_blocking(false);
    EXPECT_EQ(queue.pop(0, buf, sizeof buf), -1);
    EXPECT_EQ(errno, ENOMSG);
    EXPECT_TRUE(queue.destroy());
    EXPECT_FALSE(queue.destroy());
}

TEST(ProcessMsgQueue, SharedAcrossFork) {
    MsgQueue queue;
    ASSERT_TRUE(queue.open(0));
    pid_t pid = fork();
    if (pid == 0) {
        bool ok = queue.push(7, "from child", 10);
        _exit(ok ? 0 : 1);
    }
    char buf[32];
    EXPECT_EQ(queue.pop(7, buf, sizeof buf), 10);  // blocks until the child sent it
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_EQ(WEXITSTATUS(status), 0);
    queue.destroy();
}

TEST(ProcessListener, TcpAndUnix) {
    int fd = listen_stream("127.0.0.1", 0, 16, false);
    ASSERT_GE(fd, 0);
    close(fd);
    EXPECT_EQ(listen_stream("not-an-ip", 80, 16, false), -1);
    EXPECT_EQ(errno, EINVAL);
    std::string path = "/tmp/swoole-proc-test-" + std::to_string(getpid()) + ".sock";
    fd = listen_stream(path, 0, 16, true);
    ASSERT_GE(fd, 0);
    close(fd);
    fd = listen_stream(path, 0, 16, true);  // a stale file is replaced
    ASSERT_GE(fd, 0);
    close(fd);
    unlink(path.c_str());
}
