#include "server/server_stats.h"

#include <sys/mman.h>

#include <new>

namespace swoole::kernel {

ServerStats *ServerStats::create_shared() {
    void *mem = ::mmap(nullptr, sizeof(ServerStats), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    return new (mem) ServerStats();
}

void ServerStats::release(ServerStats *stats) {
    if (!stats) return;
    stats->~ServerStats();
    ::munmap(stats, sizeof(ServerStats));
}

}  // namespace swoole::kernel
