// The per-process pool of SWOOLE_KEEP connections of Swoole\Client: a client
// closed without force hands its connection back under its key ($id or
// "host:port"); the next connect with that key takes it if the peer is
// still there. A forked child starts with an empty pool (its inherited
// copies are closed, never shared with the parent's).
#pragma once

#include <memory>
#include <string>

#include "socket/socket.h"

namespace swoole::php {

struct PooledConnection {
    std::unique_ptr<kernel::Socket> sock;
    long reuse_count = 0;  // how often it was taken from the pool
};

// A live connection for key (removed from the pool), or an empty one. Dead
// connections met on the way are closed.
PooledConnection keep_pool_take(const std::string &key);
void keep_pool_put(const std::string &key, PooledConnection connection);

}  // namespace swoole::php
