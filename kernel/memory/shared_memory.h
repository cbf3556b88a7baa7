// An anonymous MAP_SHARED mapping: memory that a process and the children it
// forks afterwards see at the same address. Every Table, Atomic and Lock gets
// its own mapping, so releasing one in a child (munmap) never lets a later
// allocation in that child alias an object its parent still uses.
#pragma once

#include <cstddef>

namespace swoole::kernel {

class SharedMemory {
  public:
    SharedMemory() = default;
    ~SharedMemory() { release(); }
    SharedMemory(const SharedMemory &) = delete;
    SharedMemory &operator=(const SharedMemory &) = delete;

    // Maps `bytes` zeroed bytes. False (errno set) when the size is more than
    // the machine's RAM plus swap or the kernel refuses the mapping.
    bool allocate(size_t bytes);
    void release();

    void *data() const { return data_; }
    size_t size() const { return size_; }

  private:
    void *data_ = nullptr;
    size_t size_ = 0;
};

}  // namespace swoole::kernel
