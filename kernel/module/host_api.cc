#include "module/host_api.h"
#include "module/host_socket.h"

#include "base/error.h"
#include "base/log.h"
#include "base/version.h"
#include "coroutine/coroutine.h"
#include "reactor/thread_loop.h"
#include "server/protocol.h"
#include "server/protocol_registry.h"

namespace swoole::kernel {

namespace {

// Timer callbacks cross the boundary with the same shape as the kernel's.
static_assert(sizeof(TimerId) == sizeof(int64_t));

int host_run() { return thread_reactor().run(); }
void host_stop() {
    if (Reactor *r = Reactor::current()) r->stop();
}

const sw_host_api kTable = {
    .struct_size = sizeof(sw_host_api),
    .abi_major = SW_MODULE_ABI_MAJOR,
    .abi_minor = SW_MODULE_ABI_MINOR,
    .kernel_version = kKernelVersion,
    .log = [](int level, const char *message) { Logger::instance().write(level, message); },
    .set_last_error = set_last_error,
    .last_error = last_error,
    .strerror = [](int code) { return kernel::error_text(code); },
    .timer_after = [](uint64_t ms, sw_timer_callback cb, void *arg) { return thread_reactor().after(ms, cb, arg); },
    .timer_tick = [](uint64_t ms, sw_timer_callback cb, void *arg) { return thread_reactor().tick(ms, cb, arg); },
    .timer_clear = [](int64_t id) -> int {
        Reactor *r = Reactor::current();
        return r && r->clear(id) ? 1 : 0;
    },
    .defer = [](sw_callback cb, void *arg) -> int {
        thread_reactor().defer(cb, arg);
        return 0;
    },
    .loop_run = host_run,
    .loop_stop = host_stop,
    .co_create = [](sw_callback fn, void *arg) -> int64_t { return Coroutine::create(fn, arg); },
    .co_id = Coroutine::current_id,
    .co_park = []() -> int { return static_cast<int>(Coroutine::park()); },
    .co_wake = [](int64_t cid) -> int { return Coroutine::wake(cid) ? 1 : 0; },
    .co_sleep = [](double seconds) -> int {
        thread_reactor();
        return static_cast<int>(Coroutine::sleep(seconds));
    },
    .co_wait_fd = [](int fd, int events, double timeout) -> int {
        thread_reactor();
        return static_cast<int>(Coroutine::wait_fd(fd, events, timeout));
    },
    .protocol_register = [](const sw_server_protocol *p) -> int { return register_protocol(p) ? 0 : -1; },
    .protocol_unregister = [](const char *name) -> int { return name && unregister_protocol(name) ? 1 : 0; },
    .protocol_find = [](const char *name) { return name ? find_protocol(name) : nullptr; },
    .conn_session = conn_session,
    .conn_input = conn_input,
    .conn_consume = conn_consume,
    .conn_next_packet = conn_next_packet,
    .conn_deliver = conn_deliver,
    .conn_send = conn_send,
    .conn_close = conn_close,
    .socket_connect = host_socket_connect,
    .socket_enable_tls = host_socket_enable_tls,
    .socket_alpn = host_socket_alpn,
    .socket_send = host_socket_send,
    .socket_recv = host_socket_recv,
    .socket_fd = host_socket_fd,
    .socket_close = host_socket_close,
    .socket_free = host_socket_free,
    .conn_package_max_length = conn_package_max_length,
    .conn_alpn = conn_alpn,
    // The PHP side of the server (server_*) stays NULL here: swoole.so hands
    // modules a copy of this table with those filled (php_glue/modules.cc).
};

}  // namespace

const sw_host_api *kernel_host_api() { return &kTable; }

}  // namespace swoole::kernel
