// Swoole\Http\Request: built from the wire form in one pass (one hash insert
// per header), the raw bytes kept in one string for getData()/getContent().
#include <llhttp.h>
#include <unistd.h>

#include <sys/time.h>

#include "server/form_parse.h"
#include "server/php_binding.h"
#include "server/request_wire.h"

extern "C" {
#include "SAPI.h"
#include "main/php_variables.h"
}

namespace swoole::mod::http {

zend_class_entry *g_request_ce = nullptr;

namespace {

zend_object_handlers g_request_handlers;

zend_object *request_create(zend_class_entry *ce) {
    auto *r = static_cast<RequestObject *>(zend_object_alloc(sizeof(RequestObject), ce));
    zend_object_std_init(&r->std, ce);
    object_properties_init(&r->std, ce);
    r->std.handlers = &g_request_handlers;
    r->data = nullptr;
    r->body_offset = 0;
    r->method = 0;
    return &r->std;
}

// Upload temp files die with the request.
void unlink_tmpfiles(zend_object *obj) {
    zval *files = OBJ_PROP_NUM(obj, kReqTmpfiles);
    if (Z_TYPE_P(files) != IS_ARRAY) return;
    zval *path;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(files), path) {
        if (Z_TYPE_P(path) == IS_STRING) ::unlink(Z_STRVAL_P(path));
    }
    ZEND_HASH_FOREACH_END();
}

void request_free(zend_object *obj) {
    RequestObject *r = request_of(obj);
    unlink_tmpfiles(obj);
    if (r->data) zend_string_release(r->data);
    r->data = nullptr;
    zend_object_std_dtor(obj);
}

RequestObject *usable(zval *self) {
    RequestObject *r = request_of(Z_OBJ_P(self));
    if (!r->data) {
        php_error_docref(nullptr, E_WARNING, "http request is unavailable (maybe it has been ended)");
        return nullptr;
    }
    return r;
}

void set_prop(zend_object *obj, int slot, zval *value) {
    zval *p = OBJ_PROP_NUM(obj, slot);
    zval_ptr_dtor(p);
    ZVAL_COPY_VALUE(p, value);
}

void lower_into(std::string &out, std::string_view in) {
    out.resize(in.size());
    for (size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    }
}

// PHP's own query parser (nested keys, '.'/' ' in names, max_input_vars).
void parse_php_query(std::string_view text, zval *out) {
    array_init(out);
    sapi_module.treat_data(PARSE_STRING, estrndup(text.data(), text.size()), out);
}

void parse_cookies(std::string_view header, zval *out) {
    array_init(out);
    thread_local FormScratch scratch;
    FormLimits limits;
    limits.max_pairs = static_cast<size_t>(PG(max_input_vars));
    FormResult r = parse_cookie(
        header,
        [out](std::string_view key, std::string_view value) {
            zval v;
            ZVAL_STRINGL(&v, value.data(), value.size());
            zend_symtable_str_update(Z_ARRVAL_P(out), key.data(), key.size(), &v);
        },
        scratch, limits);
    if (r.truncated) {
        php_error_docref(nullptr, E_WARNING,
                         "Input variables exceeded " ZEND_LONG_FMT ". To increase the limit change max_input_vars in php.ini.",
                         static_cast<zend_long>(PG(max_input_vars)));
    }
}

bool istarts_with(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        if (c != prefix[i]) return false;
    }
    return true;
}

