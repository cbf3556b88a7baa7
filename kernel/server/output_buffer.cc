#include "server/output_buffer.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cstring>

namespace swoole::kernel {

void OutputBuffer::append(const char *data, size_t length) {
    size_ += length;
    while (length > 0) {
        if (chunks_.empty() || chunks_.back().tail == chunks_.back().capacity) {
            if (spare_.data && spare_.capacity >= std::min(length, kChunkSize)) {
                spare_.head = spare_.tail = 0;
                chunks_.push_back(std::move(spare_));
                spare_ = Chunk{};
            } else {
                Chunk c;
                c.capacity = std::max(length, kChunkSize);
                c.data.reset(new char[c.capacity]);
                chunks_.push_back(std::move(c));
            }
        }
        Chunk &c = chunks_.back();
        size_t n = std::min(length, c.capacity - c.tail);
        std::memcpy(c.data.get() + c.tail, data, n);
        c.tail += n;
        data += n;
        length -= n;
    }
}

std::string_view OutputBuffer::front() const {
    if (chunks_.empty()) return {};
    const Chunk &c = chunks_.front();
    return {c.data.get() + c.head, c.tail - c.head};
}

void OutputBuffer::consume(size_t n) {
    size_ -= n;
    while (n > 0 && !chunks_.empty()) {
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

ssize_t OutputBuffer::write_to(int fd) {
    iovec iov[kMaxIov];
    int count = 0;
    for (auto &c : chunks_) {
        if (count == kMaxIov) break;
        iov[count].iov_base = c.data.get() + c.head;
        iov[count].iov_len = c.tail - c.head;
        ++count;
    }
    if (count == 0) return 0;
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = count;
    ssize_t n = ::sendmsg(fd, &msg, MSG_NOSIGNAL);
    if (n > 0) consume(static_cast<size_t>(n));
    return n;
}

void OutputBuffer::clear() {
    chunks_.clear();
    spare_ = Chunk{};
    size_ = 0;
}

}  // namespace swoole::kernel
