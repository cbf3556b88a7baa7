// A System V message queue (msgget/msgsnd/msgrcv): a kernel-held queue that
// any process knowing the key can use, and that outlives its processes until
// destroyed. Messages carry a type (> 0); pop(0) takes the oldest of any type,
// pop(t) only messages of type t. A failed system call (other than "queue
// empty/full" in non-blocking mode, or an interrupted wait) writes one log line.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <vector>

namespace swoole::kernel {

class MsgQueue {
  public:
    // Largest message body push/pop handle (the PHP API's limit).
    static constexpr size_t kMaxMessage = 65536;

    MsgQueue() = default;
    MsgQueue(const MsgQueue &) = delete;
    MsgQueue &operator=(const MsgQueue &) = delete;

    // Attaches to (creating when missing, mode 0666) the queue of key; key 0:
    // a new private queue. False with errno on failure.
    bool open(key_t key);
    bool is_open() const { return id_ >= 0; }
    int id() const { return id_; }
    key_t key() const { return key_; }
    void set_blocking(bool blocking) { blocking_ = blocking; }
    bool blocking() const { return blocking_; }

    // False with errno (EAGAIN when full and non-blocking, EINVAL above the
    // system's msgmax, E2BIG above kMaxMessage).
    bool push(long type, const void *data, size_t n);
    // The body of the next message of `type` (0: any) into buf, at most n
    // bytes; -1 with errno: ENOMSG empty and non-blocking, E2BIG the message
    // is longer than n (it stays queued), EINTR interrupted.
    ssize_t pop(long type, void *buf, size_t n, long *type_out = nullptr);
    bool stat(size_t &messages, size_t &bytes) const;
    // Limits the bytes the queue may hold (msg_qbytes); false with errno.
    bool set_capacity(size_t bytes);
    // Removes the queue for every process (queued data is lost).
    bool destroy();
    // Forgets the queue without removing it.
    void detach() { id_ = -1; }

  private:
    int id_ = -1;
    key_t key_ = 0;
    bool blocking_ = true;
    std::vector<char> buffer_;  // type + body, sized once for kMaxMessage
};

}  // namespace swoole::kernel
