// The queued output of one server connection: what the socket did not take
// at once. A list of segments in send order: memory chunks, written out with
// writev(2), and file ranges (sendfile()), written with sendfile(2) straight
// from the page cache, or read ≤ 64 KiB at a time into a memory chunk in
// front when the connection is TLS (load_file_front). The last drained
// memory chunk is kept as a spare so a connection that keeps lagging a little
// does not allocate on every send.
//
// size() counts the queued memory bytes only (what socket_buffer_size and the
// watermarks bound); the bytes of queued file ranges are file_bytes(); empty()
// means neither is left.
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

    OutputBuffer() = default;
    ~OutputBuffer() { clear(); }
    OutputBuffer(const OutputBuffer &) = delete;
    OutputBuffer &operator=(const OutputBuffer &) = delete;

    size_t size() const { return size_; }
    size_t file_bytes() const { return file_bytes_; }
    bool empty() const { return size_ == 0 && file_bytes_ == 0; }
    void append(const char *data, size_t length);
    // Queues `length` bytes of file_fd from `offset`; the buffer owns file_fd
    // from now on (closed when the range is sent or the buffer cleared).
    void append_file(int file_fd, off_t offset, size_t length);
    // The first contiguous run of queued memory bytes (empty when the front
    // is a file range).
    std::string_view front() const;
    bool front_is_file() const { return !chunks_.empty() && chunks_.front().file >= 0; }
    // Reads the next ≤ kChunkSize bytes of the front file range into a memory
    // chunk in front of it. False with errno (EIO when the file got shorter).
    bool load_file_front();
    void consume(size_t n);  // memory bytes at the front
    // One writev of the queued memory chunks up to the first file range, or
    // one sendfile of the front range: bytes written, or -1 with errno.
    ssize_t write_to(int fd);
    // Drops everything, closes the files and frees the memory.
    void clear();

  private:
    struct Chunk {
        std::unique_ptr<char[]> data;
        size_t capacity = 0;
        size_t head = 0;
        size_t tail = 0;
        int file = -1;  // a file range: the fd, where it goes on, what is left
        off_t file_pos = 0;
        size_t file_left = 0;
    };
    Chunk take_memory_chunk(size_t length);
    void file_sent(size_t n);  // the front range advanced by n
    ssize_t send_file_front(int fd);

    std::deque<Chunk> chunks_;
    Chunk spare_;
    size_t size_ = 0;
    size_t file_bytes_ = 0;
};

}  // namespace swoole::kernel
