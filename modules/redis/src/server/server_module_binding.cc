// The server part of the redis module: the "redis" protocol registered with
// the host at load, the worker-side request handler (when the host has the
// PHP side, ABI 1.2), the Redis\Server class at MINIT, the handler table
// emptied at the end of each request.
#include <memory>

#include <swoole/sdk.hpp>

#include "redis_module.h"
#include "server/handler_table.h"
#include "server/request_handler.h"
#include "server/resp_protocol.h"

namespace swoole::mod::redis {

int register_redis_server_class();  // server_class_binding.cc

namespace {
std::unique_ptr<RespProtocol> g_protocol;
bool g_handler_set = false;
}  // namespace

int server_load(const sw_host_api *host) {
    if (!SW_HOST_HAS(host, protocol_register)) {
        sdk::log(SW_LOG_ERROR, "redis: the host has no server protocols (ABI 1.1)");
        return -1;
    }
    g_protocol = std::make_unique<RespProtocol>(host);
    if (host->protocol_register(g_protocol->table()) != 0) {
        sdk::log(SW_LOG_ERROR, "redis: the \"redis\" server protocol could not be registered");
        g_protocol.reset();
        return -1;
    }
    if (SW_HOST_HAS(host, server_set_request_handler)) {
        if (host->server_set_request_handler(kProtocolName, on_redis_request, nullptr) != 0) return -1;
        g_handler_set = true;
    }
    return 0;
}

int server_register_classes() { return register_redis_server_class(); }

void server_request_end() { handler_table_clear(); }

void server_unload() {
    const sw_host_api *host = sdk::g_host;
    if (!host || !g_protocol) return;
    if (g_handler_set) host->server_set_request_handler(kProtocolName, nullptr, nullptr);
    g_handler_set = false;
    host->protocol_unregister(kProtocolName);
    g_protocol.reset();
}

}  // namespace swoole::mod::redis
