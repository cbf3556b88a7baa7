// The coroutine HTTP client's part of the http module, called from
// http_module.cc: load (the host table), MINIT (classes, functions,
// constants) and request end (the library options of the request).
#pragma once

#include <swoole/module.h>

namespace swoole::mod::http::client {

int client_load(const sw_host_api *host);
int client_register_classes(int module_number);
void client_request_end();

}  // namespace swoole::mod::http::client
