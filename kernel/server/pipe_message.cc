#include "server/pipe_message.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <cerrno>
#include <cstring>

namespace swoole::kernel {

namespace {
// A few full records in flight per direction (the kernel caps it at wmem_max).
constexpr int kSocketBuffer = 4 * 1024 * 1024;

ssize_t send_record(int fd, const PipeHeader &h, std::string_view payload) {
    iovec iov[2] = {{const_cast<PipeHeader *>(&h), sizeof h},
                    {const_cast<char *>(payload.data()), payload.size()}};
    msghdr msg{};
    msg.msg_iov = iov;
    msg.msg_iovlen = payload.empty() ? 1 : 2;
    ssize_t n;
    do {
        n = ::sendmsg(fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    return n;
}
}  // namespace

bool open_seqpacket_pair(int fds[2]) {
    if (::socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) < 0) return false;
    for (int i = 0; i < 2; ++i) {
        int size = kSocketBuffer;
        setsockopt(fds[i], SOL_SOCKET, SO_SNDBUF, &size, sizeof size);
        setsockopt(fds[i], SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
    }
    return true;
}

void PipeQueue::push(const PipeHeader &h, std::string_view payload) {
    if (head_ > 0 && head_ * 2 >= bytes_.size()) {
        bytes_.erase(bytes_.begin(), bytes_.begin() + static_cast<ptrdiff_t>(head_));
        head_ = 0;
    }
    uint32_t len = static_cast<uint32_t>(sizeof h + payload.size());
    size_t at = bytes_.size();
    bytes_.resize(at + sizeof len + len);
    std::memcpy(bytes_.data() + at, &len, sizeof len);
    std::memcpy(bytes_.data() + at + sizeof len, &h, sizeof h);
    if (!payload.empty()) std::memcpy(bytes_.data() + at + sizeof len + sizeof h, payload.data(), payload.size());
}

bool PipeQueue::flush(int fd) {
    while (!empty()) {
        uint32_t len;
        std::memcpy(&len, bytes_.data() + head_, sizeof len);
        const char *rec = bytes_.data() + head_ + sizeof len;
        ssize_t n;
        do {
            n = ::send(fd, rec, len, MSG_NOSIGNAL | MSG_DONTWAIT);
        } while (n < 0 && errno == EINTR);
        if (n < 0) return errno == EAGAIN || errno == ENOBUFS;
        head_ += sizeof len + len;
    }
    bytes_.clear();
    head_ = 0;
    return true;
}

bool pipe_send(int fd, PipeQueue &queue, PipeHeader header, std::string_view payload, bool &queued) {
    header.total = static_cast<uint32_t>(payload.size());
    bool first = true;
    do {
        std::string_view part = payload.substr(0, kMaxRecordPayload);
        payload.remove_prefix(part.size());
        header.length = static_cast<uint32_t>(part.size());
        header.flags = static_cast<uint8_t>((first ? kChunkBegin : 0) | (payload.empty() ? kChunkEnd : 0));
        first = false;
        if (queue.empty()) {
            ssize_t n = send_record(fd, header, part);
            if (n >= 0) continue;
            if (errno != EAGAIN && errno != ENOBUFS) return false;
        }
        queue.push(header, part);
    } while (!payload.empty());
    queued = !queue.empty();
    return true;
}

bool PipeReassembler::feed(const PipeHeader &h, std::string_view chunk, std::string_view &payload) {
    if (h.flags == kWhole) {
        payload = chunk;
        return true;
    }
    auto it = partial_.find(h.session);
    if (h.flags & kChunkBegin) {
        if (it == partial_.end()) it = partial_.emplace(h.session, std::string()).first;
        it->second.clear();
        it->second.reserve(h.total);
    } else if (it == partial_.end()) {
        return false;  // the rest of a message whose start another process read: dropped
    }
    it->second.append(chunk);
    if (!(h.flags & kChunkEnd)) return false;
    done_.swap(it->second);
    partial_.erase(it);
    payload = done_;
    return true;
}

ssize_t pipe_recv_record(int fd, char *buf) {
    for (;;) {
        ssize_t n = ::recv(fd, buf, kMaxRecord, MSG_DONTWAIT);
        if (n > 0) return n;
        if (n == 0) {
            errno = EPIPE;  // every process holding the other end is gone
            return -1;
        }
        if (errno == EINTR) continue;
        return (errno == EAGAIN) ? 0 : -1;
    }
}

}  // namespace swoole::kernel
