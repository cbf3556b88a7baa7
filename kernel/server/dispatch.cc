#include "server/dispatch.h"

#include <netinet/in.h>
#include <sys/mman.h>

#include <climits>
#include <cstring>
#include <mutex>
#include <new>

#include "base/error.h"
#include "base/log.h"
#include "server/server.h"

namespace swoole::kernel {

namespace {
// dispatch_func may call into PHP: calls never overlap (see server.h).
std::mutex g_dispatch_func_lock;
}  // namespace

namespace {
uint32_t address_key(const SocketAddress &addr) {
    uint32_t key = 0;
    const sockaddr *sa = addr.sa();
    if (sa->sa_family == AF_INET) {
        key = reinterpret_cast<const sockaddr_in *>(sa)->sin_addr.s_addr;
    } else if (sa->sa_family == AF_INET6) {
        std::memcpy(&key, reinterpret_cast<const sockaddr_in6 *>(sa)->sin6_addr.s6_addr + 12, sizeof key);
    }
    return key;
}
}  // namespace

std::mutex &dispatch_func_lock() { return g_dispatch_func_lock; }

DispatchShared *DispatchShared::create_shared(int worker_num) {
    size_t bytes = sizeof(DispatchShared) + sizeof(WorkerLoad) * static_cast<size_t>(worker_num);
    void *mem = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED) return nullptr;
    auto *block = new (mem) DispatchShared();
    block->worker_num = worker_num;
    for (int i = 0; i < worker_num; ++i) new (block->load() + i) WorkerLoad();
    return block;
}

void DispatchShared::release(DispatchShared *block) {
    if (!block) return;
    size_t bytes = sizeof(DispatchShared) + sizeof(WorkerLoad) * static_cast<size_t>(block->worker_num);
    ::munmap(block, bytes);
}

bool dispatch_mode_valid(int mode) { return mode >= 1 && mode <= 9 && mode != 6; }

int Dispatcher::next_round() {
    int n = shared_->worker_num;
    return static_cast<int>(round_++ % static_cast<uint32_t>(n));
}

int Dispatcher::fewest_coroutines() {
    int n = shared_->worker_num;
    int start = next_round();
    int best = start;
    int32_t least = INT32_MAX;
    // Start at the round robin position so equal loads still spread.
    for (int i = 0; i < n; ++i) {
        int w = (start + i) % n;
        int32_t c = shared_->load()[w].coroutines.load(std::memory_order_relaxed);
        if (c < least) {
            least = c;
            best = w;
        }
    }
    return best;
}

int Dispatcher::by_mode(int event, int64_t session, SessionRecord *rec, std::string_view) {
    int n = shared_->worker_num;
    switch (server_.settings.dispatch_mode) {
    case 1:
        return next_round();
    case 3: {
        int start = next_round();
        for (int i = 0; i < n; ++i) {
            int w = (start + i) % n;
            if (shared_->load()[w].busy.load(std::memory_order_relaxed) == 0) return w;
        }
        set_last_error(SW_ERROR_SERVER_NO_IDLE_WORKER);
        // Logged at most once a second per reactor thread: it comes in bursts.
        double t = Server::now();
        if (t - last_idle_warning_ >= 1) {
            last_idle_warning_ = t;
            SW_WARN("Server::dispatch() (ERRNO %d): No idle worker is available", SW_ERROR_SERVER_NO_IDLE_WORKER);
        }
        return start;
    }
    case 4:
        if (!rec) return static_cast<int>(session % n);
        return static_cast<int>(address_key(rec->peer) % static_cast<uint32_t>(n));
    case 5:
        if (rec && (rec->flags.load(std::memory_order_acquire) & kSessionUidBound)) {
            return static_cast<int>(rec->uid.load(std::memory_order_relaxed) % static_cast<uint32_t>(n));
        }
        return static_cast<int>(session % n);
    case 7:
        return kDispatchStream;
    case 8: {
        if (!rec) return fewest_coroutines();
        int pinned = rec->worker_id.load(std::memory_order_relaxed);
        if (pinned < 0 || pinned >= n || event == kDispatchConnect) {
            pinned = fewest_coroutines();
            rec->worker_id.store(pinned, std::memory_order_relaxed);
        }
        return pinned;
    }
    case 9:
        return fewest_coroutines();
    default:  // 2
        return static_cast<int>(session % n);
    }
}


int Dispatcher::choose_packet(const SocketAddress &from, std::string_view data) {
    const ServerSettings &s = server_.settings;
    if (s.dispatch_func) {
        int w;
        {
            std::lock_guard<std::mutex> lock(g_dispatch_func_lock);
            w = s.dispatch_func(s.dispatch_ctx, server_, 0, kDispatchPacket, data.substr(0, kDispatchFuncDataMax));
        }
        if (w >= shared_->worker_num) {
            SW_WARN("invalid target worker-id[%d]", w);
            return kDispatchDiscard;
        }
        if (w >= 0) return w;
        if (w != kDispatchFallback) return kDispatchDiscard;
    }
    int mode = s.dispatch_mode;
    if (mode == 2 || mode == 4 || mode == 5) return static_cast<int>(address_key(from) % static_cast<uint32_t>(shared_->worker_num));
    return by_mode(kDispatchPacket, 0, nullptr, data);
}

int Dispatcher::choose(int event, int64_t session, SessionRecord *rec, std::string_view data) {
    const ServerSettings &s = server_.settings;
    if (s.dispatch_func) {
        int w;
        {
            std::lock_guard<std::mutex> lock(g_dispatch_func_lock);
            w = s.dispatch_func(s.dispatch_ctx, server_, session, event, data.substr(0, kDispatchFuncDataMax));
        }
        if (w >= shared_->worker_num) {
            SW_WARN("invalid target worker-id[%d]", w);
            return kDispatchDiscard;
        }
        if (w >= 0 || w == kDispatchCloseConnection) return w;
        if (w != kDispatchFallback) return kDispatchDiscard;
    }
    return by_mode(event, session, rec, data);
}

}  // namespace swoole::kernel
