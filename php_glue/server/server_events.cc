// Event registration (Server::on, Port::on, getCallback: §3, §5) and the
// connection events of the kernel (§7): each looks up the callable resolved at
// start for the connection's port and calls it with reused argument slots.
#include "server/event_objects.h"
#include "server/php_server.h"

#include <sys/socket.h>

#include <cctype>
#include <cstring>
#include <ctime>
#include <string>

namespace swoole::php {

namespace {

struct EventName {
    const char *name;
    int id;
};

const EventName kServerEvents[] = {
    {"start", static_cast<int>(ServerEvent::start)},
    {"beforeShutdown", static_cast<int>(ServerEvent::before_shutdown)},
    {"shutdown", static_cast<int>(ServerEvent::shutdown)},
    {"workerStart", static_cast<int>(ServerEvent::worker_start)},
    {"workerStop", static_cast<int>(ServerEvent::worker_stop)},
    {"beforeReload", static_cast<int>(ServerEvent::before_reload)},
    {"afterReload", static_cast<int>(ServerEvent::after_reload)},
    {"task", static_cast<int>(ServerEvent::task)},
    {"finish", static_cast<int>(ServerEvent::finish)},
    {"workerExit", static_cast<int>(ServerEvent::worker_exit)},
    {"workerError", static_cast<int>(ServerEvent::worker_error)},
    {"managerStart", static_cast<int>(ServerEvent::manager_start)},
    {"managerStop", static_cast<int>(ServerEvent::manager_stop)},
    {"pipeMessage", static_cast<int>(ServerEvent::pipe_message)},
};

const EventName kPortEvents[] = {
    {"connect", static_cast<int>(PortEvent::connect)},
    {"receive", static_cast<int>(PortEvent::receive)},
    {"close", static_cast<int>(PortEvent::close)},
    {"packet", static_cast<int>(PortEvent::packet)},
    {"bufferFull", static_cast<int>(PortEvent::buffer_full)},
    {"bufferEmpty", static_cast<int>(PortEvent::buffer_empty)},
    {"request", static_cast<int>(PortEvent::request)},
    {"handshake", static_cast<int>(PortEvent::handshake)},
    {"open", static_cast<int>(PortEvent::open)},
    {"message", static_cast<int>(PortEvent::message)},
    {"disconnect", static_cast<int>(PortEvent::disconnect)},
};

// "receive" -> "onReceive": the private property 4.8 keeps each callable in.
std::string property_name(const char *event) {
    std::string name = "on";
    name += event;
    name[2] = static_cast<char>(toupper(static_cast<unsigned char>(name[2])));
    return name;
}

template <size_t N>
void store_property(const EventName (&table)[N], int id, zend_class_entry *ce, zend_object *obj, zval *cb) {
    for (const EventName &e : table) {
        if (e.id != id) continue;
        std::string name = property_name(e.name);
        zend_update_property(ce, obj, name.data(), name.size(), cb);
        return;
    }
}

template <size_t N>
int find_event(const EventName (&table)[N], zend_string *name) {
    for (const EventName &e : table) {
        if (ZSTR_LEN(name) == strlen(e.name) && strncasecmp(ZSTR_VAL(name), e.name, ZSTR_LEN(name)) == 0) return e.id;
    }
    return -1;
}

// A Callable from a zval; fatal "function 'x' is not callable" otherwise.
std::unique_ptr<Callable> make_callable(zval *cb) {
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    zend_string *callable_name = nullptr;
    char *error = nullptr;
    if (zend_fcall_info_init(cb, 0, &fci, &fcc, &callable_name, &error) != SUCCESS) {
        php_error_docref(nullptr, E_ERROR, "function '%s' is not callable",
                         callable_name ? ZSTR_VAL(callable_name) : "unknown");
        if (callable_name) zend_string_release(callable_name);
        if (error) efree(error);
        return nullptr;
    }
    if (callable_name) zend_string_release(callable_name);
    if (error) efree(error);
    return std::make_unique<Callable>(fci, fcc);
}

void return_callable(Callable *fn, zval *return_value) {
    if (fn) {
        ZVAL_COPY(return_value, fn->value());
    } else {
        ZVAL_NULL(return_value);
    }
}

PortState *port_at(ServerState &st, int index) { return port_of(Z_OBJ(st.ports[static_cast<size_t>(index)]))->state; }

Callable *port_callback(ServerState &st, const kernel::Connection &conn, PortEvent ev) {
    return port_at(st, conn.port->index())->resolved[static_cast<int>(ev)];
}

double wall_now() {
    timespec ts{};
    clock_gettime(CLOCK_REALTIME, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

// event_object: fn(server, Server\Event) for connect/receive/close.
void dispatch_event_object(ServerState &st, Callable *fn, zend_long fd, zend_long reactor_id, double dispatch_time,
                           const std::string_view *data) {
    zval args[2];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    make_event_object(&args[1], fd, reactor_id, dispatch_time, data);
    dispatch_event(st, fn, 2, args);
    zval_ptr_dtor(&args[1]);
}

void on_connect(void *ctx, kernel::Server &, kernel::Connection &conn) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = port_callback(st, conn, PortEvent::connect);
    if (!fn) return;
    if (event_object_enabled(st)) {
        double t = conn.last_dispatch_time > 0 ? conn.last_dispatch_time : conn.connect_time;
        dispatch_event_object(st, fn, conn.session, conn.reactor_id, t, nullptr);
        return;
    }
    zval args[3];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], conn.session);
    ZVAL_LONG(&args[2], conn.reactor_id);
    dispatch_event(st, fn, 3, args);
}

void on_receive(void *ctx, kernel::Server &, kernel::Connection &conn, std::string_view data) {
    auto &st = *static_cast<ServerState *>(ctx);
    if (conn.port && conn.port->settings.protocol && dispatch_module_request(st, conn, data)) return;
    Callable *fn = port_callback(st, conn, PortEvent::receive);
    if (!fn) return;
    if (event_object_enabled(st)) {
        double t = conn.last_dispatch_time > 0 ? conn.last_dispatch_time : wall_now();
        dispatch_event_object(st, fn, conn.session, conn.reactor_id, t, &data);
        return;
    }
    zval args[4];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], conn.session);
    ZVAL_LONG(&args[2], conn.reactor_id);
    ZVAL_STRINGL_FAST(&args[3], data.data(), data.size());
    dispatch_event(st, fn, 4, args);
    zval_ptr_dtor(&args[3]);
}

