#include "memory/shared_memory.h"

#include <sys/mman.h>
#include <sys/sysinfo.h>

#include <cerrno>

namespace swoole::kernel {

namespace {

// A shared anonymous mapping is backed by shmem: refuse up front what could
// never be backed instead of letting the first touch kill the process.
bool can_back(size_t bytes) {
    struct sysinfo info {};
    if (sysinfo(&info) != 0) return true;
    unsigned __int128 limit = static_cast<unsigned __int128>(info.totalram + info.totalswap) * info.mem_unit;
    return bytes <= limit;
}

}  // namespace

bool SharedMemory::allocate(size_t bytes) {
    release();
    if (bytes == 0 || !can_back(bytes)) {
        errno = ENOMEM;
        return false;
    }
    void *p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return false;
    data_ = p;
    size_ = bytes;
    return true;
}

void SharedMemory::release() {
    if (data_) munmap(data_, size_);
    data_ = nullptr;
    size_ = 0;
}

}  // namespace swoole::kernel
