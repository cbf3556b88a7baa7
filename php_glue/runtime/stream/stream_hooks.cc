// apply_stream_hooks (runtime/hooks.h): swaps PHP's socket transports for the
// coroutine ones of stream_socket.cc, and stream_select / stream_socket_pair
// for stream_functions.h's, per flag. The factories found in PHP's transport
// table are kept and put back on unhook; streams opened meanwhile keep the
// ops they were made with.
#include "runtime/hooks.h"

#include <cstring>

#include "runtime/runtime.h"
#include "runtime/stream/stream_functions.h"
#include "runtime/stream/stream_socket.h"

namespace swoole::php::runtime {

namespace {

struct TransportHook {
    const char *name;
    uint32_t flag;
    php_stream_transport_factory original = nullptr;  // PHP's, while ours is installed
    bool installed = false;
};

TransportHook g_transports[] = {
    {"tcp", kHookTcp},     {"udp", kHookUdp},         {"unix", kHookUnix},       {"udg", kHookUdg},
    {"ssl", kHookSsl},     {"tls", kHookTls},         {"tlsv1.0", kHookTls},     {"tlsv1.1", kHookTls},
    {"tlsv1.2", kHookTls}, {"tlsv1.3", kHookTls},
};

// The table is PHP's persistent one: updated in place (a key made here is
// persistent too, unlike what php_stream_xport_register would intern during a request).
void set_transport(TransportHook &hook, bool on) {
    if (on == hook.installed) return;
    HashTable *table = php_stream_xport_get_hash();
    size_t length = strlen(hook.name);
    if (on) {
        hook.original = reinterpret_cast<php_stream_transport_factory>(zend_hash_str_find_ptr(table, hook.name, length));
        zend_hash_str_update_ptr(table, hook.name, length, reinterpret_cast<void *>(stream_socket_factory));
    } else if (hook.original) {
        zend_hash_str_update_ptr(table, hook.name, length, reinterpret_cast<void *>(hook.original));
    } else {
        zend_hash_str_del(table, hook.name, length);
    }
    hook.installed = on;
}

}  // namespace

FunctionHook stream_function_hooks[2] = {
    {"stream_select", hooked_stream_select},
    {"stream_socket_pair", hooked_stream_socket_pair},
};

void set_stream_function_hooks(bool on) { set_function_hooks(stream_function_hooks, 2, on); }

void apply_stream_hooks(uint32_t flags) {
    for (TransportHook &hook : g_transports) set_transport(hook, (flags & hook.flag) != 0);
    set_stream_function_hooks((flags & kHookStreamFunction) != 0);
}

}  // namespace swoole::php::runtime
