// kernel/server/output_buffer: memory chunks and file ranges leave in the
// order they were queued; a file range goes out with sendfile(2) without
// ever occupying buffer memory, or is loaded ≤ 64 KiB at a time (TLS path).
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>

#include "server/output_buffer.h"

using swoole::kernel::OutputBuffer;

namespace {

struct TempFile {
    std::string path;
    std::string content;
    explicit TempFile(size_t size) {
        char name[] = "/tmp/swoole-output-test-XXXXXX";
        int fd = ::mkstemp(name);
        path = name;
        content.resize(size);
        for (size_t i = 0; i < size; ++i) content[i] = static_cast<char>('a' + (i * 7 + i / 251) % 26);
        EXPECT_EQ(::write(fd, content.data(), size), static_cast<ssize_t>(size));
        ::close(fd);
    }
    ~TempFile() { ::unlink(path.c_str()); }
    int open() const { return ::open(path.c_str(), O_RDONLY | O_CLOEXEC); }
};

// Nonblocking writer end, blocking-free reader: alternate writes and reads
// until the buffer is empty, collecting what arrived.
std::string pump(OutputBuffer &out, int wfd, int rfd, size_t *max_memory = nullptr) {
    std::string got;
    char buf[65536];
    for (int guard = 0; !out.empty() && guard < 100000; ++guard) {
        if (max_memory) *max_memory = std::max(*max_memory, out.size());
        ssize_t n = out.write_to(wfd);
        if (n < 0) EXPECT_EQ(errno, EAGAIN) << strerror(errno);
        ssize_t r;
        while ((r = ::recv(rfd, buf, sizeof buf, MSG_DONTWAIT)) > 0) got.append(buf, static_cast<size_t>(r));
    }
    ssize_t r;
    while ((r = ::recv(rfd, buf, sizeof buf, MSG_DONTWAIT)) > 0) got.append(buf, static_cast<size_t>(r));
    return got;
}

struct Pair {
    int fds[2];
    Pair() {
        EXPECT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds), 0);
        int small = 16 * 1024;  // a slow reader: the writer keeps hitting EAGAIN
        ::setsockopt(fds[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    }
    ~Pair() {
        ::close(fds[0]);
        ::close(fds[1]);
    }
};

int open_fd_count() {
    int n = 0;
    for (int fd = 0; fd < 1024; ++fd) n += ::fcntl(fd, F_GETFD) >= 0;
    return n;
}

}  // namespace

TEST(ServerOutputBuffer, FileRangeKeepsOrderWithoutMemory) {
    TempFile file(1024 * 1024 + 17);
    Pair p;
    int fds_before = open_fd_count();
    OutputBuffer out;
    out.append("head:", 5);
    out.append_file(file.open(), 100, file.content.size() - 200);
    out.append(":mid:", 5);
    out.append_file(file.open(), 0, 10);
    out.append(":tail", 5);
    EXPECT_EQ(out.size(), 15u);
    EXPECT_EQ(out.file_bytes(), file.content.size() - 200 + 10);
    size_t max_memory = 0;
    std::string got = pump(out, p.fds[0], p.fds[1], &max_memory);
    std::string want = "head:" + file.content.substr(100, file.content.size() - 200) + ":mid:" +
                       file.content.substr(0, 10) + ":tail";
    ASSERT_EQ(got.size(), want.size());
    EXPECT_TRUE(got == want);
    EXPECT_LE(max_memory, 15u);  // the file never went through the buffer's memory
    EXPECT_TRUE(out.empty());
    EXPECT_EQ(open_fd_count(), fds_before);  // both file descriptors closed when sent
}

TEST(ServerOutputBuffer, LoadFileFrontReadsSmallSteps) {
    TempFile file(200 * 1024 + 3);
    OutputBuffer out;
    out.append("x", 1);
    out.append_file(file.open(), 0, file.content.size());
    out.append("y", 1);
    std::string got;
    while (!out.empty()) {
        if (out.front_is_file()) {
            size_t before = out.file_bytes();
            ASSERT_TRUE(out.load_file_front());
            EXPECT_LE(before - out.file_bytes(), OutputBuffer::kChunkSize);
            EXPECT_LE(out.size(), OutputBuffer::kChunkSize + 1);
        }
        std::string_view f = out.front();
        ASSERT_FALSE(f.empty());
        size_t take = std::min<size_t>(f.size(), 1000);  // partial writes, as TLS records may be
        got.append(f.substr(0, take));
        out.consume(take);
    }
    EXPECT_TRUE(got == "x" + file.content + "y");
}

TEST(ServerOutputBuffer, ShrunkFileIsAnError) {
    TempFile file(1000);
    Pair p;
    OutputBuffer out;
    out.append_file(file.open(), 0, 5000);  // more than the file holds
    char buf[8192];
    ssize_t n;
    while ((n = out.write_to(p.fds[0])) > 0) {
    }
    EXPECT_EQ(n, -1);
    EXPECT_EQ(errno, EIO);
    ssize_t r = ::recv(p.fds[1], buf, sizeof buf, MSG_DONTWAIT);
    EXPECT_EQ(r, 1000);
    EXPECT_FALSE(out.empty());
    OutputBuffer tls_side;
    tls_side.append_file(file.open(), 990, 100);
    ASSERT_TRUE(tls_side.load_file_front());  // the 10 bytes there
    EXPECT_EQ(tls_side.front().size(), 10u);
    tls_side.consume(10);
    EXPECT_FALSE(tls_side.load_file_front());
    EXPECT_EQ(errno, EIO);
    out.clear();
    EXPECT_TRUE(out.empty());
}
