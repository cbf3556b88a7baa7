// Swoole\Coroutine\Http\Client (alias Co\Http\Client): the class, its
// properties (4.8's public ones), constants, exception class, and the
// methods other than execute() (client_request_binding.cc).
#include "client/client_binding.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <arpa/inet.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <cerrno>

#include "client/upgrade_hook.h"
#include "server/mime.h"

namespace swoole::mod::http::client {

const sw_host_api *g_client_host = nullptr;
zend_class_entry *g_client_ce = nullptr;
zend_class_entry *g_client_exception_ce = nullptr;

namespace {

zend_object_handlers client_handlers;
constexpr int kCoOutOfCoroutine = 10001;  // SW_ERROR_CO_OUT_OF_COROUTINE

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<ClientObject *>(zend_object_alloc(sizeof(ClientObject), ce));
    obj->state = nullptr;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &client_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    ClientObject *obj = client_object(object);
    delete obj->state;  // closes the connection
    obj->state = nullptr;
    zend_object_std_dtor(object);
}

double seconds(zval *v) {
    double t = zval_get_double(v);
    return t < 0 ? -1 : t;
}

std::string text(zval *v) {
    zend_string *s = zval_get_string(v);
    std::string out(ZSTR_VAL(s), ZSTR_LEN(s));
    zend_string_release(s);
    return out;
}

zval *opt(HashTable *ht, const char *key) { return zend_hash_str_find(ht, key, strlen(key)); }

bool ensure_ssl_file(zval *v, const char *what, std::string &out) {
    out = text(v);
    if (access(out.c_str(), R_OK) != 0) {
        php_error_docref(nullptr, E_WARNING, "ssl %s file[%s] not found", what, out.c_str());
        return false;
    }
    return true;
}

// ['address' => ..., 'port' => ...] of a socket address.
void address_array(const sockaddr_storage &sa, zval *return_value) {
    char ip[INET6_ADDRSTRLEN] = "";
    int port = 0;
    if (sa.ss_family == AF_INET) {
        auto *in = reinterpret_cast<const sockaddr_in *>(&sa);
        inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
        port = ntohs(in->sin_port);
    } else if (sa.ss_family == AF_INET6) {
        auto *in6 = reinterpret_cast<const sockaddr_in6 *>(&sa);
        inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
        port = ntohs(in6->sin6_port);
    }
    array_init(return_value);
    add_assoc_string(return_value, "address", ip);
    add_assoc_long(return_value, "port", port);
}

// The connection of an upgraded client as the WebSocket hooks see it.
sw_http_ws_stream ws_stream(ClientState &st) {
    sw_http_ws_stream s{};
    s.struct_size = sizeof(s);
    s.client = &st.client;
    s.send = [](void *c, const void *data, size_t n, double t) { return static_cast<HttpClient *>(c)->raw_send(data, n, t); };
    s.recv = [](void *c, void *buf, size_t n, double t) { return static_cast<HttpClient *>(c)->raw_recv(buf, n, t); };
    s.mask = st.websocket_mask;
    s.compression = st.ws_compression_on;
    s.fd = st.client.fd();
    return s;
}

bool not_available(zval *self, ClientState &st) {
    st.client.set_error(kErrClientNoConnection, kStatusServerReset, "connection is not available");
    sync_error(self, st);
    return false;
}

// A failed hook: errCode/errMsg from its code, statusCode -3, and the
// connection closed unless a recv merely timed out.
void hook_failed(zval *self, ClientState &st, int code, bool timeout_keeps) {
    st.client.set_error(code, kStatusServerReset);
    sync_error(self, st);
    if (!(timeout_keeps && code == ETIMEDOUT)) {
        st.client.close();
        st.websocket = false;
        sync_connected(self, st);
    }
}

}  // namespace

// ---- helpers shared with the other binding files ----

ClientState *client_state(zval *self) {
    ClientState *st = client_object(Z_OBJ_P(self))->state;
    if (!st) {
        php_error_docref(nullptr, E_ERROR, "you must call Http Client constructor first");
    }
    return st;
}

void require_coroutine() {
    if (g_client_host->co_id() > 0) return;
    auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\error")));
    zend_throw_exception(ce ? ce : zend_ce_error, "API must be called in the coroutine", kCoOutOfCoroutine);
    // Reported at once as uncaught, as 4.8 does.
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
}

