// Swoole\Http2\Request and Swoole\Http2\Response (plain property bags, as in
// 4.8), the SWOOLE_HTTP2_TYPE_* / SWOOLE_HTTP2_ERROR_* constants, and the
// conversions between those objects and the PHP-free request/response.
#include "http2_client/http2_client_binding.h"

extern "C" {
#include "ext/standard/php_http.h"
#include "ext/standard/url.h"
#include "zend_smart_str.h"
}

namespace swoole::mod::http::h2c {

zend_class_entry *g_h2_request_ce = nullptr;
zend_class_entry *g_h2_response_ce = nullptr;

namespace {

void lower_append(std::string &out, std::string_view s) {
    for (char c : s) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Connection-specific fields HTTP/2 forbids (RFC 7540 §8.1.2.2).
bool forbidden_header(std::string_view name) {
    return name == "connection" || name == "keep-alive" || name == "proxy-connection" ||
           name == "transfer-encoding" || name == "upgrade";
}

zval *prop(zend_object *obj, const char *name, size_t len, zval *rv) {
    return zend_read_property(obj->ce, obj, name, len, 1, rv);
}

void update_string(zend_object *obj, const char *name, size_t len, std::string_view value) {
    zend_update_property_stringl(g_h2_response_ce, obj, name, len, value.data(), value.size());
}

}  // namespace

bool encode_body(zval *data, std::string &out) {
    if (Z_TYPE_P(data) == IS_ARRAY) {
        smart_str form = {};
        php_url_encode_hash_ex(Z_ARRVAL_P(data), &form, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, nullptr,
                               PHP_QUERY_RFC1738);
        if (EG(exception)) {
            smart_str_free(&form);
            return false;
        }
        if (form.s) out.append(ZSTR_VAL(form.s), ZSTR_LEN(form.s));
        smart_str_free(&form);
        return true;
    }
    if (Z_TYPE_P(data) == IS_NULL || Z_TYPE_P(data) == IS_FALSE) return true;
    zend_string *s = zval_get_string(data);
    out.append(ZSTR_VAL(s), ZSTR_LEN(s));
    zend_string_release(s);
    return !EG(exception);  // an object without __toString
}

bool request_from_object(zend_object *request, std::string_view host, int port, bool tls, RequestSpec &out) {
    zval rv;
    zval *method = prop(request, ZEND_STRL("method"), &rv);
    if (Z_TYPE_P(method) == IS_STRING && Z_STRLEN_P(method) > 0) out.method.assign(Z_STRVAL_P(method), Z_STRLEN_P(method));
    zval *path = prop(request, ZEND_STRL("path"), &rv);
    if (Z_TYPE_P(path) == IS_STRING && Z_STRLEN_P(path) > 0) out.path.assign(Z_STRVAL_P(path), Z_STRLEN_P(path));

    bool has_content_type = false;
    zval *headers = prop(request, ZEND_STRL("headers"), &rv);
    if (Z_TYPE_P(headers) == IS_ARRAY) {
        zend_string *key;
        zval *value;
        ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), key, value) {
            if (!key || ZSTR_LEN(key) == 0 || ZSTR_VAL(key)[0] == ':' || Z_TYPE_P(value) == IS_NULL) continue;
            std::string name;
            lower_append(name, {ZSTR_VAL(key), ZSTR_LEN(key)});
            zend_string *v = zval_get_string(value);
            if (name == "host") {
                out.authority.assign(ZSTR_VAL(v), ZSTR_LEN(v));
            } else if (!forbidden_header(name)) {
                if (name == "content-type") has_content_type = true;
                out.headers.emplace_back(std::move(name), std::string(ZSTR_VAL(v), ZSTR_LEN(v)));
            }
            zend_string_release(v);
        }
        ZEND_HASH_FOREACH_END();
    }
    if (out.authority.empty()) out.authority = default_authority(host, port, tls);

