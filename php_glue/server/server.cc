// Swoole\Server: the object, its constructor (§2), start() (§3) and the
// process-level events (§7). Connection events are in server_events.cc, the
// methods on connections in server_conn.cc, set() in server_settings.cc.
#include "server/php_server.h"
#include "server/event_objects.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/error.h"

extern "C" {
#include "SAPI.h"
#include "zend_exceptions.h"
}

namespace swoole::php {

zend_class_entry *server_ce = nullptr;

namespace {

zend_object_handlers server_handlers;
// One server per PHP process: set by the first construction (even a failed
// one, as 4.8 does), cleared when that object is freed before running.
bool g_server_created = false;
ServerState *g_current = nullptr;

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<ServerObject *>(zend_object_alloc(sizeof(ServerObject), ce));
    obj->state = nullptr;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &server_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    ServerObject *obj = server_of(object);
    if (ServerState *st = obj->state) {
        for (zval &p : st->ports) {
            PortState *ps = port_of(Z_OBJ(p))->state;
            if (ps) {
                ps->port = nullptr;
                ps->server = nullptr;
            }
            zval_ptr_dtor(&p);
        }
        st->ports.clear();
        if (g_current == st) g_current = nullptr;
        delete st;
        obj->state = nullptr;
    }
    zend_object_std_dtor(object);
}

}  // namespace

void server_init_handlers() {
    server_ce->create_object = create_object;
    memcpy(&server_handlers, &std_object_handlers, sizeof server_handlers);
    server_handlers.offset = XtOffsetOf(ServerObject, std);
    server_handlers.free_obj = free_object;
    server_handlers.clone_obj = nullptr;
}

ServerState *server_state(zval *self) {
    ServerState *st = server_of(Z_OBJ_P(self))->state;
    if (UNEXPECTED(!st)) php_error_docref(nullptr, E_ERROR, "Invalid instance of %s", ZSTR_VAL(Z_OBJCE_P(self)->name));
    // A fatal error inside start() destroyed the kernel server (see start()).
    if (UNEXPECTED(!st->server)) php_error_docref(nullptr, E_ERROR, "the server was stopped by a fatal error");
    return st;
}

ServerState *current_server() { return g_current; }

void uncaught_exception_fatal() {
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
    ZEND_UNREACHABLE();
}

bool require_running(ServerState &st) {
    if (st.server && st.server->running()) return true;
    php_error_docref(nullptr, E_WARNING, "server is not running");
    return false;
}

bool require_not_running(ServerState &st, const char *what) {
    if (!st.started) return true;
    php_error_docref(nullptr, E_WARNING, "server is running, %s", what);
    return false;
}

namespace {

void update_long(ServerState &st, const char *name, zend_long value) {
    zend_update_property_long(server_ce, Z_OBJ(st.self), name, strlen(name), value);
}

// The pid/id properties as seen by the current process.
void sync_process_properties(ServerState &st, kernel::Server &server) {
    update_long(st, "master_pid", server.master_pid());
    update_long(st, "manager_pid", server.manager_pid());
    update_long(st, "worker_id", server.worker_id());
    update_long(st, "worker_pid", server.worker_id() >= 0 ? getpid() : 0);
    zend_update_property_bool(server_ce, Z_OBJ(st.self), ZEND_STRL("taskworker"), server.is_task_worker());
}

void call_server_only(ServerState &st, ServerEvent ev) {
    Callable *fn = st.callbacks[static_cast<int>(ev)].get();
    if (!fn) return;
    zval retval;
    fn->call(&retval, 1, &st.self);
    zval_ptr_dtor(&retval);
    if (EG(exception)) uncaught_exception_fatal();
}

void on_start(void *ctx, kernel::Server &server) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    update_long(st, "worker_id", -1);  // 4.8: still -1 inside onStart
    call_server_only(st, ServerEvent::start);
}

void on_shutdown(void *ctx, kernel::Server &server) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    call_server_only(st, ServerEvent::shutdown);
}

void on_before_shutdown(void *ctx, kernel::Server &server) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    call_server_only(st, ServerEvent::before_shutdown);
}

void on_manager_start(void *ctx, kernel::Server &server) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    call_server_only(st, ServerEvent::manager_start);
}

void on_manager_stop(void *ctx, kernel::Server &server) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    call_server_only(st, ServerEvent::manager_stop);
}