void update_long(zval *self, const char *name, size_t len, zend_long v) {
    zend_update_property_long(g_client_ce, Z_OBJ_P(self), name, len, v);
}
void update_string(zval *self, const char *name, size_t len, std::string_view v) {
    zend_update_property_stringl(g_client_ce, Z_OBJ_P(self), name, len, v.data(), v.size());
}
void update_null(zval *self, const char *name, size_t len) {
    zend_update_property_null(g_client_ce, Z_OBJ_P(self), name, len);
}
zval *read_property(zval *self, const char *name, size_t len) {
    static zval rv;
    return zend_read_property(g_client_ce, Z_OBJ_P(self), name, len, 1, &rv);
}

void sync_error(zval *self, ClientState &st) {
    const ClientError &e = st.client.error();
    update_long(self, ZEND_STRL("errCode"), e.code);
    update_string(self, ZEND_STRL("errMsg"), e.message);
    update_long(self, ZEND_STRL("statusCode"), e.status);
    g_client_host->set_last_error(e.code);
}

void sync_connected(zval *self, ClientState &st) {
    zend_update_property_bool(g_client_ce, Z_OBJ_P(self), ZEND_STRL("connected"), st.client.connected());
}

bool apply_settings(zval *, ClientState &st, HashTable *ht) {
    ClientSettings &s = st.client.settings();
    zval *v;
    bool ok = true;
    if ((v = opt(ht, "timeout"))) s.connect_timeout = s.read_timeout = s.write_timeout = seconds(v);
    if ((v = opt(ht, "connect_timeout"))) s.connect_timeout = seconds(v);
    if ((v = opt(ht, "read_timeout"))) s.read_timeout = seconds(v);
    if ((v = opt(ht, "write_timeout"))) s.write_timeout = seconds(v);
    if ((v = opt(ht, "keep_alive"))) s.keep_alive = zend_is_true(v);
    if ((v = opt(ht, "reconnect"))) {
        zend_long n = zval_get_long(v);
        s.reconnect = static_cast<int>(n < 0 ? 0 : (n > 255 ? 255 : n));
    }
    if ((v = opt(ht, "defer"))) st.defer = zend_is_true(v);
    if ((v = opt(ht, "lowercase_header"))) s.lowercase_header = zend_is_true(v);
    if ((v = opt(ht, "http_compression"))) s.http_compression = zend_is_true(v);
    if ((v = opt(ht, "body_decompression"))) s.body_decompression = zend_is_true(v);
    if ((v = opt(ht, "websocket_mask"))) st.websocket_mask = zend_is_true(v);
    if ((v = opt(ht, "websocket_compression"))) st.websocket_compression = zend_is_true(v);
    if ((v = opt(ht, "open_tcp_nodelay"))) s.tcp_nodelay = zend_is_true(v);
    if ((v = opt(ht, "socket_buffer_size"))) {
        zend_long n = zval_get_long(v);
        if (n <= 0) {
            php_error_docref(nullptr, E_WARNING, "socket buffer size must be greater than 0, got " ZEND_LONG_FMT, n);
            ok = false;
        } else {
            s.socket_buffer_size = static_cast<int>(n > INT32_MAX ? INT32_MAX : n);
        }
    }
    // TLS
    TlsSettings &t = s.tls;
    if ((v = opt(ht, "ssl_verify_peer"))) t.verify_peer = zend_is_true(v);
    if ((v = opt(ht, "ssl_allow_self_signed"))) t.allow_self_signed = zend_is_true(v);
    if ((v = opt(ht, "ssl_host_name"))) {
        t.host_name = text(v);
        t.host_name_set = true;
    }
    if ((v = opt(ht, "ssl_cafile"))) t.cafile = text(v);
    if ((v = opt(ht, "ssl_capath"))) t.capath = text(v);
    if ((v = opt(ht, "ssl_passphrase"))) t.passphrase = text(v);
    if ((v = opt(ht, "ssl_cert_file")) && !ensure_ssl_file(v, "cert", t.cert_file)) ok = false;
    if ((v = opt(ht, "ssl_key_file")) && !ensure_ssl_file(v, "key", t.key_file)) ok = false;
    if (!t.cert_file.empty() && t.key_file.empty()) php_error_docref(nullptr, E_WARNING, "ssl require key file");
    if (t.cert_file.empty() && !t.key_file.empty()) php_error_docref(nullptr, E_WARNING, "ssl require cert file");
    // Proxies
    ProxySettings &p = s.proxy;
    if ((v = opt(ht, "socks5_host"))) {
        p.socks5_host = text(v);
        zval *port = opt(ht, "socks5_port");
        if (!port || Z_TYPE_P(port) == IS_NULL) {
            php_error_docref(nullptr, E_WARNING, "socks5_port should not be null");
            p.socks5_host.clear();
        } else {
            p.socks5_port = static_cast<int>(zval_get_long(port));
        }
        if ((v = opt(ht, "socks5_username"))) {
            p.socks5_user = text(v);
            zval *pass = opt(ht, "socks5_password");
            if (!pass || Z_TYPE_P(pass) == IS_NULL) {
                php_error_docref(nullptr, E_WARNING, "socks5_password should not be null");
            } else {
                p.socks5_password = text(pass);
            }
        }
    }
    if ((v = opt(ht, "http_proxy_host"))) {
        p.http_host = text(v);
        zval *port = opt(ht, "http_proxy_port");
        if (!port || Z_TYPE_P(port) == IS_NULL) {
            php_error_docref(nullptr, E_WARNING, "http_proxy_port should not be null");
            p.http_host.clear();
        } else {
            p.http_port = static_cast<int>(zval_get_long(port));
        }
        zval *user = opt(ht, "http_proxy_username");
        if (!user) user = opt(ht, "http_proxy_user");
        if (user) {
            p.http_user = text(user);
            zval *pass = opt(ht, "http_proxy_password");
            if (!pass || Z_TYPE_P(pass) == IS_NULL) {
                php_error_docref(nullptr, E_WARNING, "http_proxy_password should not be null");
            } else {
                p.http_password = text(pass);
            }
        }
    }
    return ok;
}

