#include "client/client_module.h"

#include "client/client_binding.h"

namespace swoole::mod::http::client {

int client_load(const sw_host_api *host) {
    g_client_host = host;
    return SW_HOST_HAS(host, socket_free) ? 0 : -1;
}

int client_register_classes(int module_number) {
    if (int rc = register_client_class(module_number)) return rc;
    return register_client_functions(module_number);
}

void client_request_end() { client_functions_request_end(); }

}  // namespace swoole::mod::http::client
