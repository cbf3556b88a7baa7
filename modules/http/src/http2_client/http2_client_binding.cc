// Swoole\Coroutine\Http2\Client (alias Co\Http2\Client) and its exception:
// the object owns one h2c::Session; errCode/errMsg/connected/sock mirror it
// after every call. Settings: set() keeps the merged array in `setting` and
// applies timeouts and ssl_* keys; the SETTINGS we advertise come from
// Co::set()'s http2_* keys at connect().
#include "http2_client/http2_client_binding.h"

extern "C" {
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

#include <cstring>

#include <swoole/sdk.hpp>

namespace swoole::mod::http {

using h2c::Session;

namespace {

zend_class_entry *g_client_ce = nullptr;
zend_class_entry *g_client_exception_ce = nullptr;
zend_object_handlers g_client_handlers;

constexpr int kCoOutOfCoroutine = 10001;  // SW_ERROR_CO_OUT_OF_COROUTINE
constexpr int kInvalidParams = 505;       // SW_ERROR_INVALID_PARAMS
constexpr zend_long kSockTcp = 1;         // SWOOLE_SOCK_TCP
constexpr zend_long kSsl = 512;           // SWOOLE_SSL

struct ClientState {
    explicit ClientState(const sw_host_api *host) : session(host) {}
    Session session;
    h2c::ConnectOptions options;
    std::string host;
    int port = 80;
    bool tls = false;
};

struct ClientObject {
    ClientState *state;
    zend_object std;
};

ClientObject *client_of(zend_object *obj) {
    return reinterpret_cast<ClientObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(ClientObject, std));
}

zend_object *client_create(zend_class_entry *ce) {
    auto *c = static_cast<ClientObject *>(zend_object_alloc(sizeof(ClientObject), ce));
    zend_object_std_init(&c->std, ce);
    object_properties_init(&c->std, ce);
    c->std.handlers = &g_client_handlers;
    c->state = new ClientState(&sdk::Host::api());
    return &c->std;
}

void client_free(zend_object *obj) {
    ClientObject *c = client_of(obj);
    delete c->state;  // closes the connection
    c->state = nullptr;
    zend_object_std_dtor(obj);
}

bool require_coroutine() {
    if (sdk::coroutine::inside()) return true;
    auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\error")));
    zend_throw_exception(ce ? ce : zend_ce_error, "API must be called in the coroutine", kCoOutOfCoroutine);
    // Reported at once as uncaught, as 4.8 does.
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
    return false;
}

ClientState &state_of(zval *self) { return *client_of(Z_OBJ_P(self))->state; }

void sync_error(zval *self, ClientState &st) {
    zend_update_property_long(g_client_ce, Z_OBJ_P(self), ZEND_STRL("errCode"), st.session.error_code());
    const std::string &m = st.session.error_message();
    zend_update_property_stringl(g_client_ce, Z_OBJ_P(self), ZEND_STRL("errMsg"), m.data(), m.size());
}

void sync_connection(zval *self, ClientState &st) {
    zend_update_property_bool(g_client_ce, Z_OBJ_P(self), ZEND_STRL("connected"), st.session.connected());
    zend_update_property_long(g_client_ce, Z_OBJ_P(self), ZEND_STRL("sock"), st.session.fd());
}

// A failed call: the error, and the connection state it may have changed.
void report_failure(zval *self, ClientState &st) {
    sync_error(self, st);
    sync_connection(self, st);
    if (st.session.goaway_received()) {
        // Declared nowhere in 4.8 either: it appears once a GOAWAY came.
        zval id;
        ZVAL_LONG(&id, st.session.server_last_stream_id());
        zend_hash_str_update(zend_std_get_properties(Z_OBJ_P(self)), ZEND_STRL("serverLastStreamId"), &id);
    }
}

std::string string_of(zval *v) {
    zend_string *s = zval_get_string(v);
    std::string out(ZSTR_VAL(s), ZSTR_LEN(s));
    zend_string_release(s);
    return out;
}

void apply_settings(ClientState &st, HashTable *ht) {
    h2c::ConnectOptions &o = st.options;
    zval *v;
    if ((v = zend_hash_str_find(ht, ZEND_STRL("timeout")))) {
        double t = zval_get_double(v);
        o.connect_timeout = o.read_timeout = o.write_timeout = t;
    }
    if ((v = zend_hash_str_find(ht, ZEND_STRL("connect_timeout")))) o.connect_timeout = zval_get_double(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("read_timeout")))) o.read_timeout = zval_get_double(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("write_timeout")))) o.write_timeout = zval_get_double(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_verify_peer")))) o.verify_peer = zend_is_true(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_allow_self_signed")))) o.allow_self_signed = zend_is_true(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_host_name")))) o.host_name = string_of(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_cafile")))) o.cafile = string_of(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_capath")))) o.capath = string_of(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_cert_file")))) o.cert_file = string_of(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_key_file")))) o.key_file = string_of(v);
    if ((v = zend_hash_str_find(ht, ZEND_STRL("ssl_passphrase")))) o.passphrase = string_of(v);
    st.session.set_read_timeout(o.read_timeout);
    st.session.set_write_timeout(o.write_timeout);
}