// ---- methods ----

namespace {

#define CLIENT_STATE()                          \
    ClientState *st = client_state(ZEND_THIS);  \
    if (!st) RETURN_FALSE

PHP_METHOD(Client, __construct) {
    zend_string *host;
    zend_long port = 0;
    bool ssl = false;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_STR(host)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(port)
    Z_PARAM_BOOL(ssl)
    ZEND_PARSE_PARAMETERS_END();
    zend_update_property_str(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("host"), host);
    update_long(ZEND_THIS, ZEND_STRL("port"), port);
    zend_update_property_bool(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("ssl"), ssl);
    if (ZSTR_LEN(host) == 0) {
        zend_throw_exception(g_client_exception_ce, "host is empty", EINVAL);
        RETURN_THROWS();
    }
    if (port <= 0 || port > 65535) port = ssl ? 443 : 80;
    ClientObject *obj = client_object(Z_OBJ_P(ZEND_THIS));
    delete obj->state;
    obj->state = new ClientState(g_client_host, std::string(ZSTR_VAL(host), ZSTR_LEN(host)), static_cast<int>(port), ssl);
}

PHP_METHOD(Client, __destruct) {}

PHP_METHOD(Client, set) {
    HashTable *options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    if (zend_hash_num_elements(options) == 0) RETURN_FALSE;
    zval *setting = read_property(ZEND_THIS, ZEND_STRL("setting"));
    zval merged;
    if (Z_TYPE_P(setting) == IS_ARRAY) {
        ZVAL_ARR(&merged, zend_array_dup(Z_ARRVAL_P(setting)));
    } else {
        array_init(&merged);
    }
    zend_hash_merge(Z_ARRVAL(merged), options, zval_add_ref, 1);
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("setting"), &merged);
    zval_ptr_dtor(&merged);
    RETURN_BOOL(apply_settings(ZEND_THIS, *st, options));
}

PHP_METHOD(Client, getDefer) {
    ZEND_PARSE_PARAMETERS_NONE();
    CLIENT_STATE();
    RETURN_BOOL(st->defer);
}

PHP_METHOD(Client, setDefer) {
    bool defer = true;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_BOOL(defer)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    st->defer = defer;
    RETURN_TRUE;
}