    zval *cookies = prop(request, ZEND_STRL("cookies"), &rv);
    if (Z_TYPE_P(cookies) == IS_ARRAY) {
        zend_string *key;
        zval *value;
        ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(cookies), key, value) {
            if (!key || Z_TYPE_P(value) == IS_NULL) continue;
            std::string cookie(ZSTR_VAL(key), ZSTR_LEN(key));
            cookie += '=';
            zend_string *v = zval_get_string(value);
            url_encode_append(cookie, {ZSTR_VAL(v), ZSTR_LEN(v)});
            zend_string_release(v);
            out.headers.emplace_back("cookie", std::move(cookie));
        }
        ZEND_HASH_FOREACH_END();
    }

    zval *data = prop(request, ZEND_STRL("data"), &rv);
    if (Z_TYPE_P(data) == IS_ARRAY && !has_content_type) {
        out.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    }
    if (!encode_body(data, out.body)) return false;
    out.pipeline = zend_is_true(prop(request, ZEND_STRL("pipeline"), &rv));
    out.pipeline_read = zend_is_true(prop(request, ZEND_STRL("usePipelineRead"), &rv));
    return true;
}

void response_to_object(Response &r, zval *rv) {
    object_init_ex(rv, g_h2_response_ce);
    zend_object *obj = Z_OBJ_P(rv);
    zend_update_property_long(g_h2_response_ce, obj, ZEND_STRL("streamId"), r.stream_id);
    zend_update_property_long(g_h2_response_ce, obj, ZEND_STRL("errCode"), r.error_code);
    zend_update_property_long(g_h2_response_ce, obj, ZEND_STRL("statusCode"), r.status);
    zend_update_property_bool(g_h2_response_ce, obj, ZEND_STRL("pipeline"), r.pipeline);
    if (r.status > 0 || !r.headers.empty()) {
        // The HEADERS of this part arrived: 4.8 shows the three arrays then.
        zval headers, set_cookies, cookies;
        array_init_size(&headers, static_cast<uint32_t>(r.headers.size()));
        for (auto &[name, value] : r.headers) {
            add_assoc_stringl_ex(&headers, name.data(), name.size(), value.data(), value.size());
        }
        array_init(&set_cookies);
        for (auto &line : r.set_cookies) add_next_index_stringl(&set_cookies, line.data(), line.size());
        array_init(&cookies);
        for (auto &[name, value] : r.cookies) add_assoc_stringl_ex(&cookies, name.data(), name.size(), value.data(), value.size());
        zend_update_property(g_h2_response_ce, obj, ZEND_STRL("headers"), &headers);
        zend_update_property(g_h2_response_ce, obj, ZEND_STRL("set_cookie_headers"), &set_cookies);
        zend_update_property(g_h2_response_ce, obj, ZEND_STRL("cookies"), &cookies);
        zval_ptr_dtor(&headers);
        zval_ptr_dtor(&set_cookies);
        zval_ptr_dtor(&cookies);
    }
    if (!r.body.empty()) update_string(obj, ZEND_STRL("data"), r.body);
}

