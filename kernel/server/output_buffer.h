// The queued output of one server connection: what the socket did not take
// at once. A list of chunks written out with writev(2); the last drained chunk
// is kept as a spare so a connection that keeps lagging a little does not
// allocate on every send.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <deque>
#include <memory>
#include <string_view>

namespace swoole::kernel {

class OutputBuffer {
  public:
    static constexpr size_t kChunkSize = 64 * 1024;
    static constexpr int kMaxIov = 64;

    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    void append(const char *data, size_t length);
    // The first contiguous run of queued bytes.
    std::string_view front() const;
    void consume(size_t n);
    // One writev of the queued chunks: bytes written, or -1 with errno.
    ssize_t write_to(int fd);
    // Drops everything and frees the memory.
    void clear();

  private:
    struct Chunk {
        std::unique_ptr<char[]> data;
        size_t capacity = 0;
        size_t head = 0;
        size_t tail = 0;
    };
    std::deque<Chunk> chunks_;
    Chunk spare_;
    size_t size_ = 0;
};

}  // namespace swoole::kernel
