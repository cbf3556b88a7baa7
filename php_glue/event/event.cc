// Swoole\Event (alias swoole_event), the swoole_event_* functions and
// swoole_async_set.
//
// Each fd added from PHP has one entry: the original $fd value (handed back to
// the callbacks), its read and write callbacks, the interest PHP asked for and
// the bytes Event::write could not send yet. The loop watches the union of the
// asked interest and "writable" while bytes are pending. Defers run at the end
// of the loop turn they were added in, before the cycle callback.
#include "event/php_event.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/log.h"
#include "coroutine/php_coroutine.h"
#include "event/fd.h"
#include "event/loop.h"
#include "timer/php_timer.h"

namespace swoole::php {
namespace {

using kernel::kEventRead;
using kernel::kEventWrite;
constexpr int kEventBoth = kEventRead | kEventWrite;

struct FdEntry {
    int fd = -1;
    zval socket;  // the $fd argument as given
    std::unique_ptr<Callable> read;
    std::unique_ptr<Callable> write;
    int events = 0;         // what PHP asked for
    int kernel_events = 0;  // what the loop watches; 0: not registered
    std::string out;        // Event::write bytes not sent yet, from out_offset
    size_t out_offset = 0;
    int refs = 0;  // dispatches in progress
    bool removed = false;