void register_message_classes() {
    zend_class_entry ce;
    if (!zend_hash_str_exists(CG(class_table), ZEND_STRL("swoole\\http2\\request"))) {
        INIT_CLASS_ENTRY(ce, "Swoole\\Http2\\Request", nullptr);
        g_h2_request_ce = zend_register_internal_class(&ce);
        zend_declare_property_string(g_h2_request_ce, ZEND_STRL("path"), "/", ZEND_ACC_PUBLIC);
        zend_declare_property_string(g_h2_request_ce, ZEND_STRL("method"), "GET", ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_request_ce, ZEND_STRL("headers"), ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_request_ce, ZEND_STRL("cookies"), ZEND_ACC_PUBLIC);
        zend_declare_property_string(g_h2_request_ce, ZEND_STRL("data"), "", ZEND_ACC_PUBLIC);
        zend_declare_property_bool(g_h2_request_ce, ZEND_STRL("pipeline"), 0, ZEND_ACC_PUBLIC);
        // usePipelineRead is optional (set dynamically, read if present).
        g_h2_request_ce->ce_flags |= ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
        zend_register_class_alias("swoole_http2_request", g_h2_request_ce);
    }
    if (!zend_hash_str_exists(CG(class_table), ZEND_STRL("swoole\\http2\\response"))) {
        INIT_CLASS_ENTRY(ce, "Swoole\\Http2\\Response", nullptr);
        g_h2_response_ce = zend_register_internal_class(&ce);
        zend_declare_property_long(g_h2_response_ce, ZEND_STRL("streamId"), 0, ZEND_ACC_PUBLIC);
        zend_declare_property_long(g_h2_response_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
        zend_declare_property_long(g_h2_response_ce, ZEND_STRL("statusCode"), 0, ZEND_ACC_PUBLIC);
        zend_declare_property_bool(g_h2_response_ce, ZEND_STRL("pipeline"), 0, ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_response_ce, ZEND_STRL("headers"), ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_response_ce, ZEND_STRL("set_cookie_headers"), ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_response_ce, ZEND_STRL("cookies"), ZEND_ACC_PUBLIC);
        zend_declare_property_null(g_h2_response_ce, ZEND_STRL("data"), ZEND_ACC_PUBLIC);
        g_h2_response_ce->ce_flags |= ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
        zend_register_class_alias("swoole_http2_response", g_h2_response_ce);
    }
    if (!g_h2_request_ce) g_h2_request_ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\http2\\request")));
    if (!g_h2_response_ce) g_h2_response_ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\http2\\response")));
}

void register_http2_constants(int module_number) {
    struct Named {
        const char *name;
        zend_long value;
    };
    static const Named constants[] = {
        {"SWOOLE_HTTP2_TYPE_DATA", 0},
        {"SWOOLE_HTTP2_TYPE_HEADERS", 1},
        {"SWOOLE_HTTP2_TYPE_PRIORITY", 2},
        {"SWOOLE_HTTP2_TYPE_RST_STREAM", 3},
        {"SWOOLE_HTTP2_TYPE_SETTINGS", 4},
        {"SWOOLE_HTTP2_TYPE_PUSH_PROMISE", 5},
        {"SWOOLE_HTTP2_TYPE_PING", 6},
        {"SWOOLE_HTTP2_TYPE_GOAWAY", 7},
        {"SWOOLE_HTTP2_TYPE_WINDOW_UPDATE", 8},
        {"SWOOLE_HTTP2_TYPE_CONTINUATION", 9},
        {"SWOOLE_HTTP2_ERROR_NO_ERROR", 0},
        {"SWOOLE_HTTP2_ERROR_PROTOCOL_ERROR", 1},
        {"SWOOLE_HTTP2_ERROR_INTERNAL_ERROR", 2},
        {"SWOOLE_HTTP2_ERROR_FLOW_CONTROL_ERROR", 3},
        {"SWOOLE_HTTP2_ERROR_SETTINGS_TIMEOUT", 4},
        {"SWOOLE_HTTP2_ERROR_STREAM_CLOSED", 5},
        {"SWOOLE_HTTP2_ERROR_FRAME_SIZE_ERROR", 6},
        {"SWOOLE_HTTP2_ERROR_REFUSED_STREAM", 7},
        {"SWOOLE_HTTP2_ERROR_CANCEL", 8},
        {"SWOOLE_HTTP2_ERROR_COMPRESSION_ERROR", 9},
        {"SWOOLE_HTTP2_ERROR_CONNECT_ERROR", 10},
        {"SWOOLE_HTTP2_ERROR_ENHANCE_YOUR_CALM", 11},
        {"SWOOLE_HTTP2_ERROR_INADEQUATE_SECURITY", 12},
    };
    for (const Named &c : constants) {
        size_t len = strlen(c.name);
        if (zend_get_constant_str(c.name, len)) continue;  // another part registered it
        zend_register_long_constant(c.name, len, c.value, CONST_CS | CONST_PERSISTENT, module_number);
    }
}

}  // namespace swoole::mod::http::h2c