// Multipart parts into $post (PHP registration rules) and $files.
class FormSink final : public MultipartSink {
  public:
    FormSink(zval *post, zval *files, zval *tmpfiles, bool php_layout)
        : post_(post), files_(files), tmpfiles_(tmpfiles), php_layout_(php_layout) {}
    bool on_field(std::string_view name, std::string_view value) override {
        if (Z_TYPE_P(post_) != IS_ARRAY) array_init(post_);
        std::string key(name);
        php_register_variable_safe(key.data(), value.data(), value.size(), post_);
        return true;
    }
    bool on_file(const UploadedFile &f) override {
        if (Z_TYPE_P(files_) != IS_ARRAY) array_init(files_);
        if (!f.tmp_name.empty()) {
            if (Z_TYPE_P(tmpfiles_) != IS_ARRAY) array_init(tmpfiles_);
            add_next_index_stringl(tmpfiles_, f.tmp_name.data(), f.tmp_name.size());
        }
        std::string_view field = f.field;
        size_t bracket = field.find('[');
        bool list = bracket != std::string_view::npos;
        std::string_view base = list ? field.substr(0, bracket) : field;
        zval entry;
        array_init(&entry);
        add_assoc_stringl(&entry, "name", f.filename.data(), f.filename.size());
        add_assoc_stringl(&entry, "type", f.type.data(), f.type.size());
        add_assoc_stringl(&entry, "tmp_name", f.tmp_name.data(), f.tmp_name.size());
        add_assoc_long(&entry, "error", f.error);
        add_assoc_long(&entry, "size", static_cast<zend_long>(f.size));
        if (!list) {
            zend_symtable_str_update(Z_ARRVAL_P(files_), base.data(), base.size(), &entry);
            return true;
        }
        zval *slot = zend_symtable_str_find(Z_ARRVAL_P(files_), base.data(), base.size());
        if (!slot || Z_TYPE_P(slot) != IS_ARRAY) {
            zval fresh;
            array_init(&fresh);
            slot = zend_symtable_str_update(Z_ARRVAL_P(files_), base.data(), base.size(), &fresh);
        }
        if (!php_layout_) {  // 4.8's default: files[f][] = entry
            add_next_index_zval(slot, &entry);
            return true;
        }
        // $_FILES layout: files[f][name][] ...
        static const char *keys[] = {"name", "type", "tmp_name", "error", "size"};
        for (const char *k : keys) {
            zval *src = zend_hash_str_find(Z_ARRVAL(entry), k, strlen(k));
            zval *dst = zend_hash_str_find(Z_ARRVAL_P(slot), k, strlen(k));
            if (!dst) {
                zval arr;
                array_init(&arr);
                dst = zend_hash_str_update(Z_ARRVAL_P(slot), k, strlen(k), &arr);
            }
            Z_TRY_ADDREF_P(src);
            add_next_index_zval(dst, src);
        }
        zval_ptr_dtor(&entry);
        return true;
    }

  private:
    zval *post_, *files_, *tmpfiles_;
    bool php_layout_;
};

void parse_body(zend_object *obj, std::string_view content_type, std::string_view body, const HttpSettings &s) {
    if (istarts_with(content_type, "application/x-www-form-urlencoded")) {
        if (!s.parse_post) return;
        zval post;
        parse_php_query(body, &post);
        set_prop(obj, kReqPost, &post);
        return;
    }
    if (!MultipartParser::is_multipart(content_type)) return;
    std::string_view boundary = MultipartParser::boundary_of(content_type);
    zval post, files, tmpfiles;
    ZVAL_NULL(&post);
    ZVAL_NULL(&files);
    ZVAL_NULL(&tmpfiles);
    {
        FormSink sink(&post, &files, &tmpfiles, s.parse_files);
        MultipartParser parser;
        if (parser.start(boundary, s.multipart, sink)) {
            if (parser.feed(body)) parser.finish();
        }
    }
    if (!s.parse_post) {
        zval_ptr_dtor(&post);
        ZVAL_NULL(&post);
    }
    set_prop(obj, kReqPost, &post);
    set_prop(obj, kReqFiles, &files);
    set_prop(obj, kReqTmpfiles, &tmpfiles);
}

std::string_view method_name(uint8_t m) { return llhttp_method_name(static_cast<llhttp_method_t>(m)); }

}  // namespace

