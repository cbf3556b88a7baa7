#include "client/upgrade_hook.h"

namespace {

const sw_http_ws_hooks *g_hooks = nullptr;

}  // namespace

extern "C" {

void swoole_http_client_set_websocket_hooks(const sw_http_ws_hooks *hooks) {
    // A table without both functions is as good as none.
    g_hooks = hooks && hooks->push && hooks->recv ? hooks : nullptr;
}

const sw_http_ws_hooks *swoole_http_client_websocket_hooks(void) { return g_hooks; }
}
