// The worker side of Redis\Server: runs the handler registered for each
// command frame the "redis" protocol delivered (sw_request_handler).
#pragma once

#include <swoole/module.h>

namespace swoole::mod::redis {

void on_redis_request(void *self, void *server, const sw_server_request *request);

}  // namespace swoole::mod::redis
