// The counters behind Server::stats(): one block shared by every process of
// the server (mapped MAP_SHARED before the workers fork), so any worker
// reports the totals; session ids are drawn from it too, which keeps them
// unique and increasing across workers. Per-worker counters live beside it.
#pragma once

#include <atomic>
#include <cstdint>

namespace swoole::kernel {

struct ServerStats {
    std::atomic<int64_t> start_time{0};
    std::atomic<int64_t> connection_num{0};
    std::atomic<int64_t> abort_count{0};
    std::atomic<int64_t> accept_count{0};
    std::atomic<int64_t> close_count{0};
    std::atomic<int64_t> request_count{0};
    std::atomic<int64_t> response_count{0};
    std::atomic<int64_t> total_recv_bytes{0};
    std::atomic<int64_t> total_send_bytes{0};
    std::atomic<int64_t> last_session_id{0};  // session_round
    std::atomic<int64_t> idle_worker_num{0};

    // A zeroed block in shared memory (nullptr on failure); unmap with release().
    static ServerStats *create_shared();
    static void release(ServerStats *stats);
};

struct WorkerStats {
    int64_t request_count = 0;
    int64_t response_count = 0;
    int64_t dispatch_count = 0;
};

}  // namespace swoole::kernel
