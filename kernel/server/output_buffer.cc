#include "server/output_buffer.h"

#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace swoole::kernel {

namespace {
// One sendfile(2) call moves at most this much, so a fast reader of a huge
// file still lets the loop look at other connections between calls.
constexpr size_t kMaxSendfile = 4 * 1024 * 1024;
}  // namespace

OutputBuffer::Chunk OutputBuffer::take_memory_chunk(size_t length) {
    if (spare_.data && spare_.capacity >= std::min(length, kChunkSize)) {
        Chunk c = std::move(spare_);
        spare_ = Chunk{};
        c.head = c.tail = 0;
        return c;
    }
    Chunk c;
    c.capacity = std::max(length, kChunkSize);
    c.data.reset(new char[c.capacity]);
    return c;
}

void OutputBuffer::append(const char *data, size_t length) {
    size_ += length;
    while (length > 0) {
        if (chunks_.empty() || chunks_.back().file >= 0 || chunks_.back().tail == chunks_.back().capacity) {
            chunks_.push_back(take_memory_chunk(length));
        }
        Chunk &c = chunks_.back();
        size_t n = std::min(length, c.capacity - c.tail);
        std::memcpy(c.data.get() + c.tail, data, n);
        c.tail += n;
        data += n;
        length -= n;
    }
}

void OutputBuffer::append_file(int file_fd, off_t offset, size_t length) {
    if (length == 0) {
        ::close(file_fd);
        return;
    }
    Chunk c;
    c.file = file_fd;
    c.file_pos = offset;
    c.file_left = length;
    chunks_.push_back(std::move(c));
    file_bytes_ += length;
}

std::string_view OutputBuffer::front() const {
    if (chunks_.empty() || chunks_.front().file >= 0) return {};
    const Chunk &c = chunks_.front();
    return {c.data.get() + c.head, c.tail - c.head};
}

void OutputBuffer::consume(size_t n) {
    size_ -= n;
    while (n > 0 && !chunks_.empty() && chunks_.front().file < 0) {
        Chunk &c = chunks_.front();
        size_t take = std::min(n, c.tail - c.head);
        c.head += take;
        n -= take;
        if (c.head == c.tail) {
            if (!spare_.data || c.capacity > spare_.capacity) spare_ = std::move(c);
            chunks_.pop_front();
        }
    }
}

void OutputBuffer::file_sent(size_t n) {
    Chunk &c = chunks_.front();
    c.file_pos += static_cast<off_t>(n);
    c.file_left -= n;
    file_bytes_ -= n;
    if (c.file_left == 0) {
        ::close(c.file);
        chunks_.pop_front();
    }
}

bool OutputBuffer::load_file_front() {
    Chunk &f = chunks_.front();
    size_t want = std::min(f.file_left, kChunkSize);
    Chunk c = take_memory_chunk(want);
    ssize_t n;
    do {
        n = ::pread(f.file, c.data.get(), want, f.file_pos);
    } while (n < 0 && errno == EINTR);
    if (n <= 0) {
        if (n == 0) errno = EIO;  // the file is shorter than the range
        spare_ = std::move(c);
        return false;
    }
    c.tail = static_cast<size_t>(n);
    file_sent(static_cast<size_t>(n));
    size_ += static_cast<size_t>(n);
    chunks_.push_front(std::move(c));
    return true;
}

ssize_t OutputBuffer::send_file_front(int fd) {
    Chunk &c = chunks_.front();
    ssize_t n = ::sendfile(fd, c.file, &c.file_pos, std::min(c.file_left, kMaxSendfile));
    if (n == 0) {
        errno = EIO;  // the file got shorter than the range: the peer would wait forever
        return -1;
    }
    if (n > 0) {
        // sendfile moved file_pos already; account for the rest.
        c.file_pos -= n;
        file_sent(static_cast<size_t>(n));
    }
    return n;
}

ssize_t OutputBuffer::write_to(int fd) {
    if (chunks_.empty()) return 0;
    if (chunks_.front().file >= 0) return send_file_front(fd);
    iovec iov[kMaxIov];
    int count = 0;
    for (auto &c : chunks_) {
        if (count == kMaxIov || c.file >= 0) break;
        iov[count].iov_base = c.data.get() + c.head;
        iov[count].iov_len = c.tail - c.head;
        ++count;
    }
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n > 0) consume(static_cast<size_t>(n));
    return n;
}

void OutputBuffer::clear() {
    for (Chunk &c : chunks_) {
        if (c.file >= 0) ::close(c.file);
    }
    chunks_.clear();
    spare_ = Chunk{};
    size_ = 0;
    file_bytes_ = 0;
}

}  // namespace swoole::kernel
