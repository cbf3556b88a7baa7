// Swoole\Http\Server (a Swoole\Server whose primary port speaks "http"), the
// request handler that turns each delivered request into Request/Response
// and calls onRequest, the static handler in front of it, and the classes'
// registration.
#include "http_module.h"
#include "http2/h2_binding.h"
#include "server/http_protocol.h"
#include "server/php_binding.h"
#include "server/request_wire.h"
#include "server/response_writer.h"

#include <llhttp.h>
#include <swoole/sdk.hpp>

#include <memory>

namespace swoole::mod::http {

const sw_host_api *g_php_host = nullptr;
zend_class_entry *g_http_server_ce = nullptr;

namespace {

zend_object *g_settings_server = nullptr;
std::unique_ptr<HttpSettings> g_settings;

zval *setting_of(zend_object *server, const char *key) {
    zval rv;
    zval *arr = zend_read_property(server->ce, server, "setting", 7, 1, &rv);
    if (!arr || Z_TYPE_P(arr) != IS_ARRAY) return nullptr;
    return zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key));
}

bool bool_setting(zend_object *server, const char *key, bool fallback) {
    zval *v = setting_of(server, key);
    return v ? zend_is_true(v) : fallback;
}

void string_list(zval *v, std::vector<std::string> &out) {
    if (!v || Z_TYPE_P(v) != IS_ARRAY) return;
    zval *item;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
        zend_string *s = zval_get_string(item);
        out.emplace_back(ZSTR_VAL(s), ZSTR_LEN(s));
        zend_string_release(s);
    }
    ZEND_HASH_FOREACH_END();
}

std::unique_ptr<HttpSettings> read_settings(zend_object *server) {
    auto s = std::make_unique<HttpSettings>();
    s->parse_post = bool_setting(server, "http_parse_post", true);
    s->parse_cookie = bool_setting(server, "http_parse_cookie", true);
    s->parse_files = bool_setting(server, "http_parse_files", false);
    s->compression = bool_setting(server, "http_compression", true);
    for (const char *k : {"http_compression_level", "http_gzip_level", "compression_level"}) {
        if (zval *v = setting_of(server, k)) s->compression_level = static_cast<int>(zval_get_long(v));
    }
    for (const char *k : {"http_compression_min_length", "compression_min_length"}) {
        if (zval *v = setting_of(server, k)) s->compression_min_length = static_cast<size_t>(std::max<zend_long>(0, zval_get_long(v)));
    }
    if (zval *v = setting_of(server, "upload_tmp_dir")) {
        zend_string *d = zval_get_string(v);
        s->multipart.upload_tmp_dir.assign(ZSTR_VAL(d), ZSTR_LEN(d));
        zend_string_release(d);
    }
    zval *root = setting_of(server, "document_root");
    s->static_enabled = bool_setting(server, "enable_static_handler", false) && root;
    if (s->static_enabled) {
        StaticOptions o;
        zend_string *d = zval_get_string(root);
        o.document_root.assign(ZSTR_VAL(d), ZSTR_LEN(d));
        zend_string_release(d);
        string_list(setting_of(server, "static_handler_locations"), o.locations);
        string_list(setting_of(server, "http_index_files"), o.index_files);
        o.autoindex = bool_setting(server, "http_autoindex", false);
        s->static_handler = StaticHandler(std::move(o));
    }
    return s;
}

std::string_view find_header(const WireView &wire, std::string_view name) {
    for (uint32_t i = 0; i < wire.header_count(); ++i) {
        WireHeader h = wire.header(i);
        if (iequals(wire.name(h), name)) return wire.value(h);
    }
    return {};
}