void on_worker_start(void *ctx, kernel::Server &server, int worker_id) {
    auto &st = *static_cast<ServerState *>(ctx);
    sync_process_properties(st, server);
    apply_worker_options(st);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::worker_start)].get();
    if (!fn) return;
    zval args[2];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], worker_id);
    dispatch_event(st, fn, 2, args);
}

void on_worker_stop(void *ctx, kernel::Server &, int worker_id) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::worker_stop)].get();
    if (!fn) return;
    zval args[2];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], worker_id);
    zval retval;
    fn->call(&retval, 2, args);
    zval_ptr_dtor(&retval);
    if (EG(exception)) uncaught_exception_fatal();
}

void on_worker_error(void *ctx, kernel::Server &, int worker_id, pid_t pid, int exit_code, int signo) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::worker_error)].get();
    if (!fn) return;
    if (event_object_enabled(st)) {
        zval args[2], retval;
        ZVAL_COPY_VALUE(&args[0], &st.self);
        // status: the raw wait status rebuilt from its parts.
        make_status_info_object(&args[1], worker_id, pid, signo ? signo : (exit_code & 0xff) << 8, exit_code, signo);
        fn->call(&retval, 2, args);
        zval_ptr_dtor(&args[1]);
        zval_ptr_dtor(&retval);
        if (EG(exception)) uncaught_exception_fatal();
        return;
    }
    zval args[5];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], worker_id);
    ZVAL_LONG(&args[2], pid);
    ZVAL_LONG(&args[3], exit_code);
    ZVAL_LONG(&args[4], signo);
    zval retval;
    fn->call(&retval, 5, args);
    zval_ptr_dtor(&retval);
    if (EG(exception)) uncaught_exception_fatal();
}

}  // namespace

void dispatch_event(ServerState &st, Callable *fn, uint32_t argc, zval *argv) {
    if (st.enable_coroutine) {
        zend_fcall_info_cache fcc = fn->fcc();
        PhpCoroutine::create(&fcc, argc, argv);
        PhpCoroutine::check_bailout();
        return;
    }
    zval retval;
    fn->call(&retval, argc, argv);
    zval_ptr_dtor(&retval);
    if (EG(exception)) uncaught_exception_fatal();
}

// Fills in the kernel's event table (connection events: server_events.cc).
void fill_connection_events(kernel::ServerEvents &events);

ZEND_METHOD(Server, __construct) {
    zend_string *host;
    zend_long port = 0, mode = static_cast<zend_long>(kernel::ServerMode::process), sock_type = kernel::kSockTcp;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_STR(host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
        Z_PARAM_LONG(mode)
        Z_PARAM_LONG(sock_type)
    ZEND_PARSE_PARAMETERS_END();
    ServerObject *obj = server_of(Z_OBJ_P(ZEND_THIS));
    const char *class_name = ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name);
    if (strcmp(sapi_module.name, "cli") != 0) {
        zend_throw_exception_ex(swoole_exception_ce, -1, "%s can only be used in CLI mode", class_name);
        RETURN_THROWS();
    }
    if (obj->state) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once", class_name);
        RETURN_THROWS();
    }
    if (g_server_created) {
        zend_throw_exception_ex(swoole_exception_ce, -3, "server is running. unable to create %s", class_name);
        RETURN_THROWS();
    }
    if (mode != static_cast<zend_long>(kernel::ServerMode::base) &&
        mode != static_cast<zend_long>(kernel::ServerMode::process)) {
        php_error_docref(nullptr, E_ERROR, "invalid $mode parameters " ZEND_LONG_FMT, mode);
        RETURN_THROWS();
    }
    g_server_created = true;

    auto *st = new ServerState();
    ZVAL_OBJ(&st->self, Z_OBJ_P(ZEND_THIS));
    st->enable_coroutine = ini().enable_coroutine;
    kernel::ServerEvents events;
    events.ctx = st;
    events.on_start = on_start;
    events.on_shutdown = on_shutdown;
    events.on_before_shutdown = on_before_shutdown;
    events.on_manager_start = on_manager_start;
    events.on_manager_stop = on_manager_stop;
    events.on_worker_start = on_worker_start;
    events.on_worker_stop = on_worker_stop;
    events.on_worker_error = on_worker_error;
    fill_connection_events(events);
    st->server = std::make_unique<kernel::Server>(events);
    kernel::ServerSettings &ks = st->server->settings;
    ks.mode = static_cast<kernel::ServerMode>(mode);
    if (ks.mode == kernel::ServerMode::process) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        ks.worker_num = cpus > 0 ? static_cast<int>(cpus) : 1;
    } else {
        ks.worker_num = 1;
    }
    obj->state = st;

    kernel::ListenPort *lp;
    if (port == 0 && zend_string_equals_literal(host, "SYSTEMD")) {
        // systemd socket activation: the passed sockets are the ports.
        if (st->server->add_systemd_ports() <= 0) {
            php_error_docref(nullptr, E_ERROR, "failed to add systemd socket");
            RETURN_THROWS();
        }
        for (auto &p : st->server->ports()) {
            zval po;
            make_port_object(*st, p.get(), p->type(), &po);
            st->ports.push_back(po);
        }
        lp = st->server->ports().front().get();
    } else {
        int type = static_cast<int>(sock_type & ~kSslFlag);
        lp = st->server->add_port(static_cast<kernel::SocketType>(type), std::string_view(ZSTR_VAL(host), ZSTR_LEN(host)),
                                  static_cast<int>(port));
        if (!lp) {
            int e = errno;
            zend_throw_exception_ex(swoole_exception_ce, e,
                                    "failed to listen server port[%s:" ZEND_LONG_FMT "], Error: %s[%d]", ZSTR_VAL(host),
                                    port, strerror(e), e);
            RETURN_THROWS();
        }
        zval port_obj;
        make_port_object(*st, lp, static_cast<int>(sock_type), &port_obj);
        st->ports.push_back(port_obj);
    }

    zend_object *self = Z_OBJ_P(ZEND_THIS);
    zend_update_property_str(server_ce, self, ZEND_STRL("host"), host);
    zend_update_property_long(server_ce, self, ZEND_STRL("port"), lp->port());
    zend_update_property_long(server_ce, self, ZEND_STRL("mode"), mode);
    zend_update_property_long(server_ce, self, ZEND_STRL("type"), sock_type);
    zval ports;
    array_init(&ports);
    for (zval &po : st->ports) {
        Z_ADDREF(po);
        add_next_index_zval(&ports, &po);
    }
    zend_update_property(server_ce, self, ZEND_STRL("ports"), &ports);
    zval_ptr_dtor(&ports);
    zval it;
    make_connection_iterator(&st->self, -1, &it);
    zend_update_property(server_ce, self, ZEND_STRL("connections"), &it);
    zval_ptr_dtor(&it);
}

