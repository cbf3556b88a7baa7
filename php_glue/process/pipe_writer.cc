#include "process/pipe_writer.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::php {

namespace {

// One non-blocking write of a whole message (datagram) or of what fits (stream).
ssize_t write_once(int fd, const char *data, size_t length) {
    for (;;) {
        ssize_t r = ::send(fd, data, length, MSG_DONTWAIT | MSG_NOSIGNAL);
        if (r < 0 && errno == ENOTSOCK) r = ::write(fd, data, length);
        if (r >= 0 || errno != EINTR) return r;
    }
}

}  // namespace

bool PipeWriter::write(const char *data, size_t length) {
    Queue &q = *q_;
    if (q.owner != ::getpid()) {  // inherited over fork: the parent's queue is not ours
        q.messages.clear();
        q.head_sent = q.bytes = 0;
        q.flusher = -1;
        q.owner = ::getpid();
    }
    size_t sent = 0;
    if (q.messages.empty()) {
        ssize_t r = write_once(q.fd, data, length);
        if (r < 0 && errno != EAGAIN) return false;
        sent = r < 0 ? 0 : static_cast<size_t>(r);
        if (sent == length) return true;
    }
    q.messages.emplace_back(data + sent, length - sent);
    q.bytes += length - sent;
    if (q.flusher < 0) {
        auto *ref = new std::shared_ptr<Queue>(q_);
        int64_t id = kernel::Coroutine::create(flush, ref);
        if (id < 0) {
            delete ref;
            q.messages.pop_back();
            q.bytes -= length - sent;
            errno = EAGAIN;
            return false;
        }
        // The flusher may already have finished (it ran until its first wait).
        if (!q.messages.empty()) q.flusher = id;
    }
    return true;
}

void PipeWriter::flush(void *arg) {
    std::unique_ptr<std::shared_ptr<Queue>> ref(static_cast<std::shared_ptr<Queue> *>(arg));
    Queue &q = **ref;
    q.flusher = kernel::Coroutine::current_id();
    while (!q.messages.empty() && q.fd >= 0) {
        std::string &head = q.messages.front();
        ssize_t r = write_once(q.fd, head.data() + q.head_sent, head.size() - q.head_sent);
        if (r < 0 && errno == EAGAIN) {
            if (kernel::Coroutine::wait_fd(q.fd, kernel::kEventWrite, -1) != kernel::WaitResult::ready) break;
            continue;
        }
        if (r < 0) break;  // the reader went away: what is left cannot be delivered
        q.head_sent += static_cast<size_t>(r);
        if (q.head_sent < head.size()) continue;
        q.bytes -= head.size();
        q.head_sent = 0;
        q.messages.pop_front();
    }
    q.messages.clear();
    q.bytes = q.head_sent = 0;
    q.flusher = -1;
}

void PipeWriter::drop() {
    Queue &q = *q_;
    q.fd = -1;
    q.messages.clear();
    q.bytes = q.head_sent = 0;
    if (q.flusher >= 0 && q.owner == ::getpid()) kernel::Coroutine::cancel(q.flusher);
    q.flusher = -1;
}

}  // namespace swoole::php