// The SETTINGS to advertise: 4.8's defaults, overridden by Co::set()'s http2_* keys.
h2c::Settings coroutine_http2_settings() {
    h2c::Settings s;
    auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine")));
    if (!ce) return s;
    zval options;
    ZVAL_UNDEF(&options);
    zend_call_method_with_0_params(nullptr, ce, nullptr, "getoptions", &options);
    if (Z_TYPE(options) == IS_ARRAY) {
        struct Key {
            const char *name;
            size_t len;
            uint32_t *field;
        };
        Key keys[] = {
            {ZEND_STRL("http2_header_table_size"), &s.header_table_size},
            {ZEND_STRL("http2_initial_window_size"), &s.init_window_size},
            {ZEND_STRL("http2_max_concurrent_streams"), &s.max_concurrent_streams},
            {ZEND_STRL("http2_max_frame_size"), &s.max_frame_size},
            {ZEND_STRL("http2_max_header_list_size"), &s.max_header_list_size},
        };
        for (Key &k : keys) {
            zval *v = zend_hash_str_find(Z_ARRVAL(options), k.name, k.len);
            if (v) *k.field = static_cast<uint32_t>(zval_get_long(v));
        }
    }
    zval_ptr_dtor(&options);
    return s;
}

void settings_array(const h2c::Settings &s, zval *out) {
    array_init(out);
    add_assoc_long(out, "header_table_size", s.header_table_size);
    add_assoc_long(out, "init_window_size", s.init_window_size);
    add_assoc_long(out, "max_concurrent_streams", s.max_concurrent_streams);
    add_assoc_long(out, "max_frame_size", s.max_frame_size);
    add_assoc_long(out, "max_header_list_size", s.max_header_list_size);
}

}  // namespace

// ---- methods ------------------------------------------------------------------

PHP_METHOD(Http2Client, __construct) {
    zend_string *host;
    zend_long port = 80;
    bool ssl = false;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
        Z_PARAM_BOOL(ssl)
    ZEND_PARSE_PARAMETERS_END();
    if (ZSTR_LEN(host) == 0) {
        zend_throw_exception(g_client_exception_ce, "host is empty", kInvalidParams);
        RETURN_THROWS();
    }
    ClientState &st = state_of(ZEND_THIS);
    st.host.assign(ZSTR_VAL(host), ZSTR_LEN(host));
    st.port = static_cast<int>(port);
    st.tls = ssl;
    zend_object *obj = Z_OBJ_P(ZEND_THIS);
    zend_update_property_str(g_client_ce, obj, ZEND_STRL("host"), host);
    zend_update_property_long(g_client_ce, obj, ZEND_STRL("port"), port);
    zend_update_property_bool(g_client_ce, obj, ZEND_STRL("ssl"), ssl);
    zend_update_property_long(g_client_ce, obj, ZEND_STRL("type"), kSockTcp | (ssl ? kSsl : 0));
}

