// The redis module's descriptor: Swoole\Coroutine\Redis and Swoole\Redis\Server.
extern "C" {
#include "php.h"
}
#include <hiredis/hiredis.h>

#include <swoole/sdk.hpp>

#include "redis_module.h"

namespace {

using namespace swoole::mod::redis;

#define REDIS_STR2(x) #x
#define REDIS_STR(x) REDIS_STR2(x)

const sw_module_library *libraries() {
    static const sw_module_library list[] = {
        {"hiredis", REDIS_STR(HIREDIS_MAJOR) "." REDIS_STR(HIREDIS_MINOR) "." REDIS_STR(HIREDIS_PATCH)},
        {nullptr, nullptr},
    };
    return list;
}

int on_load(const sw_host_api *host) {
    swoole::sdk::Host::attach(host);
    if (int rc = client_load(host)) return rc;
    return server_load(host);
}

int on_register_classes(const sw_php_context *php) {
    if (int rc = client_register_classes(php->module_number)) return rc;
    return server_register_classes();
}

void on_request_end() { server_request_end(); }

void on_unload() { server_unload(); }

const sw_module_descriptor descriptor = {
    .struct_size = sizeof(sw_module_descriptor),
    .abi_major = SW_MODULE_ABI_MAJOR,
    .abi_minor = SW_MODULE_ABI_MINOR,
    .name = "redis",
    .version = "0.1.0",
    .php_api = ZEND_MODULE_API_NO,
    .libraries = libraries,
    .load = on_load,
    .register_classes = on_register_classes,
    .request_end = on_request_end,
    .unload = on_unload,
};

}  // namespace

SWOOLE_MODULE(descriptor)