void on_packet(void *ctx, kernel::Server &, std::string_view data, const kernel::PacketInfo &info) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = port_at(st, info.port->index())->resolved[static_cast<int>(PortEvent::packet)];
    if (!fn) return;
    if (event_object_enabled(st)) {
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        std::string host = info.address->host();
        make_packet_object(&args[1], info.port->fd(), info.port->port(), info.dispatch_time, host,
                           info.port->is_unix() ? -1 : info.address->port(), data);
        dispatch_event(st, fn, 2, args);
        zval_ptr_dtor(&args[1]);
        return;
    }
    zval args[3];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_STRINGL_FAST(&args[1], data.data(), data.size());
    array_init_size(&args[2], 5);
    add_assoc_long(&args[2], "server_socket", info.port->fd());
    add_assoc_double(&args[2], "dispatch_time", info.dispatch_time);
    add_assoc_long(&args[2], "server_port", info.port->port());
    std::string host = info.address->host();
    add_assoc_stringl(&args[2], "address", host.data(), host.size());
    if (!info.port->is_unix()) add_assoc_long(&args[2], "port", info.address->port());
    dispatch_event(st, fn, 3, args);
    zval_ptr_dtor(&args[1]);
    zval_ptr_dtor(&args[2]);
}

void run_close_callback(ServerState &st, kernel::Connection &conn, int reactor_id) {
    Callable *fn = port_callback(st, conn, PortEvent::close);
    if (!fn) return;
    if (event_object_enabled(st)) {
        dispatch_event_object(st, fn, conn.session, reactor_id, wall_now(), nullptr);
        return;
    }
    zval args[3];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], conn.session);
    ZVAL_LONG(&args[2], reactor_id);
    dispatch_event(st, fn, 3, args);
}

void on_close(void *ctx, kernel::Server &, kernel::Connection &conn, int reactor_id) {
    auto &st = *static_cast<ServerState *>(ctx);
    run_close_callback(st, conn, reactor_id);
    module_connection_closed(st, conn);  // a module protocol's per-connection state goes last
}

void on_buffer(ServerState &st, kernel::Connection &conn, PortEvent ev) {
    Callable *fn = port_callback(st, conn, ev);
    if (!fn) return;
    zval args[2];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], conn.session);
    zval retval;
    fn->call(&retval, 2, args);
    zval_ptr_dtor(&retval);
    if (EG(exception)) uncaught_exception_fatal();
}

