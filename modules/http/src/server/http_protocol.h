// The "http" server protocol (sw_server_protocol): frames HTTP/1.x requests
// from a connection's input with RequestParser and delivers each one, in
// order, in its wire form (request_wire.h). Bad input is answered by the
// protocol itself (400, 413) and only that connection is closed. The body
// limit is the package_max_length of the port the connection came in on.
#pragma once

#include <swoole/module.h>

#include <cstddef>

namespace swoole::mod::http {

// The table registered as "http"; host is the table the module was given.
const sw_server_protocol *http_protocol(const sw_host_api *host);

}  // namespace swoole::mod::http
