#include "process/msg_queue.h"

#include <sys/ipc.h>
#include <sys/msg.h>

#include <cerrno>
#include <cstring>

#include "base/log.h"

namespace swoole::kernel {

namespace {
constexpr size_t kHeader = sizeof(long);
}

bool MsgQueue::open(key_t key) {
    int id = ::msgget(key == 0 ? IPC_PRIVATE : key, IPC_CREAT | 0666);
    if (id < 0) return false;
    id_ = id;
    key_ = key;
    if (buffer_.empty()) buffer_.resize(kHeader + kMaxMessage);
    return true;
}

bool MsgQueue::push(long type, const void *data, size_t n) {
    if (n > kMaxMessage) {
        errno = E2BIG;
        return false;
    }
    std::memcpy(buffer_.data(), &type, kHeader);
    std::memcpy(buffer_.data() + kHeader, data, n);
    for (;;) {
        if (::msgsnd(id_, buffer_.data(), n, blocking_ ? 0 : IPC_NOWAIT) == 0) return true;
        if (errno == EINTR && blocking_) continue;
        if (errno == EAGAIN && !blocking_) return false;
        int err = errno;
        SW_WARN("MsgQueue::push(): msgsnd(%d, %zu, %ld) failed, Error: %s[%d]", id_, n, type, strerror(err), err);
        errno = err;
        return false;
    }
}

ssize_t MsgQueue::pop(long type, void *buf, size_t n, long *type_out) {
    if (n > kMaxMessage) n = kMaxMessage;
    ssize_t r = ::msgrcv(id_, buffer_.data(), n, type, blocking_ ? 0 : IPC_NOWAIT);
    if (r < 0) {
        int err = errno;
        if (err != ENOMSG && err != EINTR) {
            SW_WARN("MsgQueue::pop(): msgrcv(%d, %zu, %ld) failed, Error: %s[%d]", id_, n, type, strerror(err), err);
        }
        errno = err;
        return -1;
    }
    if (type_out) std::memcpy(type_out, buffer_.data(), kHeader);
    std::memcpy(buf, buffer_.data() + kHeader, static_cast<size_t>(r));
    return r;
}

bool MsgQueue::stat(size_t &messages, size_t &bytes) const {
    msqid_ds ds;
    if (::msgctl(id_, IPC_STAT, &ds) != 0) return false;
    messages = ds.msg_qnum;
    bytes = ds.__msg_cbytes;
    return true;
}

bool MsgQueue::set_capacity(size_t bytes) {
    msqid_ds ds;
    if (::msgctl(id_, IPC_STAT, &ds) != 0) return false;
    ds.msg_qbytes = bytes;
    return ::msgctl(id_, IPC_SET, &ds) == 0;
}

bool MsgQueue::destroy() {
    if (id_ < 0) return false;
    bool ok = ::msgctl(id_, IPC_RMID, nullptr) == 0;
    id_ = -1;
    return ok;
}

}  // namespace swoole::kernel
