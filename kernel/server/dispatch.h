// Which worker gets an event of a PROCESS-mode server (dispatch_mode), chosen
// on the reactor thread that owns the connection. The per-worker facts some
// modes need (busy/idle, live coroutines) are in a small shared block each
// worker writes and the master reads, relaxed (a hint, not a lock).
//
//   1 round robin per event        2 session % n (default)
//   3 an idle worker (else 9007 logged, round robin)
//   4 peer IPv4 address (IPv6: its last 32 bits) % n
//   5 bound uid % n (session % n until bind)
//   7 idle workers pull: the event goes to the reactor thread's shared
//     stream pipe, which every worker reads while idle
//   8 fewest coroutines, chosen once per connection (then pinned)
//   9 fewest coroutines, per event
// A dispatch_func hook (ServerSettings) decides first; see server.h.
#pragma once

#include <atomic>
#include <cstdint>
#include <string_view>

#include <mutex>

#include "server/session_table.h"

namespace swoole::kernel {

class Server;

// dispatch_func's $type values.
enum DispatchEvent : int { kDispatchData = 0, kDispatchPacket = 1, kDispatchClose = 4, kDispatchConnect = 5 };
// dispatch_func results besides a worker id.
inline constexpr int kDispatchDiscard = -1;
inline constexpr int kDispatchCloseConnection = -2;
inline constexpr int kDispatchFallback = -3;
// Target of a mode 7 event: the shared stream pipe.
inline constexpr int kDispatchStream = -100;

struct WorkerLoad {
    std::atomic<int32_t> busy{0};       // running an event callback
    std::atomic<int32_t> coroutines{0};  // live coroutines, refreshed every loop turn
    char pad[56];
};

struct DispatchShared {
    static DispatchShared *create_shared(int worker_num);
    static void release(DispatchShared *block);
    int worker_num = 0;
    WorkerLoad *load() { return reinterpret_cast<WorkerLoad *>(this + 1); }
};

bool dispatch_mode_valid(int mode);
// Held around every dispatch_func call, and by the master's main thread
// while on_start / on_shutdown run.
std::mutex &dispatch_func_lock();
// Modes whose connections have no fixed worker: on_connect/on_close are
// dropped there unless enable_unsafe_event.
inline bool dispatch_mode_stateless(int mode) { return mode == 1 || mode == 3 || mode == 7; }

// One per reactor thread (its round robin position is its own).
class Dispatcher {
  public:
    Dispatcher(Server &server, DispatchShared *shared) : server_(server), shared_(shared) {}
    // A worker id, kDispatchStream, or a negative dispatch_func verdict
    // (kDispatchDiscard / kDispatchCloseConnection).
    int choose(int event, int64_t session, SessionRecord *rec, std::string_view data);
    // Buffer events: the connection's worker by mode, no dispatch_func.
    int choose_internal(int64_t session, SessionRecord *rec) { return by_mode(kDispatchData, session, rec, {}); }
    // A datagram: 2/4/5 hash the sender's address, the others as for data.
    int choose_packet(const SocketAddress &from, std::string_view data);

  private:
    int by_mode(int event, int64_t session, SessionRecord *rec, std::string_view data);
    int fewest_coroutines();
    int next_round();

    Server &server_;
    DispatchShared *shared_;
    uint32_t round_ = 0;
    double last_idle_warning_ = 0;
};

}  // namespace swoole::kernel