PHP_METHOD(Client, setMethod) {
    zend_string *method;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(method)
    ZEND_PARSE_PARAMETERS_END();
    zend_update_property_str(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("requestMethod"), method);
    RETURN_TRUE;
}

PHP_METHOD(Client, setHeaders) {
    zval *headers;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY(headers)
    ZEND_PARSE_PARAMETERS_END();
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("requestHeaders"), headers);
    RETURN_TRUE;
}

PHP_METHOD(Client, setBasicAuth) {
    zend_string *user, *pass;
    ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_STR(user)
    Z_PARAM_STR(pass)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    st->basic_auth = basic_authorization({ZSTR_VAL(user), ZSTR_LEN(user)}, {ZSTR_VAL(pass), ZSTR_LEN(pass)});
}

PHP_METHOD(Client, setCookies) {
    zval *cookies;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY(cookies)
    ZEND_PARSE_PARAMETERS_END();
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("cookies"), cookies);
    RETURN_TRUE;
}

PHP_METHOD(Client, setData) {
    zval *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ZVAL(data)
    ZEND_PARSE_PARAMETERS_END();
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("requestBody"), data);
    RETURN_TRUE;
}

// An entry of the uploadFiles property.
void add_upload(zval *self, zval *entry) {
    zval *files = read_property(self, ZEND_STRL("uploadFiles"));
    if (Z_TYPE_P(files) != IS_ARRAY) {
        zval arr;
        array_init(&arr);
        zend_update_property(g_client_ce, Z_OBJ_P(self), ZEND_STRL("uploadFiles"), &arr);
        zval_ptr_dtor(&arr);
        files = read_property(self, ZEND_STRL("uploadFiles"));
    }
    SEPARATE_ARRAY(files);
    add_next_index_zval(files, entry);
}

PHP_METHOD(Client, addFile) {
    zend_string *path, *name, *type = nullptr, *filename = nullptr;
    zend_long offset = 0, length = 0;
    ZEND_PARSE_PARAMETERS_START(2, 6)
    Z_PARAM_STR(path)
    Z_PARAM_STR(name)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR_OR_NULL(type)
    Z_PARAM_STR_OR_NULL(filename)
    Z_PARAM_LONG(offset)
    Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    if (offset < 0) offset = 0;
    if (length < 0) length = 0;
    struct stat st;
    if (stat(ZSTR_VAL(path), &st) < 0) {
        php_error_docref(nullptr, E_WARNING, "stat(%s) failed, Error: %s[%d]", ZSTR_VAL(path), strerror(errno), errno);
        RETURN_FALSE;
    }
    if (st.st_size == 0) {
        php_error_docref(nullptr, E_WARNING, "cannot send empty file[%s]", ZSTR_VAL(path));
        RETURN_FALSE;
    }
    if (st.st_size <= offset) {
        php_error_docref(nullptr, E_WARNING, "parameter $offset[" ZEND_LONG_FMT "] exceeds the file size", offset);
        RETURN_FALSE;
    }
    if (length > st.st_size - offset) {
        php_error_docref(nullptr, E_WARNING, "parameter $length[" ZEND_LONG_FMT "] exceeds the file size", length);
        RETURN_FALSE;
    }
    if (length == 0) length = st.st_size - offset;
    std::string_view p(ZSTR_VAL(path), ZSTR_LEN(path));
    std::string_view mime = type && ZSTR_LEN(type) ? std::string_view(ZSTR_VAL(type), ZSTR_LEN(type)) : mime_type_of(p);
    std::string_view base = filename && ZSTR_LEN(filename) ? std::string_view(ZSTR_VAL(filename), ZSTR_LEN(filename))
                                                            : p.substr(p.rfind('/') == std::string_view::npos ? 0 : p.rfind('/') + 1);
    zval entry;
    array_init(&entry);
    add_assoc_str(&entry, "path", zend_string_copy(path));
    add_assoc_str(&entry, "name", zend_string_copy(name));
    add_assoc_stringl(&entry, "filename", base.data(), base.size());
    add_assoc_stringl(&entry, "type", mime.data(), mime.size());
    add_assoc_long(&entry, "size", length);
    add_assoc_long(&entry, "offset", offset);
    add_upload(ZEND_THIS, &entry);
    RETURN_TRUE;
}