PHP_METHOD(Http2Client, set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    zval rv;
    zval *current = zend_read_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("setting"), 1, &rv);
    zval merged;
    if (Z_TYPE_P(current) == IS_ARRAY) {
        ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(current)));
    } else {
        array_init(&merged);
    }
    zend_hash_merge(Z_ARRVAL(merged), settings, zval_add_ref, 1);
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("setting"), &merged);
    zval_ptr_dtor(&merged);
    apply_settings(state_of(ZEND_THIS), settings);
    RETURN_TRUE;
}

PHP_METHOD(Http2Client, connect) {
    ZEND_PARSE_PARAMETERS_NONE();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    st.options.tls = st.tls;
    st.options.local = coroutine_http2_settings();
    bool ok = st.session.connect(st.host, st.port, st.options);
    if (!ok) report_failure(ZEND_THIS, st);
    sync_connection(ZEND_THIS, st);
    RETURN_BOOL(ok);
}

PHP_METHOD(Http2Client, send) {
    zval *request;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_OBJECT_OF_CLASS(request, h2c::g_h2_request_ce)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    h2c::RequestSpec spec;
    if (!h2c::request_from_object(Z_OBJ_P(request), st.host, st.port, st.tls, spec)) RETURN_FALSE;
    int32_t id = st.session.send(spec);
    if (id < 0) {
        report_failure(ZEND_THIS, st);
        RETURN_FALSE;
    }
    RETURN_LONG(id);
}

