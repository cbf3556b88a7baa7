// The http module's descriptor: Swoole\Http\Server with Request and Response.
extern "C" {
#include "php.h"
}
#include <llhttp.h>
#include <nghttp2/nghttp2ver.h>
#include <zlib.h>

#include <swoole/sdk.hpp>

#include "http_module.h"
#include "client/client_module.h"
#include "http2_client/http2_client_binding.h"

namespace {

using namespace swoole::mod::http;

#define HTTP_STR2(x) #x
#define HTTP_STR(x) HTTP_STR2(x)

const sw_module_library *libraries() {
    static const sw_module_library list[] = {
        {"llhttp", HTTP_STR(LLHTTP_VERSION_MAJOR) "." HTTP_STR(LLHTTP_VERSION_MINOR) "." HTTP_STR(LLHTTP_VERSION_PATCH)},
        {"nghttp2", NGHTTP2_VERSION},
        {"zlib", ZLIB_VERSION},
        {nullptr, nullptr},
    };
    return list;
}

int on_load(const sw_host_api *host) {
    swoole::sdk::Host::attach(host);
    if (int rc = client::client_load(host); rc != 0) return rc;  // Coroutine\Http\Client
    return server_load(host);
}

int on_register_classes(const sw_php_context *php) {
    if (int rc = server_register_classes(); rc != 0) return rc;
    if (int rc = client::client_register_classes(php->module_number); rc != 0) return rc;  // Coroutine\Http\Client
    return http2_client_register_classes(php->module_number);  // Coroutine\Http2\Client
}

void on_request_end() { client::client_request_end(); }

void on_unload() { server_unload(); }

const sw_module_descriptor descriptor = {
    .struct_size = sizeof(sw_module_descriptor),
    .abi_major = SW_MODULE_ABI_MAJOR,
    .abi_minor = SW_MODULE_ABI_MINOR,
    .name = "http",
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
