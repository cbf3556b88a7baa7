// server_load / server_unload of the http module: the "http" protocol
// registration. The PHP classes are registered by server_binding.cc.
#include <swoole/sdk.hpp>

#include "http_module.h"
#include "server/http_protocol.h"

namespace swoole::mod::http {

int server_load(const sw_host_api *host) {
    if (!SW_HOST_HAS(host, protocol_register) || !SW_HOST_HAS(host, conn_deliver)) return -1;
    return host->protocol_register(http_protocol(host)) == 0 ? 0 : -1;
}

void server_unload() {
    if (swoole::sdk::Host::attached()) swoole::sdk::Host::api().protocol_unregister("http");
}

}  // namespace swoole::mod::http
