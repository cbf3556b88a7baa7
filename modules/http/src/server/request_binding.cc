// Swoole\Http\Request: built from the wire form in one pass (one hash insert
// per header), the raw bytes kept in one string for getData()/getContent().
// Request::create() makes a stand-alone one that parse() fills from raw
// bytes with the server's own RequestParser.
#include <llhttp.h>
#include <unistd.h>

#include <sys/time.h>

#include "server/form_parse.h"
#include "server/php_binding.h"
#include "server/request_parser.h"
#include "server/request_wire.h"

extern "C" {
#include "SAPI.h"
#include "main/php_variables.h"
}

namespace swoole::mod::http {

zend_class_entry *g_request_ce = nullptr;

// The state of a Request::create() object until its request is complete.
struct StandaloneParse {
    explicit StandaloneParse(ParserLimits limits) : parser(limits) {}
    RequestParser parser;
    std::string bytes;  // this request's bytes so far
    HttpSettings settings;
    bool completed = false;
    bool failed = false;
};

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
    r->parse = nullptr;
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
    delete r->parse;
    r->parse = nullptr;
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

// The keys of $request->server and its fixed values (method names, protocol
// versions), interned once at MINIT: per request they cost no allocation and
// no hashing.
enum ServerKey {
    kKeyQueryString, kKeyRequestMethod, kKeyRequestUri, kKeyPathInfo, kKeyRequestTime, kKeyRequestTimeFloat,
    kKeyServerProtocol, kKeyServerPort, kKeyRemotePort, kKeyRemoteAddr, kKeyMasterTime, kServerKeyCount
};
constexpr const char *kServerKeyNames[kServerKeyCount] = {
    "query_string", "request_method", "request_uri", "path_info", "request_time", "request_time_float",
    "server_protocol", "server_port", "remote_port", "remote_addr", "master_time"};
constexpr size_t kMethodCount = 64;  // above every llhttp_method_t
zend_string *g_server_keys[kServerKeyCount];
zend_string *g_method_names[kMethodCount];
zend_string *g_http10, *g_http11;

void intern_server_strings() {
    auto intern = [](std::string_view s) { return zend_string_init_interned(s.data(), s.size(), 1); };
    for (size_t i = 0; i < kServerKeyCount; ++i) g_server_keys[i] = intern(kServerKeyNames[i]);
    for (size_t i = 0; i < kMethodCount; ++i) g_method_names[i] = ZSTR_EMPTY_ALLOC();
#define HTTP_METHOD_INTERN(NUM, NAME, STRING) \
    if ((NUM) < kMethodCount) g_method_names[NUM] = intern(#STRING);
    HTTP_ALL_METHOD_MAP(HTTP_METHOD_INTERN)
#undef HTTP_METHOD_INTERN
    g_http10 = intern("HTTP/1.0");
    g_http11 = intern("HTTP/1.1");
}

void put(HashTable *ht, ServerKey key, zval *value) { zend_hash_add_new(ht, g_server_keys[key], value); }
void put_long(HashTable *ht, ServerKey key, zend_long n) {
    zval v;
    ZVAL_LONG(&v, n);
    put(ht, key, &v);
}
void put_string(HashTable *ht, ServerKey key, std::string_view s) {
    zval v;
    ZVAL_STRINGL_FAST(&v, s.data(), s.size());
    put(ht, key, &v);
}

}  // namespace

namespace {

// server == nullptr: a stand-alone request (Request::create()): no receive
// time and no connection facts in $server.
void fill_request(zend_object *obj, zend_object *server, int64_t session, const WireView &wire, const HttpSettings &s) {
    RequestObject *r = request_of(obj);
    std::string_view head = wire.head();
    // head and body are adjacent in the wire form: one copy keeps both
    r->data = zend_string_init(head.data(), head.size() + wire.body().size(), 0);
    r->body_offset = static_cast<uint32_t>(head.size());
    r->method = wire.fixed().method;
    ZVAL_LONG(OBJ_PROP_NUM(obj, kReqFd), session);
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
    array_init_size(&server_arr, kServerKeyCount);
    HashTable *sv = Z_ARRVAL(server_arr);
    if (!query.empty()) put_string(sv, kKeyQueryString, query);
    zval v;
    ZVAL_INTERNED_STR(&v, g_method_names[r->method % kMethodCount]);
    put(sv, kKeyRequestMethod, &v);
    ZVAL_STR(&v, zend_string_init(path.data(), path.size(), 0));
    put(sv, kKeyRequestUri, &v);
    Z_ADDREF(v);  // path_info: the same string
    put(sv, kKeyPathInfo, &v);
    if (server) {
        struct timeval tv;
        gettimeofday(&tv, nullptr);
        put_long(sv, kKeyRequestTime, tv.tv_sec);
        ZVAL_DOUBLE(&v, tv.tv_sec + tv.tv_usec / 1e6);
        put(sv, kKeyRequestTimeFloat, &v);
    }
    const WireFixed &f = wire.fixed();
    ZVAL_INTERNED_STR(&v, f.version_major == 1 && f.version_minor == 0 ? g_http10 : g_http11);
    put(sv, kKeyServerProtocol, &v);
    sw_client_info info{};
    info.struct_size = sizeof info;
    if (server && g_php_host->server_client_info(server, session, &info) == 0) {
        put_long(sv, kKeyServerPort, info.server_port);
        put_long(sv, kKeyRemotePort, info.remote_port);
        put_string(sv, kKeyRemoteAddr, info.remote_ip);
        put_long(sv, kKeyMasterTime, static_cast<zend_long>(info.last_time));
    }
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

}  // namespace

void build_request(zend_object *obj, zend_object *server, const sw_server_request &req, const WireView &wire,
                   const HttpSettings &s) {
    fill_request(obj, server, req.session, wire, s);
}

namespace {

// A Request::create() object whose request is not complete yet: no body
// yet, the bytes fed so far as its data, no method.
bool incomplete(zval *self) {
    RequestObject *r = request_of(Z_OBJ_P(self));
    return !r->data && r->parse;
}

PHP_METHOD(SwooleHttpRequest, getContent) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (incomplete(ZEND_THIS)) RETURN_EMPTY_STRING();
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    size_t n = ZSTR_LEN(r->data) - r->body_offset;
    if (r->body_offset == 0) RETURN_STR_COPY(r->data);
    RETURN_STRINGL(ZSTR_VAL(r->data) + r->body_offset, n);
}

PHP_METHOD(SwooleHttpRequest, getData) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (incomplete(ZEND_THIS)) {
        const std::string &bytes = request_of(Z_OBJ_P(ZEND_THIS))->parse->bytes;
        RETURN_STRINGL(bytes.data(), bytes.size());
    }
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (zval *stream = OBJ_PROP_NUM(Z_OBJ_P(ZEND_THIS), kReqStreamId); Z_TYPE_P(stream) == IS_LONG && Z_LVAL_P(stream) > 0) {
        php_error_docref(nullptr, E_WARNING, "the raw data of an HTTP/2 request is not available");  // frames, not text
        RETURN_FALSE;
    }
    RETURN_STR_COPY(r->data);
}

PHP_METHOD(SwooleHttpRequest, getMethod) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (incomplete(ZEND_THIS)) RETURN_FALSE;
    RequestObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    RETURN_INTERNED_STR(g_method_names[r->method % kMethodCount]);
}