// Answers from document_root when the static handler takes the request.
bool serve_static(zend_object *server, int64_t session, const WireView &wire, const HttpSettings &s) {
    thread_local StaticResult result;
    StaticRequest sr;
    sr.url = wire.url();
    sr.if_modified_since = find_header(wire, "if-modified-since");
    sr.range = find_header(wire, "range");
    sr.if_range = find_header(wire, "if-range");
    s.static_handler.handle(sr, result);
    if (result.status == StaticStatus::pass) return false;
    thread_local ResponseWriter w;
    w.clear();
    w.status_line(result.http_status(), "");
    w.buffer().append(result.headers);
    UserHeaderSet user;
    user.content_type = true;  // the handler's own (or none for 304/416)
    w.defaults_and_end(user, wire.keep_alive(), static_cast<int64_t>(result.content_length), "");
    bool head = wire.fixed().method == HTTP_HEAD;
    int rc = g_php_host->server_send(server, session, w.buffer().data(), w.buffer().size());
    for (size_t i = 0; rc == 0 && !head && i < result.pieces.size(); ++i) {
        const StaticPiece &p = result.pieces[i];
        if (p.length == 0) continue;
        if (p.from_file) {
            rc = g_php_host->server_sendfile(server, session, result.path.c_str(), p.offset, p.length);
        } else {
            std::string_view t = result.piece_text(p);
            rc = g_php_host->server_send(server, session, t.data(), t.size());
        }
    }
    if (rc != 0 || !wire.keep_alive()) g_php_host->server_close(server, session, 0);
    return true;
}

void on_request(void *, void *server_ptr, const sw_server_request *req) {
    auto *server = static_cast<zend_object *>(server_ptr);
    g_current_server = server;
    WireView wire;
    if (!wire.parse({req->data, req->length})) {
        sdk::log(SW_LOG_WARNING, "http: a malformed request reached the worker");
        g_php_host->server_close(server, req->session, 1);
        return;
    }
    const HttpSettings &s = http_settings(server);
    if (s.static_enabled && serve_static(server, req->session, wire, s)) return;
    Encoding encoding = Encoding::none;
    if (s.compression) {
        std::string_view accept = find_header(wire, "accept-encoding");
        if (!accept.empty()) encoding = choose_encoding(accept);
    }
    zval args[2];
    object_init_ex(&args[0], g_request_ce);
    build_request(Z_OBJ(args[0]), server, *req, wire, s);
    object_init_ex(&args[1], g_response_ce);
    init_response(Z_OBJ(args[1]), server, req->session, wire.keep_alive(), wire.fixed().method == HTTP_HEAD, encoding);
    if (void *cb = g_php_host->server_port_callback(server, req->session, "request")) {
        g_php_host->server_call(server, cb, 2, args);
    }
    zval_ptr_dtor(&args[0]);
    zval_ptr_dtor(&args[1]);
}

// start(): the checks of this class (see http2_check_start), then
// Swoole\Server::start(). (Each port's package_max_length reaches the
// protocol through the host: conn_package_max_length.)
PHP_METHOD(SwooleHttpServer, start) {
    ZEND_PARSE_PARAMETERS_NONE();
    zend_object *self = Z_OBJ_P(ZEND_THIS);
    if (!http2_check_start(self)) RETURN_FALSE;
    zend_function *parent_start =
        static_cast<zend_function *>(zend_hash_str_find_ptr(&g_http_server_ce->parent->function_table, "start", 5));
    if (!parent_start) RETURN_FALSE;
    zend_call_known_instance_method(parent_start, self, return_value, 0, nullptr);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_http_server_start, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

const zend_function_entry g_http_server_methods[] = {
    PHP_ME(SwooleHttpServer, start, arginfo_http_server_start, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

const HttpSettings &http_settings(zend_object *server) {
    if (!g_settings || g_settings_server != server) {
        g_settings = read_settings(server);
        g_settings_server = server;
    }
    return *g_settings;
}

int server_register_classes() {
    g_php_host = &sdk::Host::api();
    const sw_host_api *host = g_php_host;
    if (!SW_HOST_HAS(host, server_client_info)) return -1;  // a host without the PHP side of servers
    auto *server_ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\server")));
    if (!server_ce) return -1;
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Http\\Server", g_http_server_methods);
    g_http_server_ce = zend_register_internal_class_ex(&ce, server_ce);
    zend_register_class_alias("swoole_http_server", g_http_server_ce);
    register_request_class();
    register_response_class();
    if (host->server_class_protocol(g_http_server_ce, "http", "request") != 0) return -1;
    if (host->server_set_request_handler("http", on_request, nullptr) != 0) return -1;
    if (http2_register(on_request) != 0) return -1;  // "http2": HTTP/1 requests go on to on_request
    return 0;
}

}  // namespace swoole::mod::http
