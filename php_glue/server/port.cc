// Swoole\Server\Port (spec server.md §5): one listening port, its settings and
// callbacks. The Port object lives in the server's ports list; the kernel
// ListenPort it describes is owned by the kernel server. At start a port
// without its own set() takes the primary port's settings.
#include "server/event_objects.h"
#include "server/php_server.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "client/php_client.h"
#include "protocol/length_type.h"

namespace swoole::php {

zend_class_entry *server_port_ce = nullptr;

namespace {

zend_object_handlers port_handlers;

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<PortObject *>(zend_object_alloc(sizeof(PortObject), ce));
    obj->state = nullptr;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &port_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    PortObject *obj = port_of(object);
    delete obj->state;
    obj->state = nullptr;
    zend_object_std_dtor(object);
}

size_t clamp_size(zend_long v) { return v <= 0 ? 0 : static_cast<size_t>(v); }

// Merges settings into the object's $setting array.
void merge_setting_property(zend_class_entry *ce, zend_object *obj, HashTable *settings) {
    zval rv;
    zval *current = zend_read_property(ce, obj, ZEND_STRL("setting"), 1, &rv);
    zval merged;
    if (Z_TYPE_P(current) == IS_ARRAY) {
        ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(current)));
    } else {
        array_init(&merged);
    }
    zend_hash_merge(Z_ARRVAL(merged), settings, zval_add_ref, 1);
    zend_update_property(ce, obj, ZEND_STRL("setting"), &merged);
    zval_ptr_dtor(&merged);
}

}  // namespace

void merge_setting(zend_class_entry *ce, zend_object *obj, HashTable *settings) {
    merge_setting_property(ce, obj, settings);
}

void make_port_object(ServerState &st, kernel::ListenPort *port, int sock_type, zval *out) {
    object_init_ex(out, server_port_ce);
    auto *ps = new PortState();
    ps->port = port;
    ps->server = &st;
    ps->type_flags = sock_type;
    // The server's framing defaults (they differ from the clients').
    ps->parsed.framing.package_eof = "\r\n\r\n";
    ps->parsed.framing.package_body_offset = 4;
    port_of(Z_OBJ_P(out))->state = ps;
    zend_object *obj = Z_OBJ_P(out);
    zend_update_property_stringl(server_port_ce, obj, ZEND_STRL("host"), port->host().data(), port->host().size());
    zend_update_property_long(server_port_ce, obj, ZEND_STRL("port"), port->port());
    zend_update_property_long(server_port_ce, obj, ZEND_STRL("type"), sock_type);
    zend_update_property_long(server_port_ce, obj, ZEND_STRL("sock"), port->fd());
    zval it;
    make_connection_iterator(&st.self, port->index(), &it);
    zend_update_property(server_port_ce, obj, ZEND_STRL("connections"), &it);
    zval_ptr_dtor(&it);
}

bool port_apply_settings(PortState &ps, HashTable *ht) {
    if (zval *v = setting_find(ht, "package_length_type")) {
        zend_string *s = zval_get_string(v);
        bool ok = ZSTR_LEN(s) == 1 && kernel::LengthType::from_code(ZSTR_VAL(s)[0]).valid();
        zend_string_release(s);
        if (!ok) {
            php_error_docref(nullptr, E_ERROR, "unknown package_length_type, see pack()");
            return false;
        }
    }
    if (zval *v = setting_find(ht, "package_length_offset")) {
        if (zval_get_long(v) > 8192) {
            php_error_docref(nullptr, E_ERROR, "'package_length_offset' value is too large");
            return false;
        }
    }
    if (zval *v = setting_find(ht, "package_body_start"); v && !setting_find(ht, "package_body_offset")) {
        ps.parsed.framing.package_body_offset = static_cast<uint32_t>(zval_get_long(v));
    }
    // The certificate checks of a server are fatal (the synchronous client's rule).
    if (!parse_settings(ht, ps.parsed, SettingsOwner::sync_client)) return false;
    kernel::PortSettings &k = ps.port->settings;
    zend_long n;
    if (read_long(ht, "backlog", n)) k.backlog = static_cast<int>(std::clamp<zend_long>(n, 0, 65535));
    if (zval *v = setting_find(ht, "open_tcp_nodelay")) {
        k.open_tcp_nodelay = zend_is_true(v);
    } else {
        k.open_tcp_nodelay = true;  // 4.8: on whenever a port's set() runs without it
    }
    if (read_long(ht, "tcp_defer_accept", n)) k.tcp_defer_accept = static_cast<int>(n);
    if (zval *v = setting_find(ht, "tcp_fastopen")) k.tcp_fastopen = zend_is_true(v);
    if (zval *v = setting_find(ht, "open_tcp_keepalive")) k.open_tcp_keepalive = zend_is_true(v);
    if (read_long(ht, "tcp_keepidle", n)) k.tcp_keepidle = static_cast<int>(n);
    if (read_long(ht, "tcp_keepinterval", n)) k.tcp_keepinterval = static_cast<int>(n);
    if (read_long(ht, "tcp_keepcount", n)) k.tcp_keepcount = static_cast<int>(n);
    if (read_long(ht, "socket_buffer_size", n)) k.socket_buffer_size = clamp_size(n);
    if (read_long(ht, "buffer_high_watermark", n)) k.buffer_high_watermark = clamp_size(n);
    if (read_long(ht, "buffer_low_watermark", n)) k.buffer_low_watermark = clamp_size(n);
    if (read_long(ht, "heartbeat_idle_time", n)) k.heartbeat_idle_time = static_cast<int>(std::max<zend_long>(n, 0));
    apply_protocol_settings(ps, ht);  // open_<name>_protocol: a module's protocol
    ps.has_settings = true;
    return true;
}