    bool pending_output() const { return out_offset < out.size(); }
};

// What the event part keeps for the current loop; a new loop starts afresh.
struct EventSet {
    bool attached = false;
    uint64_t serial = 0;
    int start_hook = -1;
    int end_hook = -1;
    std::unordered_map<int, FdEntry *> fds;
    std::vector<std::unique_ptr<Callable>> defers;  // waiting for the end of a turn
    bool kick_pending = false;
    std::unique_ptr<Callable> cycle_before;
    std::unique_ptr<Callable> cycle_after;
};

EventSet g_set;
zend_class_entry *g_event_ce = nullptr;

void free_entry(FdEntry *e) {
    zval_ptr_dtor(&e->socket);
    e->read.reset();
    e->write.reset();
    delete e;
}

// Drops everything. Loop registrations are undone only when the loop still
// exists. An entry in the middle of a dispatch is freed by the dispatch,
// unless `force` (request end: nothing is running any more).
void drop_all(bool force) {
    kernel::Reactor *reactor = g_set.attached && loop::alive(g_set.serial) ? loop::existing() : nullptr;
    if (reactor) {
        if (g_set.start_hook >= 0) reactor->remove_turn_hook(g_set.start_hook);
        if (g_set.end_hook >= 0) reactor->remove_turn_hook(g_set.end_hook);
    }
    g_set.attached = false;
    g_set.start_hook = g_set.end_hook = -1;
    g_set.kick_pending = false;
    while (!g_set.fds.empty()) {
        auto it = g_set.fds.begin();
        FdEntry *e = it->second;
        g_set.fds.erase(it);
        if (reactor && e->kernel_events) reactor->remove(e->fd);
        e->kernel_events = 0;
        e->removed = true;
        if (e->refs == 0 || force) free_entry(e);
    }
    // Moved out first: releasing a callable may run PHP code that adds more.
    auto defers = std::move(g_set.defers);
    auto before = std::move(g_set.cycle_before);
    auto after = std::move(g_set.cycle_after);
    g_set.defers.clear();
}

void sync() {
    if (g_set.attached && !loop::alive(g_set.serial)) drop_all(false);
}

// ---- defers and cycles ------------------------------------------------------

// Runs the defers added so far; those they add wait for the next turn.
void run_defers() {
    if (g_set.defers.empty()) return;
    std::vector<std::unique_ptr<Callable>> batch = std::move(g_set.defers);
    g_set.defers.clear();
    for (std::unique_ptr<Callable> &fn : batch) {
        if (!loop::invoke(*fn, 0, nullptr)) {
            php_error_docref(nullptr, E_WARNING, "%s::defer callback handler error", ZSTR_VAL(g_event_ce->name));
        }
        fn.reset();
    }
}

void on_turn_start(void *) {
    if (g_set.cycle_before && !loop::invoke(*g_set.cycle_before, 0, nullptr)) {
        php_error_docref(nullptr, E_WARNING, "%s::end callback handler error", ZSTR_VAL(g_event_ce->name));
    }
}

void on_turn_end(void *) {
    run_defers();
    if (g_set.cycle_after && !loop::invoke(*g_set.cycle_after, 0, nullptr)) {
        php_error_docref(nullptr, E_WARNING, "%s::end callback handler error", ZSTR_VAL(g_event_ce->name));
    }
}

// Keeps the loop turning, without waiting, while defers are queued; the turn's
// end runs them.
void kick(void *) {
    g_set.kick_pending = false;
    kernel::Reactor *reactor = loop::existing();
    if (!g_set.defers.empty() && reactor && g_set.attached && reactor->serial() == g_set.serial) {
        reactor->defer(kick, nullptr);
        g_set.kick_pending = true;
    }
}

kernel::Reactor &attach() {
    kernel::Reactor &reactor = loop::get();
    sync();
    if (!g_set.attached) {
        g_set.attached = true;
        g_set.serial = reactor.serial();
        g_set.start_hook = reactor.add_turn_hook(on_turn_start, nullptr, true);
        g_set.end_hook = reactor.add_turn_hook(on_turn_end, nullptr);
    }
    return reactor;
}

// ---- fds --------------------------------------------------------------------

FdEntry *find(int fd) {
    sync();
    auto it = g_set.fds.find(fd);
    return it == g_set.fds.end() ? nullptr : it->second;
}

void on_ready(int fd, int ready, void *arg);

// Makes the loop watch what the entry needs now.
bool apply_interest(FdEntry *e) {
    kernel::Reactor *reactor = loop::existing();
    if (!reactor) return false;
    int want = e->events | (e->pending_output() ? kEventWrite : 0);
    if (want == e->kernel_events) return true;
    if (want == 0) {
        reactor->remove(e->fd);
        e->kernel_events = 0;
        return true;
    }
    bool ok = e->kernel_events ? reactor->modify(e->fd, want) : reactor->add(e->fd, want, on_ready, e);
    if (ok) {
        e->kernel_events = want;
    } else if (!reactor->exists(e->fd)) {
        e->kernel_events = 0;
    }
    return ok;
}

void remove_entry(FdEntry *e) {
    auto it = g_set.fds.find(e->fd);
    if (it != g_set.fds.end() && it->second == e) g_set.fds.erase(it);
    if (e->kernel_events && loop::alive(g_set.serial)) loop::existing()->remove(e->fd);
    e->kernel_events = 0;
    e->removed = true;
    if (e->refs == 0) free_entry(e);
}

ssize_t send_some(int fd, const char *data, size_t len) {
    ssize_t n = send(fd, data, len, MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n < 0 && errno == ENOTSOCK) n = write(fd, data, len);
    return n;
}

// Sends what is pending. False on an error other than "would block" (the
// pending bytes are dropped then).
bool flush(FdEntry *e) {
    bool ok = true;
    while (e->pending_output()) {
        ssize_t n = send_some(e->fd, e->out.data() + e->out_offset, e->out.size() - e->out_offset);
        if (n > 0) {
            e->out_offset += static_cast<size_t>(n);
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            break;
        } else {
            int err = n < 0 ? errno : EPIPE;
            php_error_docref(nullptr, E_WARNING, "send to fd [%d] failed, Error: %s[%d]", e->fd, strerror(err), err);
            e->out_offset = e->out.size();
            ok = false;
        }
    }
    if (!e->pending_output()) {
        e->out.clear();
        e->out_offset = 0;
    }
    if (!e->removed) apply_interest(e);
    return ok;
}

void handler_error(FdEntry *e, const char *which) {
    php_error_docref(nullptr, E_WARNING, "%s: %s callback handler error, fd [%d] will be removed from reactor",
                     ZSTR_VAL(g_event_ce->name), which, e->fd);
    remove_entry(e);
}

void on_ready(int, int ready, void *arg) {
    auto *e = static_cast<FdEntry *>(arg);
    ++e->refs;
    if ((ready & kEventRead) && (e->events & kEventRead) && !e->removed) {
        if (!e->read || !loop::invoke(*e->read, 1, &e->socket)) {
            if (!e->removed) handler_error(e, "onRead");
        }
    }
    if ((ready & kEventWrite) && !e->removed) {
        if (e->pending_output()) {
            flush(e);
        } else if (e->events & kEventWrite) {
            if (!e->write || !loop::invoke(*e->write, 1, &e->socket)) {
                if (!e->removed) handler_error(e, "onWrite");
            }
        }
    }
    if (--e->refs == 0 && e->removed) free_entry(e);
}

void set_nonblocking(int fd) {
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0 && !(flags & O_NONBLOCK)) fcntl(fd, F_SETFL, flags | O_NONBLOCK);
}

// ---- PHP functions ------------------------------------------------------------

PHP_FUNCTION(swoole_event_add) {
    zval *zfd;
    zend_fcall_info fci_read = empty_fcall_info, fci_write = empty_fcall_info;
    zend_fcall_info_cache fcc_read = empty_fcall_info_cache, fcc_write = empty_fcall_info_cache;
    zend_long events = kEventRead;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_ZVAL(zfd)
        Z_PARAM_OPTIONAL
        Z_PARAM_FUNC_OR_NULL(fci_read, fcc_read)
        Z_PARAM_FUNC_OR_NULL(fci_write, fcc_write)
        Z_PARAM_LONG(events)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);