PHP_METHOD(Http2Client, write) {
    zend_long stream_id;
    zval *data;
    bool end = false;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_LONG(stream_id)
        Z_PARAM_ZVAL(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(end)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    std::string body;
    if (!h2c::encode_body(data, body)) RETURN_FALSE;
    if (stream_id <= 0 || stream_id > INT32_MAX) stream_id = 0;  // never an open stream
    if (!st.session.write(static_cast<int32_t>(stream_id), body, end)) {
        report_failure(ZEND_THIS, st);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

namespace {

void receive(INTERNAL_FUNCTION_PARAMETERS, bool read_mode) {
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    h2c::Response response;
    if (!st.session.recv(timeout, read_mode, response)) {
        report_failure(ZEND_THIS, st);
        RETURN_FALSE;
    }
    h2c::response_to_object(response, return_value);
}

}  // namespace

PHP_METHOD(Http2Client, recv) { receive(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Http2Client, read) { receive(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_METHOD(Http2Client, stats) {
    zend_string *key = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();
    Session &s = state_of(ZEND_THIS).session;
    if (key && ZSTR_LEN(key) > 0) {
        if (zend_string_equals_literal(key, "current_stream_id")) RETURN_LONG(s.next_stream_id());
        if (zend_string_equals_literal(key, "last_stream_id")) RETURN_LONG(s.last_stream_id());
        if (zend_string_equals_literal(key, "local_settings")) return settings_array(s.local_settings(), return_value);
        if (zend_string_equals_literal(key, "remote_settings")) return settings_array(s.remote_settings(), return_value);
        if (zend_string_equals_literal(key, "active_stream_num")) RETURN_LONG(static_cast<zend_long>(s.active_streams()));
        RETURN_NULL();  // 4.8 returns nothing for other keys
    }
    array_init(return_value);
    add_assoc_long(return_value, "current_stream_id", s.next_stream_id());
    add_assoc_long(return_value, "last_stream_id", s.last_stream_id());
    zval settings;
    settings_array(s.local_settings(), &settings);
    add_assoc_zval(return_value, "local_settings", &settings);
    settings_array(s.remote_settings(), &settings);
    add_assoc_zval(return_value, "remote_settings", &settings);
    add_assoc_long(return_value, "active_stream_num", static_cast<zend_long>(s.active_streams()));
}

PHP_METHOD(Http2Client, isStreamExist) {
    zend_long stream_id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(stream_id)
    ZEND_PARSE_PARAMETERS_END();
    Session &s = state_of(ZEND_THIS).session;
    if (stream_id < 0 || stream_id > INT32_MAX || !s.connected()) RETURN_FALSE;
    if (stream_id == 0) RETURN_TRUE;
    RETURN_BOOL(s.stream_exists(static_cast<int32_t>(stream_id)));
}

PHP_METHOD(Http2Client, ping) {
    ZEND_PARSE_PARAMETERS_NONE();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    if (!st.session.ping()) {
        report_failure(ZEND_THIS, st);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Http2Client, goaway) {
    zend_long code = 0;
    zend_string *debug = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(code)
        Z_PARAM_STR(debug)
    ZEND_PARSE_PARAMETERS_END();
    require_coroutine();
    ClientState &st = state_of(ZEND_THIS);
    std::string_view data = debug ? std::string_view(ZSTR_VAL(debug), ZSTR_LEN(debug)) : std::string_view();
    if (!st.session.goaway(static_cast<uint32_t>(code), data)) {
        report_failure(ZEND_THIS, st);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Http2Client, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    ClientState &st = state_of(ZEND_THIS);
    bool ok = st.session.close();
    sync_connection(ZEND_THIS, st);
    RETURN_BOOL(ok);
}

PHP_METHOD(Http2Client, __destruct) { ZEND_PARSE_PARAMETERS_NONE(); }

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "80")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, open_ssl, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_send, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_OBJ_INFO(0, request, Swoole\\Http2\\Request, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_write, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, stream_id, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, end_stream, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_recv, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_stats, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, key, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_stream_exist, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, stream_id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_goaway, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, error_code, IS_LONG, 0, "SWOOLE_HTTP2_ERROR_NO_ERROR")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, debug_data, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_void, 0, 0, 0)
ZEND_END_ARG_INFO()

const zend_function_entry g_client_methods[] = {
    PHP_ME(Http2Client, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, __destruct, arginfo_void, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, set, arginfo_set, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, connect, arginfo_bool, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, stats, arginfo_stats, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, isStreamExist, arginfo_stream_exist, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, send, arginfo_send, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, write, arginfo_write, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, recv, arginfo_recv, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, read, arginfo_recv, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, goaway, arginfo_goaway, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, ping, arginfo_bool, ZEND_ACC_PUBLIC)
    PHP_ME(Http2Client, close, arginfo_bool, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

int http2_client_register_classes(int module_number) {
    if (!sdk::Socket::available()) return 0;  // a host without client sockets: no client
    auto *base = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\exception")));
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Http2\\Client\\Exception", nullptr);
    g_client_exception_ce = zend_register_internal_class_ex(&ce, base ? base : zend_ce_exception);

    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Http2\\Client", g_client_methods);
    g_client_ce = zend_register_internal_class(&ce);
    g_client_ce->create_object = client_create;
    g_client_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    std::memcpy(&g_client_handlers, zend_get_std_object_handlers(), sizeof(g_client_handlers));
    g_client_handlers.offset = XtOffsetOf(ClientObject, std);
    g_client_handlers.free_obj = client_free;
    g_client_handlers.clone_obj = nullptr;
    zend_declare_property_long(g_client_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(g_client_ce, ZEND_STRL("errMsg"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_long(g_client_ce, ZEND_STRL("sock"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_long(g_client_ce, ZEND_STRL("type"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(g_client_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_bool(g_client_ce, ZEND_STRL("connected"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(g_client_ce, ZEND_STRL("host"), ZEND_ACC_PUBLIC);
    zend_declare_property_long(g_client_ce, ZEND_STRL("port"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_bool(g_client_ce, ZEND_STRL("ssl"), 0, ZEND_ACC_PUBLIC);
    if (INI_BOOL("swoole.use_shortname")) {
        zend_register_class_alias("Co\\Http2\\Client", g_client_ce);
        zend_register_class_alias("Co\\Http2\\Client\\Exception", g_client_exception_ce);
    }
    h2c::register_message_classes();
    h2c::register_http2_constants(module_number);
    return 0;
}

}  // namespace swoole::mod::http