PHP_METHOD(Client, addData) {
    zend_string *data, *name, *type = nullptr, *filename = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 4)
    Z_PARAM_STR(data)
    Z_PARAM_STR(name)
    Z_PARAM_OPTIONAL
    Z_PARAM_STR_OR_NULL(type)
    Z_PARAM_STR_OR_NULL(filename)
    ZEND_PARSE_PARAMETERS_END();
    zval entry;
    array_init(&entry);
    add_assoc_str(&entry, "content", zend_string_copy(data));
    add_assoc_str(&entry, "name", zend_string_copy(name));
    add_assoc_str(&entry, "filename", zend_string_copy(filename && ZSTR_LEN(filename) ? filename : name));
    if (type && ZSTR_LEN(type)) {
        add_assoc_str(&entry, "type", zend_string_copy(type));
    } else {
        add_assoc_string(&entry, "type", "application/octet-stream");
    }
    add_assoc_long(&entry, "size", static_cast<zend_long>(ZSTR_LEN(data)));
    add_upload(ZEND_THIS, &entry);
    RETURN_TRUE;
}

PHP_METHOD(Client, execute) {
    zend_string *path;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(path)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    RETURN_BOOL(execute_request(ZEND_THIS, *st, {ZSTR_VAL(path), ZSTR_LEN(path)}));
}

PHP_METHOD(Client, get) {
    zend_string *path;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(path)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    update_string(ZEND_THIS, ZEND_STRL("requestMethod"), "GET");
    RETURN_BOOL(execute_request(ZEND_THIS, *st, {ZSTR_VAL(path), ZSTR_LEN(path)}));
}

PHP_METHOD(Client, post) {
    zend_string *path;
    zval *data;
    ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_STR(path)
    Z_PARAM_ZVAL(data)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    update_string(ZEND_THIS, ZEND_STRL("requestMethod"), "POST");
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("requestBody"), data);
    RETURN_BOOL(execute_request(ZEND_THIS, *st, {ZSTR_VAL(path), ZSTR_LEN(path)}));
}

PHP_METHOD(Client, download) {
    zend_string *path;
    zval *file;
    zend_long offset = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
    Z_PARAM_STR(path)
    Z_PARAM_ZVAL(file)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(offset)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    zend_update_property(g_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("downloadFile"), file);
    update_long(ZEND_THIS, ZEND_STRL("downloadOffset"), offset);
    RETURN_BOOL(execute_request(ZEND_THIS, *st, {ZSTR_VAL(path), ZSTR_LEN(path)}));
}

PHP_METHOD(Client, upgrade) {
    zend_string *path;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(path)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    RETURN_BOOL(upgrade_connection(ZEND_THIS, *st, {ZSTR_VAL(path), ZSTR_LEN(path)}));
}