    if (fci_read.size == 0 && fci_write.size == 0) {
        php_error_docref(nullptr, E_WARNING, "both read and write callbacks are empty");
        RETURN_FALSE;
    }
    int fd = zval_to_fd(zfd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown fd type");
        RETURN_FALSE;
    }
    if (fd == 0 && (events & kEventWrite)) {
        php_error_docref(nullptr, E_WARNING, "invalid socket fd [%d]", fd);
        RETURN_FALSE;
    }
    if (find(fd)) {
        php_error_docref(nullptr, E_WARNING, "already exist");
        RETURN_FALSE;
    }
    if (!(events & kEventBoth)) {
        php_error_docref(nullptr, E_WARNING, "invalid events");
        RETURN_FALSE;
    }
    attach();
    auto *e = new FdEntry();
    e->fd = fd;
    ZVAL_COPY(&e->socket, zfd);
    if (fci_read.size) e->read = std::make_unique<Callable>(fci_read, fcc_read);
    if (fci_write.size) e->write = std::make_unique<Callable>(fci_write, fcc_write);
    e->events = static_cast<int>(events & kEventBoth);
    set_nonblocking(fd);
    if (!apply_interest(e)) {
        php_error_docref(nullptr, E_WARNING, "swoole_event_add failed");
        free_entry(e);
        RETURN_FALSE;
    }
    g_set.fds.emplace(fd, e);
    RETURN_LONG(fd);
}

PHP_FUNCTION(swoole_event_set) {
    if (!loop::existing()) {
        php_error_docref(nullptr, E_WARNING, "reactor is not ready, cannot call swoole_event_set");
        RETURN_FALSE;
    }
    zval *zfd;
    zend_fcall_info fci_read = empty_fcall_info, fci_write = empty_fcall_info;
    zend_fcall_info_cache fcc_read = empty_fcall_info_cache, fcc_write = empty_fcall_info_cache;
    zend_long events = 0;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_ZVAL(zfd)
        Z_PARAM_OPTIONAL
        Z_PARAM_FUNC_OR_NULL(fci_read, fcc_read)
        Z_PARAM_FUNC_OR_NULL(fci_write, fcc_write)
        Z_PARAM_LONG(events)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);

    int fd = zval_to_fd(zfd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown type");
        RETURN_FALSE;
    }
    FdEntry *e = find(fd);
    if (!e) {
        php_error_docref(nullptr, E_WARNING, "socket[%d] is not found in the reactor", fd);
        RETURN_FALSE;
    }
    // The old callback may be running right now: Callable copes with being
    // destroyed under its own call, loop::invoke holds the value meanwhile.
    if (fci_read.size) e->read = std::make_unique<Callable>(fci_read, fcc_read);
    if (fci_write.size) e->write = std::make_unique<Callable>(fci_write, fcc_write);
    if ((events & kEventRead) && !e->read) {
        php_error_docref(nullptr, E_WARNING, "%s: unable to find read callback of fd [%d]", ZSTR_VAL(g_event_ce->name),
                         fd);
        RETURN_FALSE;
    }
    if ((events & kEventWrite) && !e->write) {
        php_error_docref(nullptr, E_WARNING, "%s: unable to find write callback of fd [%d]", ZSTR_VAL(g_event_ce->name),
                         fd);
        RETURN_FALSE;
    }
    e->events = static_cast<int>(events & kEventBoth);
    if (!apply_interest(e)) {
        php_error_docref(nullptr, E_WARNING, "%s::set failed", ZSTR_VAL(g_event_ce->name));
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_FUNCTION(swoole_event_isset) {
    if (!loop::existing()) RETURN_FALSE;
    zval *zfd;
    zend_long events = kEventBoth;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ZVAL(zfd)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(events)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    int fd = zval_to_fd(zfd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown type");
        RETURN_FALSE;
    }
    FdEntry *e = find(fd);
    RETURN_BOOL(e && (e->events & events));
}

PHP_FUNCTION(swoole_event_del) {
    if (!loop::existing()) {
        php_error_docref(nullptr, E_WARNING, "reactor is not ready, cannot call swoole_event_del");
        RETURN_FALSE;
    }
    zval *zfd;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(zfd)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    int fd = zval_to_fd(zfd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown type");
        RETURN_FALSE;
    }
    FdEntry *e = find(fd);
    if (!e) RETURN_FALSE;
    remove_entry(e);
    RETURN_TRUE;
}

PHP_FUNCTION(swoole_event_write) {
    zval *zfd;
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ZVAL(zfd)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data empty");
        RETURN_FALSE;
    }
    int fd = zval_to_fd(zfd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown type");
        RETURN_FALSE;
    }
    FdEntry *e = find(fd);
    if (!e) {
        php_error_docref(nullptr, E_WARNING, "socket[%d] is not found in the reactor", fd);
        RETURN_FALSE;
    }
    bool was_pending = e->pending_output();
    e->out.append(ZSTR_VAL(data), ZSTR_LEN(data));
    if (was_pending) RETURN_TRUE;  // the loop sends it after what is queued
    RETURN_BOOL(flush(e));
}

