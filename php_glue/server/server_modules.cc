// The PHP side of module protocols (ABI 1.2, sdk/include/swoole/module.h):
// the server_* functions swoole.so adds to the host table it gives modules.
//  - request handlers: a protocol's delivered requests go to the module's
//    handler instead of onReceive, in a coroutine when enable_coroutine;
//  - class protocols: a Server subclass (Http\Server, Redis\Server) forces
//    its protocol onto the primary port at start();
//  - "open_<name>_protocol" => true in any port's settings selects a
//    registered protocol;
//  - callbacks, calls, send/sendfile/close and client info for the module,
//    reporting error codes where the PHP methods warn.
// Registrations happen at MINIT (module load / register_classes), before any
// server exists, so the tables are plain process-wide vectors.
#include "server/php_server.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "server/protocol_registry.h"

namespace swoole::php {

namespace {

struct RequestHandler {
    const sw_server_protocol *protocol;
    sw_request_handler fn;
    void *self;
};

struct ClassProtocol {
    zend_class_entry *ce;
    std::string name;
    std::string required_event;  // empty: none
};

struct CloseHandler {
    const sw_server_protocol *protocol;
    sw_close_handler fn;
    void *self;
};

std::vector<RequestHandler> g_handlers;
std::vector<CloseHandler> g_close_handlers;
std::vector<ClassProtocol> g_class_protocols;
// The internal function a request coroutine runs (see module_request).
zend_function *g_request_function = nullptr;

const RequestHandler *handler_for(const sw_server_protocol *protocol) {
    for (const RequestHandler &h : g_handlers) {
        if (h.protocol == protocol) return &h;
    }
    return nullptr;
}

// The state behind a `void *server` from a module; nullptr when it is not a
// constructed Swoole\Server.
ServerState *state_of(void *server) {
    auto *obj = static_cast<zend_object *>(server);
    if (!obj || !server_ce || !instanceof_function(obj->ce, server_ce)) return nullptr;
    return server_of(obj)->state;
}

// A running server for the session functions, else the code to return.
int running_state(void *server, ServerState *&st) {
    st = state_of(server);
    if (!st || !st->server) return kernel::SW_ERROR_INVALID_PARAMS;
    if (!st->server->running()) return kernel::SW_ERROR_SESSION_NOT_EXIST;  // nothing is connected
    return 0;
}

int error_or(int fallback) {
    int e = kernel::last_error();
    return e ? e : fallback;
}

PortState *port_state(ServerState &st, size_t index) {
    return index < st.ports.size() ? port_of(Z_OBJ(st.ports[index]))->state : nullptr;
}

// Runs a handler for one request, with the module's view of it.
void run_handler(const RequestHandler &h, zend_object *server, const sw_server_request &req) {
    h.fn(h.self, server, &req);
}

// The body of a request coroutine, called as a PHP function so the coroutine
// gets the VM state, defers and fatal handling of any PHP coroutine. Its
// arguments come from dispatch_module_request: (server, handler as IS_PTR,
// request as IS_PTR) when it starts at once, or (server, handler, session,
// reactor_id, port_index, data) when max_concurrency may delay it. An
// exception left by the handler ends the coroutine as uncaught.
ZEND_FUNCTION(swoole_server_module_request) {
    uint32_t argc = ZEND_NUM_ARGS();
    zval *args = ZEND_CALL_ARG(execute_data, 1);
    if (argc < 3 || Z_TYPE(args[0]) != IS_OBJECT || Z_TYPE(args[1]) != IS_PTR) RETURN_FALSE;
    const auto *h = static_cast<const RequestHandler *>(Z_PTR(args[1]));
    if (argc == 3 && Z_TYPE(args[2]) == IS_PTR) {
        run_handler(*h, Z_OBJ(args[0]), *static_cast<const sw_server_request *>(Z_PTR(args[2])));
        return;
    }
    if (argc != 6 || Z_TYPE(args[5]) != IS_STRING) RETURN_FALSE;
    sw_server_request req{sizeof(sw_server_request), zval_get_long(&args[2]), static_cast<int>(zval_get_long(&args[3])),
                          static_cast<int>(zval_get_long(&args[4])), Z_STRVAL(args[5]), Z_STRLEN(args[5])};
    run_handler(*h, Z_OBJ(args[0]), req);
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_module_request, 0, 0, 0)
    ZEND_ARG_VARIADIC_INFO(0, args)
ZEND_END_ARG_INFO()

const zend_function_entry module_request_functions[] = {
    ZEND_NS_FE("Swoole\\Server", swoole_server_module_request, arginfo_module_request)
    ZEND_FE_END
};

// top-level coroutines may be queued by max_concurrency: then the request
// must be carried by value.
bool start_may_be_delayed() {
    zval *v = PhpCoroutine::option("max_concurrency");
    return v && zval_get_long(v) > 0;
}

// ---- the host functions

int host_set_request_handler(const char *name, sw_request_handler handler, void *self) {
    const sw_server_protocol *protocol = name ? kernel::find_protocol(name) : nullptr;
    if (!protocol) {
        kernel::set_last_error(kernel::SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    auto it = std::find_if(g_handlers.begin(), g_handlers.end(),
                           [&](const RequestHandler &h) { return h.protocol == protocol; });
    if (!handler) {
        if (it != g_handlers.end()) g_handlers.erase(it);
        return 0;
    }
    if (it != g_handlers.end()) {
        *it = RequestHandler{protocol, handler, self};
    } else {
        g_handlers.push_back(RequestHandler{protocol, handler, self});
    }
    return 0;
}

int host_set_close_handler(const char *name, sw_close_handler handler, void *self) {
    const sw_server_protocol *protocol = name ? kernel::find_protocol(name) : nullptr;
    if (!protocol) {
        kernel::set_last_error(kernel::SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    std::erase_if(g_close_handlers, [&](const CloseHandler &h) { return h.protocol == protocol; });
    if (handler) g_close_handlers.push_back(CloseHandler{protocol, handler, self});
    return 0;
}

int host_class_protocol(void *class_entry, const char *name, const char *required_event) {
    auto *ce = static_cast<zend_class_entry *>(class_entry);
    if (!ce || !name || !kernel::find_protocol(name) || !instanceof_function(ce, server_ce) ||
        (required_event && find_port_event(required_event) < 0)) {
        kernel::set_last_error(kernel::SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    for (ClassProtocol &c : g_class_protocols) {
        if (c.ce == ce) {
            c.name = name;
            c.required_event = required_event ? required_event : "";
            return 0;
        }
    }
    g_class_protocols.push_back(ClassProtocol{ce, name, required_event ? required_event : ""});
    return 0;
}

void *host_port_callback(void *server, int64_t session, const char *event) {
    ServerState *st = state_of(server);
    int id = event ? find_port_event(event) : -1;
    if (!st || id < 0 || st->ports.empty()) return nullptr;
    size_t index = 0;
    if (st->server && st->server->running()) {
        if (kernel::Connection *conn = st->server->find(session); conn && conn->port) {
            index = static_cast<size_t>(conn->port->index());
        }
    }
    PortState *ps = port_state(*st, index);
    if (!ps) return nullptr;
    // Resolved at start (own, else the primary's); before start: own, else the primary's.
    Callable *fn = ps->resolved[id];
    if (!fn) fn = ps->callbacks[id] ? ps->callbacks[id].get() : port_state(*st, 0)->callbacks[id].get();
    return fn ? fn->value() : nullptr;
}

// A callable the server keeps: called through its resolved function.
Callable *known_callable(ServerState &st, zval *callable) {
    for (zval &p : st.ports) {
        PortState *ps = port_of(Z_OBJ(p))->state;
        for (int i = 0; ps && i < kPortEventCount; ++i) {
            if (ps->callbacks[i] && ps->callbacks[i]->value() == callable) return ps->callbacks[i].get();
        }
    }
    return nullptr;
}

int host_call(void *server, void *callable, uint32_t argc, void *argv) {
    ServerState *st = state_of(server);
    auto *fn = static_cast<zval *>(callable);
    if (!st || !fn || (argc && !argv)) {
        kernel::set_last_error(kernel::SW_ERROR_INVALID_PARAMS);
        return -1;
    }
    if (EG(exception)) return -1;
    zval retval;
    bool called;
    if (Callable *known = known_callable(*st, fn)) {
        called = known->call(&retval, argc, static_cast<zval *>(argv));
    } else {
        zend_fcall_info fci;
        zend_fcall_info_cache fcc;
        called = zend_fcall_info_init(fn, 0, &fci, &fcc, nullptr, nullptr) == SUCCESS;
        if (called) {
            fci.retval = &retval;
            fci.params = static_cast<zval *>(argv);
            fci.param_count = argc;
            called = zend_call_function(&fci, &fcc) == SUCCESS;
        } else {
            ZVAL_UNDEF(&retval);
        }
    }
    zval_ptr_dtor(&retval);
    // An exception stays pending: the handler returns and it becomes the
    // worker's uncaught-exception fatal (no unwinding through module frames).
    return called && !EG(exception) ? 0 : -1;
}

int host_send(void *server, int64_t session, const char *data, size_t length) {
    ServerState *st;
    if (int rc = running_state(server, st)) return rc;
    if (!data && length) return kernel::SW_ERROR_INVALID_PARAMS;
    kernel::set_last_error(0);
    if (length == 0) return st->server->exist(session) ? 0 : error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
    return st->server->send(session, std::string_view(data, length)) ? 0 : error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
}

// As Server::sendfile, but TLS connections are served too (the kernel reads
// the range 64 KiB at a time for them); plain ones go with sendfile(2).
int host_sendfile(void *server, int64_t session, const char *path, uint64_t offset, uint64_t length) {
    ServerState *st;
    if (int rc = running_state(server, st)) return rc;
    if (!path) return kernel::SW_ERROR_INVALID_PARAMS;
    if (st->server->worker_id() < 0) return kernel::SW_ERROR_SERVER_SEND_IN_MASTER;
    kernel::set_last_error(0);
    kernel::ClientInfo ci;
    if (session <= 0 || !st->server->client_info(session, ci)) return error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
    struct stat sb;
    if (::stat(path, &sb) != 0) return errno;
    if (!S_ISREG(sb.st_mode)) return kernel::SW_ERROR_SERVER_IS_NOT_REGULAR_FILE;
    uint64_t size = static_cast<uint64_t>(sb.st_size);
    if (offset >= size) return kernel::SW_ERROR_INVALID_PARAMS;
    uint64_t count = length == 0 || length > size - offset ? size - offset : length;
    if (::access(path, R_OK) != 0) return errno;
    if (!st->server->send_file(session, path, static_cast<off_t>(offset), static_cast<size_t>(count))) {
        return error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
    }
    return 0;
}

int host_close(void *server, int64_t session, int reset) {
    ServerState *st;
    if (int rc = running_state(server, st)) return rc;
    kernel::set_last_error(0);
    return st->server->close(session, reset != 0) ? 0 : error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
}

int host_client_info(void *server, int64_t session, sw_client_info *info) {
    ServerState *st;
    if (int rc = running_state(server, st)) return rc;
    if (!info || info->struct_size < offsetof(sw_client_info, last_time) + sizeof(info->last_time)) {
        return kernel::SW_ERROR_INVALID_PARAMS;
    }
    kernel::set_last_error(0);
    kernel::ClientInfo ci;
    if (!st->server->client_info(session, ci)) return error_or(kernel::SW_ERROR_SESSION_NOT_EXIST);
    info->server_port = ci.server_port;
    info->server_fd = ci.server_fd;
    info->socket_type = ci.socket_type;
    info->remote_port = ci.remote_port;
    bool unix_socket = ci.socket_type == kernel::kSockUnixStream || ci.socket_type == kernel::kSockUnixDgram;
    size_t n = unix_socket ? 0 : std::min(ci.remote_ip.size(), sizeof(info->remote_ip) - 1);
    memcpy(info->remote_ip, ci.remote_ip.data(), n);
    info->remote_ip[n] = '\0';
    info->connect_time = ci.connect_time;
    info->last_time = ci.last_recv_time;
    return 0;
}

}  // namespace

void fill_server_host_api(sw_host_api &api, int type) {
    if (!g_request_function) {
        zend_register_functions(nullptr, module_request_functions, nullptr, type);
        g_request_function = static_cast<zend_function *>(
            zend_hash_str_find_ptr(CG(function_table), ZEND_STRL("swoole\\server\\swoole_server_module_request")));
    }
    api.server_set_request_handler = host_set_request_handler;
    api.server_class_protocol = host_class_protocol;
    api.server_port_callback = host_port_callback;
    api.server_call = host_call;
    api.server_send = host_send;
    api.server_sendfile = host_sendfile;
    api.server_close = host_close;
    api.server_client_info = host_client_info;
    api.server_set_close_handler = host_set_close_handler;
}

void forget_server_modules() {
    g_handlers.clear();
    g_close_handlers.clear();
    g_class_protocols.clear();
    g_request_function = nullptr;
}

void apply_protocol_settings(PortState &ps, HashTable *settings) {
    zend_string *key;
    zval *value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(settings, key, value) {
        if (!key) continue;
        std::string_view k(ZSTR_VAL(key), ZSTR_LEN(key));
        constexpr std::string_view prefix = "open_", suffix = "_protocol";
        if (k.size() <= prefix.size() + suffix.size() || !k.starts_with(prefix) || !k.ends_with(suffix)) continue;
        std::string_view name = k.substr(prefix.size(), k.size() - prefix.size() - suffix.size());
        // The built-in length framings of these two (settings.cc), unless a module took the name.
        const sw_server_protocol *protocol = kernel::find_protocol(name);
        bool on = zend_is_true(value);
        if (!protocol) {
            if (on && name != "mqtt" && name != "fastcgi") {
                php_error_docref(nullptr, E_WARNING, "%.*s: the %.*s module is not loaded", static_cast<int>(k.size()),
                                 k.data(), static_cast<int>(name.size()), name.data());
            }
            continue;
        }
        kernel::PortSettings &s = ps.port->settings;
        if (on) {
            s.protocol = protocol;
        } else if (s.protocol == protocol) {
            s.protocol = nullptr;
        }
    }
    ZEND_HASH_FOREACH_END();
}

namespace {

// A plain Swoole\Server (or another class not made for HTTP) with an HTTP
// port and a request callback: it works, but 4.8 warns that the objects may
// not be what the callbacks expect. 4.8 does so for HTTP only (a plain server
// with a redis port does not warn), so other class protocols stay silent.
void warn_inconsistent_class(ServerState &st, zend_object *server) {
    for (const ClassProtocol &c : g_class_protocols) {
        if (c.name != "http" || c.required_event.empty() || instanceof_function(server->ce, c.ce)) continue;
        int id = find_port_event(c.required_event);
        if (id < 0) continue;
        PortState &primary = *port_of(Z_OBJ(st.ports[0]))->state;
        for (zval &zp : st.ports) {
            PortState &ps = *port_of(Z_OBJ(zp))->state;
            const sw_server_protocol *p = ps.port->settings.protocol;
            if (!p || !std::string_view(p->name).starts_with(c.name)) continue;
            if (!ps.callbacks[id] && !primary.callbacks[id]) continue;
            php_error_docref(nullptr, E_WARNING,
                             "use %s class and open %s related protocols may lead to some errors (inconsistent class type)",
                             ZSTR_VAL(server->ce->name), c.name.c_str());
            return;
        }
    }
}

}  // namespace

bool apply_class_protocol(ServerState &st, zend_object *server) {
    if (!st.ports.empty()) warn_inconsistent_class(st, server);
    const ClassProtocol *found = nullptr;
    for (const ClassProtocol &c : g_class_protocols) {
        if (!instanceof_function(server->ce, c.ce)) continue;
        // The most derived registered class wins.
        if (!found || instanceof_function(c.ce, found->ce)) found = &c;
    }
    if (!found || st.ports.empty()) return true;
    const sw_server_protocol *protocol = kernel::find_protocol(found->name);
    PortState &primary = *port_of(Z_OBJ(st.ports[0]))->state;
    if (!found->required_event.empty()) {
        int id = find_port_event(found->required_event);
        if (id >= 0 && !primary.callbacks[id]) {
            std::string event = found->required_event;
            event[0] = static_cast<char>(toupper(static_cast<unsigned char>(event[0])));
            php_error_docref(nullptr, E_ERROR, "require on%s callback", event.c_str());
            return false;
        }
    }
    if (!protocol) return true;  // unregistered since: the port keeps its settings
    // A protocol extending the class's, chosen by the port's own settings
    // (open_http2_protocol on an Http\Server: "http2" serves HTTP/1 too), stays.
    if (const sw_server_protocol *own = primary.port->settings.protocol;
        own && own != protocol && std::string_view(own->name).starts_with(found->name)) {
        protocol = own;
    }
    primary.port->settings.protocol = protocol;
    primary.parsed.framing.open_eof_check = false;
    primary.parsed.framing.open_eof_split = false;
    primary.parsed.framing.open_length_check = false;
    zval forced;
    array_init_size(&forced, 3);
    std::string key = "open_" + found->name + "_protocol";
    add_assoc_bool_ex(&forced, key.data(), key.size(), true);
    add_assoc_bool(&forced, "open_eof_check", false);
    add_assoc_bool(&forced, "open_length_check", false);
    merge_setting(server_ce, server, Z_ARRVAL(forced));
    merge_setting(server_port_ce, Z_OBJ(st.ports[0]), Z_ARRVAL(forced));
    zval_ptr_dtor(&forced);
    return true;
}

void module_connection_closed(ServerState &st, kernel::Connection &conn) {
    if (!conn.port || !conn.port->settings.protocol) return;
    for (const CloseHandler &h : g_close_handlers) {
        if (h.protocol == conn.port->settings.protocol) h.fn(h.self, Z_OBJ(st.self), conn.session);
    }
}

bool dispatch_module_request(ServerState &st, kernel::Connection &conn, std::string_view data) {
    const RequestHandler *h = conn.port ? handler_for(conn.port->settings.protocol) : nullptr;
    if (!h) return false;
    sw_server_request req{sizeof(sw_server_request), conn.session, conn.reactor_id, conn.port->index(), data.data(),
                          data.size()};
    if (!st.enable_coroutine || !g_request_function) {
        run_handler(*h, Z_OBJ(st.self), req);
        if (EG(exception)) uncaught_exception_fatal();
        return true;
    }
    zend_fcall_info_cache fcc{};
    fcc.function_handler = g_request_function;
    zval args[6];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_PTR(&args[1], const_cast<RequestHandler *>(h));
    if (!start_may_be_delayed()) {
        ZVAL_PTR(&args[2], &req);
        PhpCoroutine::create(&fcc, 3, args);
    } else {
        ZVAL_LONG(&args[2], req.session);
        ZVAL_LONG(&args[3], req.reactor_id);
        ZVAL_LONG(&args[4], req.port_index);
        ZVAL_STRINGL_FAST(&args[5], data.data(), data.size());
        PhpCoroutine::create(&fcc, 6, args);
        zval_ptr_dtor(&args[5]);
    }
    PhpCoroutine::check_bailout();
    return true;
}

}  // namespace swoole::php