ZEND_METHOD(Server, start) {
    ZEND_PARSE_PARAMETERS_NONE();
    ServerState *st = server_state(ZEND_THIS);
    const char *class_name = ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name);
    if (st->shut_down) {
        php_error_docref(nullptr, E_WARNING, "server have been shutdown, unable to execute %s->start()", class_name);
        RETURN_FALSE;
    }
    if (st->started) {
        php_error_docref(nullptr, E_WARNING, "server is running, unable to execute %s->start()", class_name);
        RETURN_FALSE;
    }
    if (PhpCoroutine::has_reactor()) {
        php_error_docref(nullptr, E_WARNING, "eventLoop has already been created, unable to start %s", class_name);
        RETURN_FALSE;
    }
    if (!apply_class_protocol(*st, Z_OBJ_P(ZEND_THIS))) RETURN_FALSE;  // a module's Server subclass
    if (!prepare_ports(*st)) RETURN_FALSE;  // fatals raised inside
    if (!prepare_task_start(*st)) RETURN_FALSE;
    if (!apply_master_options(*st)) RETURN_FALSE;
    st->started = true;
    g_current = st;
    // The kernel server runs on this process's PHP loop, so coroutines,
    // timers and sockets of the callbacks share it.
    PhpCoroutine::reactor();
    int rc = -1;
    zend_try {
        rc = st->server->start();
    } zend_catch {
        // A fatal error in a callback unwound the server loop: release the
        // kernel server now, while the loop it registered with still exists
        // (the request's loop is freed before the objects), then go on
        // unwinding.
        st->shut_down = true;
        g_current = nullptr;
        for (zval &p : st->ports) {
            if (PortState *ps = port_of(Z_OBJ(p))->state) ps->port = nullptr;
        }
        st->server.reset();
        zend_bailout();
    } zend_end_try();
    st->shut_down = true;
    g_current = nullptr;
    remove_pid_file(*st);
    if (rc < 0) {
        int e = kernel::last_error();
        php_error_docref(nullptr, E_ERROR, "failed to start server. Error: %s[%d]", kernel::error_text(e), e);
        RETURN_THROWS();
    }
    PhpCoroutine::check_bailout();
    RETURN_TRUE;
}

}  // namespace swoole::php
