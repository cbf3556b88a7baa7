// The "http" server protocol (sw_server_protocol): frames HTTP/1.x requests
// from a connection's input with RequestParser and delivers each one, in
// order, in its wire form (request_wire.h). Bad input is answered by the
// protocol itself (400, 413) and only that connection is closed.
#pragma once

#include <swoole/module.h>

#include <cstddef>

namespace swoole::mod::http {

// The table registered as "http"; host is the table the module was given.
const sw_server_protocol *http_protocol(const sw_host_api *host);

// package_max_length of the server (the protocol sees no port settings):
// set by Http\Server::start() before the reactors run.
void set_package_max_length(size_t n);
size_t package_max_length();

}  // namespace swoole::mod::http