PHP_FUNCTION(swoole_event_defer) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_FUNC(fci, fcc)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    kernel::Reactor &reactor = attach();
    g_set.defers.push_back(std::make_unique<Callable>(fci, fcc));
    if (!g_set.kick_pending) {
        reactor.defer(kick, nullptr);
        g_set.kick_pending = true;
    }
    RETURN_TRUE;
}

PHP_FUNCTION(swoole_event_cycle) {
    if (!loop::existing()) {
        php_error_docref(nullptr, E_WARNING, "reactor is not ready, cannot call %s", ZSTR_VAL(g_event_ce->name));
        RETURN_FALSE;
    }
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    bool before = false;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(before)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    attach();
    std::unique_ptr<Callable> &slot = before ? g_set.cycle_before : g_set.cycle_after;
    if (fci.size == 0) {
        if (!slot) RETURN_FALSE;
        // The callback may be the one running now; see swoole_event_set.
        std::unique_ptr<Callable> old = std::move(slot);
        RETURN_TRUE;
    }
    std::unique_ptr<Callable> old = std::move(slot);
    slot = std::make_unique<Callable>(fci, fcc);
    RETURN_TRUE;
}

PHP_FUNCTION(swoole_event_wait) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Reactor *reactor = loop::existing();
    if (!reactor || loop::fatal_error_happened()) return;
    // Not from inside the loop or a coroutine: the loop is already running, or
    // will run once the script ends.
    if (reactor->running() || PhpCoroutine::inside()) return;
    PhpCoroutine::run_loop();
    // As Swoole frees its loop after waiting: what Event::exit left registered
    // is dropped, and the script's end does not run it again. Not while
    // coroutines are parked on it.
    if (kernel::Coroutine::count() == 0) PhpCoroutine::release_reactor();
}

// The implicit Event::wait() at the end of the script, for a shutdown function.
PHP_FUNCTION(swoole_event_rshutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Reactor *reactor = loop::existing();
    if (!reactor || loop::fatal_error_happened() || reactor->running() || PhpCoroutine::inside()) return;
    if (reactor->has_work()) {
        php_error_docref(nullptr, E_DEPRECATED, "Event::wait() in shutdown function is deprecated");
    }
    PhpCoroutine::run_loop();
}

PHP_FUNCTION(swoole_event_dispatch) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Reactor *reactor = loop::existing();
    if (!reactor || !reactor->run_once()) RETURN_FALSE;
    RETURN_TRUE;
}

PHP_FUNCTION(swoole_event_exit) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Reactor *reactor = loop::existing();
    if (!reactor) return;
    timer_clear_all();
    reactor->stop();
}

// ---- swoole_async_set -------------------------------------------------------

// Keys that Co::set() also takes: handed over to it, so both read the same
// settings.
constexpr const char *kCoroutineKeys[] = {
    "log_level",          "log_file",          "trace_flags",          "dns_server",
    "socket_dns_timeout", "socket_connect_timeout", "socket_timeout",  "socket_read_timeout",
    "socket_recv_timeout", "socket_write_timeout", "socket_send_timeout", "socket_buffer_size",
    "dns_cache_expire",   "dns_cache_capacity",
};

bool forwarded_key(zend_string *key) {
    for (const char *name : kCoroutineKeys) {
        if (zend_string_equals_cstr(key, name, strlen(name))) return true;
    }
    return strncmp(ZSTR_VAL(key), "http2_", 6) == 0;
}

void forward_to_coroutine_set(zval *options) {
    auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(EG(class_table), ZEND_STRL("swoole\\coroutine")));
    if (!ce) return;
    auto *set = static_cast<zend_function *>(zend_hash_str_find_ptr(&ce->function_table, ZEND_STRL("set")));
    if (!set) return;
    zval retval;
    ZVAL_UNDEF(&retval);
    zend_call_known_function(set, nullptr, ce, &retval, 1, options, nullptr);
    zval_ptr_dtor(&retval);
}