void on_buffer_full(void *ctx, kernel::Server &, kernel::Connection &conn) {
    on_buffer(*static_cast<ServerState *>(ctx), conn, PortEvent::buffer_full);
}

void on_buffer_empty(void *ctx, kernel::Server &, kernel::Connection &conn) {
    on_buffer(*static_cast<ServerState *>(ctx), conn, PortEvent::buffer_empty);
}

}  // namespace

void declare_event_properties(zend_class_entry *server, zend_class_entry *port) {
    for (const EventName &e : kServerEvents) {
        std::string name = property_name(e.name);
        zend_declare_property_null(server, name.data(), name.size(), ZEND_ACC_PRIVATE);
    }
    for (const EventName &e : kPortEvents) {
        std::string name = property_name(e.name);
        zend_declare_property_null(port, name.data(), name.size(), ZEND_ACC_PRIVATE);
    }
}

void fill_connection_events(kernel::ServerEvents &events) {
    events.on_connect = on_connect;
    events.on_receive = on_receive;
    events.on_packet = on_packet;
    events.on_close = on_close;
    events.on_buffer_full = on_buffer_full;
    events.on_buffer_empty = on_buffer_empty;
}

// Port::on and the forwarded part of Server::on.
bool port_on(PortState &ps, zend_object *port_obj, zend_string *name, zval *cb) {
    int id = find_event(kPortEvents, name);
    if (id < 0) {
        php_error_docref(nullptr, E_WARNING, "unknown event types[%s]", ZSTR_VAL(name));
        return false;
    }
    std::unique_ptr<Callable> fn = make_callable(cb);
    if (!fn) return false;
    ps.callbacks[id] = std::move(fn);
    store_property(kPortEvents, id, server_port_ce, port_obj, cb);
    return true;
}

int find_port_event(std::string_view name) {
    for (const EventName &e : kPortEvents) {
        if (name.size() == strlen(e.name) && strncasecmp(name.data(), e.name, name.size()) == 0) return e.id;
    }
    return -1;
}

Callable *port_get_callback(PortState &ps, zend_string *name) {
    int id = find_event(kPortEvents, name);
    return id < 0 ? nullptr : ps.callbacks[id].get();
}

void port_resolve_callbacks(PortState &ps, PortState &primary) {
    for (int i = 0; i < kPortEventCount; ++i) {
        ps.resolved[i] = ps.callbacks[i] ? ps.callbacks[i].get() : primary.callbacks[i].get();
    }
}

ZEND_METHOD(Server, on) {
    zend_string *name;
    zval *cb;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_ZVAL(cb)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_not_running(*st, "unable to register event callback function")) RETURN_FALSE;
    int id = find_event(kServerEvents, name);
    if (id < 0) {
        RETURN_BOOL(port_on(*port_at(*st, 0), Z_OBJ(st->ports[0]), name, cb));
    }
    std::unique_ptr<Callable> fn = make_callable(cb);
    if (!fn) RETURN_FALSE;
    st->callbacks[id] = std::move(fn);
    store_property(kServerEvents, id, server_ce, Z_OBJ_P(ZEND_THIS), cb);
    RETURN_TRUE;
}

ZEND_METHOD(Server, getCallback) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    int id = find_event(kServerEvents, name);
    if (id >= 0) {
        return_callable(st->callbacks[id].get(), return_value);
        return;
    }
    return_callable(port_get_callback(*port_at(*st, 0), name), return_value);
}

ZEND_METHOD(Port, on) {
    zend_string *name;
    zval *cb;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_ZVAL(cb)
    ZEND_PARSE_PARAMETERS_END();
    PortState *ps = port_of(Z_OBJ_P(ZEND_THIS))->state;
    if (!ps || !ps->server) RETURN_FALSE;
    if (ps->server->started) {
        php_error_docref(nullptr, E_WARNING, "can't register event callback function after server started");
        RETURN_FALSE;
    }
    RETURN_BOOL(port_on(*ps, Z_OBJ_P(ZEND_THIS), name, cb));
}

ZEND_METHOD(Port, getCallback) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    PortState *ps = port_of(Z_OBJ_P(ZEND_THIS))->state;
    if (!ps) RETURN_NULL();
    return_callable(port_get_callback(*ps, name), return_value);
}

}  // namespace swoole::php