PHP_METHOD(Client, push) {
    zval *data;
    zend_long opcode = 1;  // WEBSOCKET_OPCODE_TEXT
    zend_long flags = 1;   // SWOOLE_WEBSOCKET_FLAG_FIN
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_ZVAL(data)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(opcode)
    Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    if (!st->websocket) {
        static constexpr std::string_view msg = "websocket handshake failed, cannot push data";
        php_error_docref(nullptr, E_WARNING, "%s", msg.data());
        st->client.set_error(kErrWebsocketHandshakeFailed, kStatusConnectFailed, msg);
        sync_error(ZEND_THIS, *st);
        RETURN_FALSE;
    }
    if (!st->client.connected()) RETURN_BOOL(not_available(ZEND_THIS, *st));
    const sw_http_ws_hooks *hooks = swoole_http_client_websocket_hooks();
    if (!hooks) {
        st->client.set_error(kErrWebsocketPackFailed, 0, "websocket module is not loaded");
        update_long(ZEND_THIS, ZEND_STRL("errCode"), kErrWebsocketPackFailed);
        update_string(ZEND_THIS, ZEND_STRL("errMsg"), "websocket module is not loaded");
        RETURN_FALSE;
    }
    require_coroutine();
    sw_http_ws_stream stream = ws_stream(*st);
    int rc = hooks->push(&stream, data, static_cast<long>(opcode), static_cast<long>(flags));
    if (rc != 0) {
        hook_failed(ZEND_THIS, *st, rc, false);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Client, recv) {
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    CLIENT_STATE();
    if (!st->websocket) RETURN_BOOL(receive_response(ZEND_THIS, *st, timeout));
    if (!st->client.connected()) RETURN_BOOL(not_available(ZEND_THIS, *st));
    const sw_http_ws_hooks *hooks = swoole_http_client_websocket_hooks();
    if (!hooks) {
        st->client.set_error(kErrWebsocketUnpackFailed, 0, "websocket module is not loaded");
        update_long(ZEND_THIS, ZEND_STRL("errCode"), kErrWebsocketUnpackFailed);
        update_string(ZEND_THIS, ZEND_STRL("errMsg"), "websocket module is not loaded");
        RETURN_FALSE;
    }
    require_coroutine();
    sw_http_ws_stream stream = ws_stream(*st);
    ZVAL_FALSE(return_value);
    int rc = hooks->recv(&stream, timeout, return_value);
    if (rc != 0) {
        zval_ptr_dtor(return_value);
        ZVAL_FALSE(return_value);
        hook_failed(ZEND_THIS, *st, rc, true);
    }
}

PHP_METHOD(Client, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    CLIENT_STATE();
    bool had = st->client.connected();
    st->client.close();
    st->websocket = false;
    st->waiting = false;
    sync_connected(ZEND_THIS, *st);
    RETURN_BOOL(had);
}

#define RETURN_PROPERTY(name)                                  \
    do {                                                       \
        ZEND_PARSE_PARAMETERS_NONE();                          \
        RETURN_COPY(read_property(ZEND_THIS, ZEND_STRL(name))); \
    } while (0)

PHP_METHOD(Client, getBody) { RETURN_PROPERTY("body"); }
PHP_METHOD(Client, getHeaders) { RETURN_PROPERTY("headers"); }
PHP_METHOD(Client, getCookies) { RETURN_PROPERTY("cookies"); }
PHP_METHOD(Client, getStatusCode) { RETURN_PROPERTY("statusCode"); }

PHP_METHOD(Client, getHeaderOut) {
    ZEND_PARSE_PARAMETERS_NONE();
    CLIENT_STATE();
    std::string_view head = st->request.head_text();
    if (head.empty()) RETURN_FALSE;
    RETURN_STRINGL(head.data(), head.size());
}

void socket_address(INTERNAL_FUNCTION_PARAMETERS, bool peer) {
    ZEND_PARSE_PARAMETERS_NONE();
    CLIENT_STATE();
    int fd = st->client.fd();
    if (fd < 0) RETURN_FALSE;
    sockaddr_storage sa{};
    socklen_t len = sizeof(sa);
    int rc = peer ? getpeername(fd, reinterpret_cast<sockaddr *>(&sa), &len)
                  : getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &len);
    if (rc < 0) RETURN_FALSE;
    address_array(sa, return_value);
}

PHP_METHOD(Client, getsockname) { socket_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Client, getpeername) { socket_address(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

// The SDK's socket table (ABI 1.3) does not expose the peer certificate:
// false until it does (documented in docs/http.md).
PHP_METHOD(Client, getPeerCert) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_FALSE;
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ssl, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_none, 0, 0, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool_none, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_defer, 0, 0, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, defer, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_method, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_headers, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_basic_auth, 0, 2, IS_VOID, 0)
ZEND_ARG_TYPE_INFO(0, username, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_cookies, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, cookies, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_data, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_MASK(0, data, MAY_BE_STRING | MAY_BE_ARRAY, NULL)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_add_file, 0, 2, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_STRING, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filename, IS_STRING, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_add_data, 0, 2, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_STRING, 1, "\"application/octet-stream\"")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filename, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_path, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_post, 0, 2, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_download, 0, 2, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_push, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, opcode, IS_LONG, 0, "1")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_recv, 0, 0, IS_MIXED, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_string_none, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_array_none, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_long_none, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_string_false, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_array_false, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

