// Process::write() on a non-blocking pipe while an event loop exists: what the
// pipe does not take now is queued and written by a kernel coroutine that
// waits for the pipe to become writable, so write() never fails with EAGAIN
// and never blocks the loop (4.8 buffers such writes in its reactor too).
// Datagram pipes keep message boundaries: a queued message goes out whole.
// The queue is shared with its flusher coroutine, so either may go first:
// dropping the writer (the Process object freed, the pipe closed) cancels the
// flusher before the fd can be closed or reused.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>

namespace swoole::php {

class PipeWriter {
  public:
    PipeWriter(int fd, bool datagram) : q_(std::make_shared<Queue>()) {
        q_->fd = fd;
        q_->datagram = datagram;
        q_->owner = ::getpid();
    }
    ~PipeWriter() { drop(); }
    PipeWriter(const PipeWriter &) = delete;
    PipeWriter &operator=(const PipeWriter &) = delete;

    // Writes now what the pipe takes and queues the rest. false with errno on
    // a real error (EPIPE, EMSGSIZE...); nothing is queued then.
    bool write(const char *data, size_t length);
    // Forgets the queue and stops its flusher (before the fd is closed).
    void drop();
    size_t queued_bytes() const { return q_->bytes; }

  private:
    struct Queue {
        int fd = -1;
        bool datagram = false;
        pid_t owner = 0;           // a forked child's copy is stale: it never flushes
        std::deque<std::string> messages;
        size_t head_sent = 0;      // bytes of the first message already written (stream)
        size_t bytes = 0;
        int64_t flusher = -1;      // the coroutine writing the queue, -1: none
    };
    static void flush(void *arg);
    std::shared_ptr<Queue> q_;
};

}  // namespace swoole::php