void build_request(zend_object *obj, zend_object *server, const sw_server_request &req, const WireView &wire,
                   const HttpSettings &s) {
    RequestObject *r = request_of(obj);
    std::string_view head = wire.head();
    // head and body are adjacent in the wire form: one copy keeps both
    r->data = zend_string_init(head.data(), head.size() + wire.body().size(), 0);
    r->body_offset = static_cast<uint32_t>(head.size());
    r->method = wire.fixed().method;
    ZVAL_LONG(OBJ_PROP_NUM(obj, kReqFd), req.session);
    ZVAL_LONG(OBJ_PROP_NUM(obj, kReqStreamId), 0);

    zval headers;
    array_init_size(&headers, wire.header_count());
    thread_local std::string name;
    std::string_view cookie, content_type;
    bool has_cookie = false;
    for (uint32_t i = 0; i < wire.header_count(); ++i) {
        WireHeader h = wire.header(i);
        lower_into(name, wire.name(h));
        std::string_view value = wire.value(h);
        if (name == "cookie") {
            cookie = value;
            has_cookie = true;
            if (s.parse_cookie) continue;
        } else if (name == "content-type") {
            content_type = value;
        }
        zval v;
        ZVAL_STRINGL_FAST(&v, value.data(), value.size());
        zend_symtable_str_update(Z_ARRVAL(headers), name.data(), name.size(), &v);
    }
    set_prop(obj, kReqHeader, &headers);

    std::string_view url = wire.url();
    size_t q = url.find('?');
    std::string_view path = url.substr(0, q);
    std::string_view query = q == std::string_view::npos ? std::string_view{} : url.substr(q + 1);
    size_t hash = query.find('#');
    if (hash != std::string_view::npos) query = query.substr(0, hash);
    hash = path.find('#');
    if (hash != std::string_view::npos) path = path.substr(0, hash);

    zval server_arr;
    array_init_size(&server_arr, 12);
    HashTable *sv = Z_ARRVAL(server_arr);
    if (!query.empty()) add_assoc_stringl(&server_arr, "query_string", query.data(), query.size());
    std::string_view m = method_name(r->method);
    add_assoc_stringl(&server_arr, "request_method", m.data(), m.size());
    add_assoc_stringl(&server_arr, "request_uri", path.data(), path.size());
    add_assoc_stringl(&server_arr, "path_info", path.data(), path.size());
    struct timeval tv;
    gettimeofday(&tv, nullptr);
    add_assoc_long(&server_arr, "request_time", tv.tv_sec);
    add_assoc_double(&server_arr, "request_time_float", tv.tv_sec + tv.tv_usec / 1e6);
    const WireFixed &f = wire.fixed();
    add_assoc_string(&server_arr, "server_protocol", f.version_major == 1 && f.version_minor == 0 ? "HTTP/1.0" : "HTTP/1.1");
    sw_client_info info{};
    info.struct_size = sizeof info;
    if (g_php_host->server_client_info(server, req.session, &info) == 0) {
        add_assoc_long(&server_arr, "server_port", info.server_port);
        add_assoc_long(&server_arr, "remote_port", info.remote_port);
        add_assoc_string(&server_arr, "remote_addr", info.remote_ip);
        add_assoc_long(&server_arr, "master_time", static_cast<zend_long>(info.last_time));
    }
    (void)sv;
    set_prop(obj, kReqServer, &server_arr);

    if (!query.empty()) {
        zval get;
        parse_php_query(query, &get);
        set_prop(obj, kReqGet, &get);
    }
    if (has_cookie && s.parse_cookie) {
        zval c;
        parse_cookies(cookie, &c);
        set_prop(obj, kReqCookie, &c);
    }
    std::string_view body = wire.body();
    if (!body.empty() && !content_type.empty() &&
        (f.method == HTTP_POST || f.method == HTTP_PUT || f.method == HTTP_DELETE || f.method == HTTP_PATCH)) {
        parse_body(obj, content_type, body, s);
    }
}

namespace {

PHP_METHOD(SwooleHttpRequest, getContent) {
    ZEND_PARSE_PARAMETERS_NONE();
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    size_t n = ZSTR_LEN(r->data) - r->body_offset;
    if (r->body_offset == 0) RETURN_STR_COPY(r->data);
    RETURN_STRINGL(ZSTR_VAL(r->data) + r->body_offset, n);
}

PHP_METHOD(SwooleHttpRequest, getData) {
    ZEND_PARSE_PARAMETERS_NONE();
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    RETURN_STR_COPY(r->data);
}

PHP_METHOD(SwooleHttpRequest, getMethod) {
    ZEND_PARSE_PARAMETERS_NONE();
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    RETURN_STRING(llhttp_method_name(static_cast<llhttp_method_t>(r->method)));
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_req_string_or_false, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

const zend_function_entry g_request_methods[] = {
    PHP_ME(SwooleHttpRequest, getContent, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_MALIAS(SwooleHttpRequest, rawContent, getContent, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, getData, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, getMethod, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

int register_request_class() {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Http\\Request", g_request_methods);
    g_request_ce = zend_register_internal_class(&ce);
    g_request_ce->create_object = request_create;
    memcpy(&g_request_handlers, zend_get_std_object_handlers(), sizeof g_request_handlers);
    g_request_handlers.offset = XtOffsetOf(RequestObject, std);
    g_request_handlers.free_obj = request_free;
    g_request_handlers.clone_obj = nullptr;
    // declaration order = the slots of RequestSlot
    for (const char *p : {"fd", "streamId", "header", "server", "cookie", "get", "files", "post", "tmpfiles"}) {
        zend_declare_property_null(g_request_ce, p, strlen(p), ZEND_ACC_PUBLIC);
    }
    zend_register_class_alias("swoole_http_request", g_request_ce);
    return 0;
}

}  // namespace swoole::mod::http
