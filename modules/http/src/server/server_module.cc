// server_load / server_unload of the http module: the "http" protocol
// registration. The PHP classes are registered by server_binding.cc.
#include <swoole/sdk.hpp>

#include "http_module.h"
#include "http2/h2_protocol.h"
#include "server/http_protocol.h"

namespace swoole::mod::http {

int server_load(const sw_host_api *host) {
    if (!SW_HOST_HAS(host, protocol_register) || !SW_HOST_HAS(host, conn_deliver)) return -1;
    const sw_server_protocol *http1 = http_protocol(host);
    if (host->protocol_register(http1) != 0) return -1;
    return host->protocol_register(http2_protocol(host, http1)) == 0 ? 0 : -1;
}

void server_unload() {
    if (!swoole::sdk::Host::attached()) return;
    swoole::sdk::Host::api().protocol_unregister("http2");
    swoole::sdk::Host::api().protocol_unregister("http");
}

}  // namespace swoole::mod::http
