// The http module's parts, tied together by http_module.cc: each part has a
// load step (host table checks, protocol registration) and a class
// registration step (MINIT).
#pragma once

#include <swoole/module.h>

namespace swoole::mod::http {

int server_load(const sw_host_api *host);  // src/server/: the "http" protocol
int server_register_classes();             // Swoole\Http\Server, Request, Response
void server_unload();

}  // namespace swoole::mod::http