// Request::create(array $options = []): an empty request for parse(). The
// options of 4.8: parse_cookie, parse_body, parse_files (true: the $_FILES
// layout of "name[]" fields), upload_tmp_dir; enable_compression,
// compression_level and websocket_compression concern a response and are
// accepted without effect here.
PHP_METHOD(SwooleHttpRequest, create) {
    HashTable *options = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    ParserLimits limits;
    limits.package_max_length = UINT32_MAX / 2;  // the wire form's 32-bit lengths
    auto *p = new StandaloneParse(limits);
    p->settings.parse_files = true;
    if (options) {
        auto flag = [options](const char *key, bool &out) {
            if (zval *v = zend_hash_str_find(options, key, strlen(key))) out = zend_is_true(v);
        };
        flag("parse_cookie", p->settings.parse_cookie);
        flag("parse_body", p->settings.parse_post);
        flag("parse_files", p->settings.parse_files);
        if (zval *v = zend_hash_str_find(options, ZEND_STRL("upload_tmp_dir"))) {
            zend_string *d = zval_get_string(v);
            p->settings.multipart.upload_tmp_dir.assign(ZSTR_VAL(d), ZSTR_LEN(d));
            zend_string_release(d);
        }
    }
    object_init_ex(return_value, g_request_ce);
    request_of(Z_OBJ_P(return_value))->parse = p;
}

// parse(string $data): the bytes of $data this request took (the rest
// belongs to a next request), false on malformed input or when the request
// was complete already.
PHP_METHOD(SwooleHttpRequest, parse) {
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    RequestObject *r = request_of(Z_OBJ_P(ZEND_THIS));
    StandaloneParse *p = r->parse;
    if (!p || p->completed || p->failed) RETURN_FALSE;
    size_t before = p->bytes.size();
    p->bytes.append(ZSTR_VAL(data), ZSTR_LEN(data));
    switch (p->parser.feed(p->bytes)) {
    case RequestParser::Status::need_more:
        RETURN_LONG(static_cast<zend_long>(ZSTR_LEN(data)));
    case RequestParser::Status::error:
        p->failed = true;
        std::string().swap(p->bytes);
        RETURN_FALSE;
    case RequestParser::Status::complete:
        break;
    }
    size_t used = p->parser.message_length() - before;
    std::string wire;
    p->parser.write_wire(p->bytes, wire);
    WireView view;
    if (!view.parse(wire)) {  // cannot happen: the parser wrote it
        p->failed = true;
        RETURN_FALSE;
    }
    p->completed = true;
    fill_request(Z_OBJ_P(ZEND_THIS), nullptr, 0, view, p->settings);
    std::string().swap(p->bytes);
    RETURN_LONG(static_cast<zend_long>(used));
}

PHP_METHOD(SwooleHttpRequest, isCompleted) {
    ZEND_PARSE_PARAMETERS_NONE();
    RequestObject *r = request_of(Z_OBJ_P(ZEND_THIS));
    RETURN_BOOL(r->parse ? r->parse->completed : r->data != nullptr);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_req_string_or_false, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_req_create, 0, 0, Swoole\\Http\\Request, MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_req_parse, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_req_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

const zend_function_entry g_request_methods[] = {
    PHP_ME(SwooleHttpRequest, getContent, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_MALIAS(SwooleHttpRequest, rawContent, getContent, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, getData, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, getMethod, arginfo_req_string_or_false, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, create, arginfo_req_create, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(SwooleHttpRequest, parse, arginfo_req_parse, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpRequest, isCompleted, arginfo_req_bool, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

int register_request_class() {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Http\\Request", g_request_methods);
    g_request_ce = zend_register_internal_class(&ce);
    g_request_ce->create_object = request_create;
    intern_server_strings();
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