namespace {

// The kernel settings of one port from what its set() parsed.
bool build_port(PortState &ps) {
    kernel::PortSettings &k = ps.port->settings;
    k.framing = ps.parsed.has_framing();
    k.framing_options = ps.parsed.framing;
    if (k.framing_options.package_max_length < 65536) k.framing_options.package_max_length = 65536;
    if (!(ps.type_flags & kSslFlag)) {
        k.tls.reset();
        return true;
    }
    kernel::TlsOptions options = ps.parsed.tls;
    options.server = true;
    // HTTP/2 over TLS is chosen by ALPN (h2 first, HTTP/1.1 still served).
    if (k.protocol && std::string_view(k.protocol->name) == "http2" && options.alpn.empty()) {
        options.alpn = {"h2", "http/1.1"};
    }
    if (options.cert_file.empty() || options.key_file.empty()) {
        php_error_docref(nullptr, E_ERROR, "server open ssl require ssl_cert_file and ssl_key_file config");
        return false;
    }
    if (options.verify_peer && options.cafile.empty()) {
        php_error_docref(nullptr, E_ERROR, "server open verify peer require client_cert_file config");
        return false;
    }
    std::string error;
    k.tls = kernel::TlsContext::create(options, error);
    if (!k.tls) {
        php_error_docref(nullptr, E_ERROR, "failed to start server. Error: %s", error.c_str());
        return false;
    }
    return true;
}

}  // namespace

void port_resolve_callbacks(PortState &ps, PortState &primary);

bool prepare_ports(ServerState &st) {
    resolve_event_object(st);
    PortState &primary = *port_of(Z_OBJ(st.ports[0]))->state;
    for (zval &p : st.ports) {
        PortState &ps = *port_of(Z_OBJ(p))->state;
        if (&ps != &primary && !ps.has_settings) {
            ps.port->settings = primary.port->settings;
            ps.parsed = primary.parsed;
        }
        if (!build_port(ps)) return false;
        port_resolve_callbacks(ps, primary);
        if (ps.port->is_stream()) {
            if (!ps.port->settings.protocol && !ps.resolved[static_cast<int>(PortEvent::receive)]) {
                php_error_docref(nullptr, E_ERROR, "require onReceive callback");
                return false;
            }
        } else if (!ps.resolved[static_cast<int>(PortEvent::packet)]) {
            php_error_docref(nullptr, E_ERROR, "require onPacket callback");
            return false;
        }
    }
    return true;
}

ZEND_METHOD(Port, __construct) {
    php_error_docref(nullptr, E_ERROR, "please use the Swoole\\Server->listen method");
    RETURN_THROWS();
}

ZEND_METHOD(Port, set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    PortState *ps = port_of(Z_OBJ_P(ZEND_THIS))->state;
    if (!ps || !ps->port) RETURN_NULL();
    warn_unsupported_options(settings);
    if (!port_apply_settings(*ps, settings)) RETURN_NULL();
    merge_setting_property(server_port_ce, Z_OBJ_P(ZEND_THIS), settings);
}

ZEND_METHOD(Port, getSocket) {
    ZEND_PARSE_PARAMETERS_NONE();
    PortState *ps = port_of(Z_OBJ_P(ZEND_THIS))->state;
    if (!ps || !ps->port) RETURN_FALSE;
    if (!ext_socket_from_fd(ps->port->fd(), return_value)) RETURN_FALSE;
}

ZEND_METHOD(Port, on);
ZEND_METHOD(Port, getCallback);

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_port_void, 0, 0, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_port_set, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_port_on, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_port_get_callback, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
ZEND_END_ARG_INFO()

const zend_function_entry port_methods[] = {
    ZEND_ME(Port, __construct, arginfo_port_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Port, set, arginfo_port_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Port, on, arginfo_port_on, ZEND_ACC_PUBLIC)
    ZEND_ME(Port, getCallback, arginfo_port_get_callback, ZEND_ACC_PUBLIC)
    ZEND_ME(Port, getSocket, arginfo_port_void, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace

void register_port_class(int) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Server\\Port", port_methods);
    server_port_ce = zend_register_internal_class(&ce);
    server_port_ce->create_object = create_object;
    server_port_ce->ce_flags |= ZEND_ACC_FINAL | ZEND_ACC_NOT_SERIALIZABLE;
    memcpy(&port_handlers, &std_object_handlers, sizeof port_handlers);
    port_handlers.offset = XtOffsetOf(PortObject, std);
    port_handlers.free_obj = free_object;
    port_handlers.clone_obj = nullptr;
    zend_declare_property_null(server_port_ce, ZEND_STRL("host"), ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_port_ce, ZEND_STRL("port"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_port_ce, ZEND_STRL("type"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_port_ce, ZEND_STRL("sock"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_null(server_port_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(server_port_ce, ZEND_STRL("connections"), ZEND_ACC_PUBLIC);
    zend_register_class_alias("swoole_server_port", server_port_ce);
}

}  // namespace swoole::php
