#include "server/session_table.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace swoole::kernel {

// Records are shared between processes: their atomics must not hide a lock.
static_assert(std::atomic<double>::is_always_lock_free && std::atomic<int64_t>::is_always_lock_free);

SessionTable *SessionTable::create_shared(size_t max_conn) {
    size_t cap = 1024;
    while (cap < max_conn + max_conn / 4 && cap < (size_t{1} << 22)) cap <<= 1;
    size_t bytes = sizeof(SessionTable) + cap * sizeof(SessionRecord);
    // Untouched pages cost nothing until a session lands on them.
    void *mem = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    auto *table = new (mem) SessionTable();
    table->mask_ = cap - 1;
    table->bytes_ = bytes;
    // Zeroed memory is a valid free record (atomics of 0, fd 0 is overwritten on fill).
    table->slots_ = reinterpret_cast<SessionRecord *>(static_cast<char *>(mem) + sizeof(SessionTable));
    return table;
}

void SessionTable::release(SessionTable *table) {
    if (!table) return;
    ::munmap(table, table->bytes_);
}

SessionRecord *SessionTable::claim(int64_t session) {
    for (size_t i = 0; i < kProbe; ++i) {
        SessionRecord &rec = slots_[(static_cast<size_t>(session) + i) & mask_];
        int64_t expected = 0;
        if (rec.session.compare_exchange_strong(expected, -1, std::memory_order_acquire)) {
            rec.flags.store(0, std::memory_order_relaxed);
            rec.uid.store(0, std::memory_order_relaxed);
            rec.worker_id.store(-1, std::memory_order_relaxed);
            rec.close_errno.store(0, std::memory_order_relaxed);
            rec.last_recv_time.store(0, std::memory_order_relaxed);
            rec.last_send_time.store(0, std::memory_order_relaxed);
            rec.last_dispatch_time.store(0, std::memory_order_relaxed);
            rec.recv_queued.store(0, std::memory_order_relaxed);
            rec.send_queued.store(0, std::memory_order_relaxed);
            rec.send_pending.store(0, std::memory_order_relaxed);
            rec.send_waiters.store(0, std::memory_order_relaxed);
            return &rec;
        }
    }
    return nullptr;
}

SessionRecord *SessionTable::find(int64_t session) const {
    if (session <= 0) return nullptr;
    for (size_t i = 0; i < kProbe; ++i) {
        SessionRecord &rec = slots_[(static_cast<size_t>(session) + i) & mask_];
        if (rec.session.load(std::memory_order_acquire) == session) return &rec;
    }
    return nullptr;
}

void SessionTable::list(int64_t start, std::vector<int64_t> &out) const {
    for (size_t i = 0; i <= mask_; ++i) {
        int64_t id = slots_[i].session.load(std::memory_order_acquire);
        if (id > start) out.push_back(id);
    }
    std::sort(out.begin(), out.end());
}

}  // namespace swoole::kernel
