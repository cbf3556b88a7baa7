// The sessions of a PROCESS-mode server in shared memory (mapped before the
// manager forks), so that exist(), client_info(), client_list(), protect()
// and bind_uid() answer in any worker while the connections themselves live
// in the master's reactor threads.
//
// An open-addressing table indexed by session id (ids only grow, so the slot
// is `id & mask`, probing a few slots on collision). A reactor thread claims
// a slot, fills it, then publishes the id (release); it frees the slot by
// storing 0. Readers copy what they need and check the id again, so a slot
// reused meanwhile is never mistaken for the old session. The fields other
// threads or workers change are atomics; the rest is written once before
// publication. Lock-free: no mutex on the data path.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "server/connection.h"
#include "socket/address.h"

namespace swoole::kernel {

// Record flag bits.
inline constexpr uint32_t kSessionClosing = 1;        // the master closed it; on_close pending in a worker
inline constexpr uint32_t kSessionCloseRequested = 2;  // a worker called close()
inline constexpr uint32_t kSessionProtected = 4;
inline constexpr uint32_t kSessionUidBound = 8;
inline constexpr uint32_t kSessionPaused = 16;
// The owning thread's output passed the high watermark and has not drained to
// the low one yet (onBufferFull .. onBufferEmpty): send() fails with 1009, or
// parks with send_yield.
inline constexpr uint32_t kSessionOutputFull = 32;

// Ports counted per table (the server's limit on listening ports).
inline constexpr size_t kSessionTablePorts = 128;

struct SessionRecord {
    std::atomic<int64_t> session{0};  // 0: free; -1: being filled
    std::atomic<uint32_t> flags{0};
    std::atomic<uint32_t> uid{0};
    std::atomic<int32_t> worker_id{-1};  // dispatch_mode 8: the pinned worker
    std::atomic<int32_t> close_errno{0};
    int32_t fd = -1;
    int32_t port_index = 0;
    int32_t reactor_id = 0;
    bool ssl = false;
    double connect_time = 0;
    std::atomic<double> last_recv_time{0};
    std::atomic<double> last_send_time{0};
    std::atomic<double> last_dispatch_time{0};
    std::atomic<int64_t> recv_queued{0};
    std::atomic<int64_t> send_queued{0};
    // Bytes senders reserved (send() in a worker) that the owning thread has
    // not queued yet: send_queued + send_pending is what the session holds.
    std::atomic<int64_t> send_pending{0};
    // Processes with a coroutine parked in send() (bit: process id % 64); the
    // owning thread takes the mask and wakes them when the output drained.
    std::atomic<uint64_t> send_waiters{0};
    SocketAddress peer;
};

class SessionTable {
  public:
    // capacity: at least max_conn (rounded up to a power of two, with room).
    static SessionTable *create_shared(size_t max_conn);
    static void release(SessionTable *table);

    // A free slot for `session`, claimed (id -1) for the caller to fill and
    // publish(); nullptr when the probe window is full.
    SessionRecord *claim(int64_t session);
    static void publish(SessionRecord &rec, int64_t session) { rec.session.store(session, std::memory_order_release); }
    static void free(SessionRecord &rec) { rec.session.store(0, std::memory_order_release); }
    // The live record of `session`, or nullptr.
    SessionRecord *find(int64_t session) const;
    // Sessions above `start`, ascending (every live record is looked at).
    void list(int64_t start, std::vector<int64_t> &out) const;
    size_t capacity() const { return mask_ + 1; }

    // Live connections per listening port, kept by the reactor threads, so
    // any process can count a port's connections.
    void port_opened(int index) { port_count(index).fetch_add(1, std::memory_order_relaxed); }
    void port_closed(int index) { port_count(index).fetch_sub(1, std::memory_order_relaxed); }
    int64_t port_connections(int index) const {
        if (index < 0 || static_cast<size_t>(index) >= kSessionTablePorts) return 0;
        return port_conns_[index].load(std::memory_order_relaxed);
    }

  private:
    std::atomic<int64_t> &port_count(int index) {
        return port_conns_[static_cast<size_t>(index) % kSessionTablePorts];
    }

    static constexpr size_t kProbe = 16;
    size_t mask_ = 0;
    size_t bytes_ = 0;
    SessionRecord *slots_ = nullptr;
    std::atomic<int64_t> port_conns_[kSessionTablePorts] = {};
};

}  // namespace swoole::kernel