PHP_FUNCTION(swoole_async_set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    if (loop::existing()) {
        php_error_docref(nullptr, E_ERROR, "eventLoop has already been created. unable to change settings");
        RETURN_FALSE;
    }
    zval forward;
    array_init(&forward);
    zend_string *key;
    zval *value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(settings, key, value) {
        if (!key) continue;
        if (zend_string_equals_literal(key, "enable_coroutine")) {
            ini().enable_coroutine = zend_is_true(value);
        } else if (zend_string_equals_literal(key, "display_errors")) {
            ini().display_errors = zend_is_true(value);
        } else if (forwarded_key(key)) {
            Z_TRY_ADDREF_P(value);
            zend_hash_update(Z_ARRVAL(forward), key, value);
        }
        // The rest (AIO thread pool sizes, signalfd, resolver switches) has no
        // counterpart here and is accepted as is.
    }
    ZEND_HASH_FOREACH_END();
    if (zend_hash_num_elements(Z_ARRVAL(forward)) > 0) forward_to_coroutine_set(&forward);
    zval_ptr_dtor(&forward);
}

// ---- registration -------------------------------------------------------------

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_event_add, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, read_callback, IS_CALLABLE, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, write_callback, IS_CALLABLE, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, events, IS_LONG, 0, "SWOOLE_EVENT_READ")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_set, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, read_callback, IS_CALLABLE, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, write_callback, IS_CALLABLE, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, events, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_isset, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, events, IS_LONG, 0, "SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_del, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_write, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_defer, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_cycle, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 1)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, before, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_void, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_event_dispatch, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_async_set, 0, 1, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

const zend_function_entry event_functions[] = {
    ZEND_FE(swoole_event_add, arginfo_event_add)
    ZEND_FE(swoole_event_del, arginfo_event_del)
    ZEND_FE(swoole_event_set, arginfo_event_set)
    ZEND_FE(swoole_event_isset, arginfo_event_isset)
    ZEND_FE(swoole_event_dispatch, arginfo_event_dispatch)
    ZEND_FE(swoole_event_defer, arginfo_event_defer)
    ZEND_FE(swoole_event_cycle, arginfo_event_cycle)
    ZEND_FE(swoole_event_write, arginfo_event_write)
    ZEND_FE(swoole_event_wait, arginfo_event_void)
    ZEND_FE(swoole_event_exit, arginfo_event_void)
    ZEND_FE(swoole_async_set, arginfo_async_set)
    ZEND_FE_END
};

constexpr uint32_t kStatic = ZEND_ACC_PUBLIC | ZEND_ACC_STATIC;

const zend_function_entry event_methods[] = {
    ZEND_FENTRY(add, ZEND_FN(swoole_event_add), arginfo_event_add, kStatic)
    ZEND_FENTRY(del, ZEND_FN(swoole_event_del), arginfo_event_del, kStatic)
    ZEND_FENTRY(set, ZEND_FN(swoole_event_set), arginfo_event_set, kStatic)
    ZEND_FENTRY(isset, ZEND_FN(swoole_event_isset), arginfo_event_isset, kStatic)
    ZEND_FENTRY(dispatch, ZEND_FN(swoole_event_dispatch), arginfo_event_dispatch, kStatic)
    ZEND_FENTRY(defer, ZEND_FN(swoole_event_defer), arginfo_event_defer, kStatic)
    ZEND_FENTRY(cycle, ZEND_FN(swoole_event_cycle), arginfo_event_cycle, kStatic)
    ZEND_FENTRY(write, ZEND_FN(swoole_event_write), arginfo_event_write, kStatic)
    ZEND_FENTRY(wait, ZEND_FN(swoole_event_wait), arginfo_event_void, kStatic)
    ZEND_FENTRY(rshutdown, ZEND_FN(swoole_event_rshutdown), arginfo_event_void, kStatic)
    ZEND_FENTRY(exit, ZEND_FN(swoole_event_exit), arginfo_event_void, kStatic)
    ZEND_FE_END
};

}  // namespace

void event_request_end() { drop_all(true); }

void register_event(int module_number) {
    zend_register_functions(nullptr, event_functions, nullptr, MODULE_PERSISTENT);
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Event", event_methods);
    g_event_ce = zend_register_internal_class_ex(&ce, nullptr);
    g_event_ce->create_object = loop::deny_create;
    zend_register_class_alias_ex(ZEND_STRL("swoole_event"), g_event_ce, true);
}

}  // namespace swoole::php
