// The SWOOLE_KEEP pool (see keep_pool.h).
#include "client/keep_pool.h"

#include <unistd.h>

#include <unordered_map>

namespace swoole::php {

namespace {

struct Pool {
    pid_t pid = 0;
    std::unordered_multimap<std::string, PooledConnection> connections;
};

// Persistent connections outlive requests and are closed by the OS when the
// process ends: the pool is never destroyed, so no socket is torn down after
// the loop and the logger it might touch are gone.
Pool &pool() {
    static Pool *p = new Pool();
    if (p->pid != ::getpid()) {
        p->connections.clear();  // a fork's copies: close them here only
        p->pid = ::getpid();
    }
    return *p;
}

}  // namespace

PooledConnection keep_pool_take(const std::string &key) {
    auto &connections = pool().connections;
    for (auto it = connections.find(key); it != connections.end(); it = connections.find(key)) {
        PooledConnection c = std::move(it->second);
        connections.erase(it);
        if (c.sock && c.sock->valid() && !c.sock->is_closed() && c.sock->check_liveness()) return c;
    }
    return {};
}

void keep_pool_put(const std::string &key, PooledConnection connection) {
    pool().connections.emplace(key, std::move(connection));
}

}  // namespace swoole::php
