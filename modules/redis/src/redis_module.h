// The redis module's parts, tied together by redis_module.cc: each part has a
// load step (host table checks, protocol registration) and a class
// registration step (MINIT).
#pragma once

#include <swoole/module.h>

namespace swoole::mod::redis {

int client_load(const sw_host_api *host);    // src/client/
int client_register_classes(int module_number);  // Swoole\Coroutine\Redis, SWOOLE_REDIS_* constants
int server_load(const sw_host_api *host);    // src/server/: the "redis" protocol
int server_register_classes();               // Swoole\Redis\Server
void server_request_end();                   // RSHUTDOWN: drops the handlers
void server_unload();

}  // namespace swoole::mod::redis