const zend_function_entry client_methods[] = {
    PHP_ME(Client, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    PHP_ME(Client, __destruct, arginfo_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, set, arginfo_set, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getDefer, arginfo_bool_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setDefer, arginfo_set_defer, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setMethod, arginfo_set_method, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setHeaders, arginfo_set_headers, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setBasicAuth, arginfo_basic_auth, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setCookies, arginfo_set_cookies, ZEND_ACC_PUBLIC)
    PHP_ME(Client, setData, arginfo_set_data, ZEND_ACC_PUBLIC)
    PHP_ME(Client, addFile, arginfo_add_file, ZEND_ACC_PUBLIC)
    PHP_ME(Client, addData, arginfo_add_data, ZEND_ACC_PUBLIC)
    PHP_ME(Client, execute, arginfo_path, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getpeername, arginfo_array_false, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getsockname, arginfo_array_false, ZEND_ACC_PUBLIC)
    PHP_ME(Client, get, arginfo_path, ZEND_ACC_PUBLIC)
    PHP_ME(Client, post, arginfo_post, ZEND_ACC_PUBLIC)
    PHP_ME(Client, download, arginfo_download, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getBody, arginfo_string_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getHeaders, arginfo_array_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getCookies, arginfo_array_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getStatusCode, arginfo_long_none, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getHeaderOut, arginfo_string_false, ZEND_ACC_PUBLIC)
    PHP_ME(Client, getPeerCert, arginfo_string_false, ZEND_ACC_PUBLIC)
    PHP_ME(Client, upgrade, arginfo_path, ZEND_ACC_PUBLIC)
    PHP_ME(Client, push, arginfo_push, ZEND_ACC_PUBLIC)
    PHP_ME(Client, recv, arginfo_recv, ZEND_ACC_PUBLIC)
    PHP_ME(Client, close, arginfo_bool_none, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

int register_client_class(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Http\\Client", client_methods);
    g_client_ce = zend_register_internal_class(&ce);
    g_client_ce->create_object = create_object;
    g_client_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    memcpy(&client_handlers, zend_get_std_object_handlers(), sizeof(client_handlers));
    client_handlers.offset = XtOffsetOf(ClientObject, std);
    client_handlers.free_obj = free_object;
    client_handlers.clone_obj = nullptr;

    zend_class_entry *c = g_client_ce;
    zend_declare_property_long(c, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(c, ZEND_STRL("errMsg"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_bool(c, ZEND_STRL("connected"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(c, ZEND_STRL("host"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_long(c, ZEND_STRL("port"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_bool(c, ZEND_STRL("ssl"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("requestMethod"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("requestHeaders"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("requestBody"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("uploadFiles"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("downloadFile"), ZEND_ACC_PUBLIC);
    zend_declare_property_long(c, ZEND_STRL("downloadOffset"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(c, ZEND_STRL("statusCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("headers"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("set_cookie_headers"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(c, ZEND_STRL("cookies"), ZEND_ACC_PUBLIC);
    zend_declare_property_string(c, ZEND_STRL("body"), "", ZEND_ACC_PUBLIC);

    auto *base = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\exception")));
    zend_class_entry ece;
    INIT_CLASS_ENTRY(ece, "Swoole\\Coroutine\\Http\\Client\\Exception", nullptr);
    g_client_exception_ce = zend_register_internal_class_ex(&ece, base ? base : zend_ce_exception);

    if (INI_BOOL("swoole.use_shortname")) {
        zend_register_class_alias("Co\\Http\\Client", g_client_ce);
        zend_register_class_alias("Co\\Http\\Client\\Exception", g_client_exception_ce);
    }
    struct NamedLong {
        const char *name;
        zend_long value;
    };
    static const NamedLong constants[] = {
        {"SWOOLE_HTTP_CLIENT_ESTATUS_CONNECT_FAILED", kStatusConnectFailed},
        {"SWOOLE_HTTP_CLIENT_ESTATUS_REQUEST_TIMEOUT", kStatusRequestTimeout},
        {"SWOOLE_HTTP_CLIENT_ESTATUS_SERVER_RESET", kStatusServerReset},
        {"SWOOLE_HTTP_CLIENT_ESTATUS_SEND_FAILED", kStatusSendFailed},
    };
    for (const NamedLong &k : constants) {
        zend_register_long_constant(k.name, strlen(k.name), k.value, CONST_CS | CONST_PERSISTENT, module_number);
    }
    return 0;
}

}  // namespace swoole::mod::http::client
