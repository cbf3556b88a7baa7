// Swoole\Http\Response: header()/cookie()/status() fill the public arrays;
// end()/write()/sendfile() serialize them with ResponseWriter into one
// reused buffer and send it through the host (either server mode).
#include <sys/stat.h>

#include <ctime>

#include "http2/h2_binding.h"
#include "server/mime.h"
#include "server/php_binding.h"
#include "server/response_writer.h"

extern "C" {
#include "ext/standard/url.h"
}

namespace swoole::mod::http {

zend_class_entry *g_response_ce = nullptr;
zend_object *g_current_server = nullptr;

namespace {

zend_object_handlers g_response_handlers;
constexpr const char *kUnavailable = "http response is unavailable (maybe it has been ended or detached)";

ResponseWriter &writer() {
    thread_local ResponseWriter w;
    w.clear();
    return w;
}

zend_object *response_create(zend_class_entry *ce) {
    auto *r = static_cast<ResponseObject *>(zend_object_alloc(sizeof(ResponseObject), ce));
    zend_object_std_init(&r->std, ce);
    object_properties_init(&r->std, ce);
    r->std.handlers = &g_response_handlers;
    r->server = nullptr;
    r->session = 0;
    r->status = 200;
    r->reason = nullptr;
    r->encoding = Encoding::none;
    r->keep_alive = true;
    r->head = r->ended = r->detached = r->chunked = false;
    r->stream_id = 0;
    return &r->std;
}

bool send(ResponseObject *r, std::string_view data) {
    if (!r->server) return false;
    int rc = g_php_host->server_send(r->server, r->session, data.data(), data.size());
    if (rc != 0) {
        g_php_host->set_last_error(rc);
        php_error_docref(nullptr, E_NOTICE, "send %zu bytes to session#%lld failed: %s", data.size(),
                         static_cast<long long>(r->session), g_php_host->strerror(rc));
        return false;
    }
    return true;
}

void finish(ResponseObject *r) {
    r->ended = true;
    if (!r->keep_alive && r->server) g_php_host->server_close(r->server, r->session, 0);
}

// The 500 of a response dropped without end() (not when an exception is
// on its way: the worker dies without answering).
void response_free(zend_object *obj) {
    ResponseObject *r = response_of(obj);
    if (r->stream_id && r->server && !r->ended && !r->detached && !EG(exception)) {
        http2_abandon(r);
    } else if (r->server && !r->ended && !r->detached && !EG(exception) && g_php_host) {
        ResponseWriter &w = writer();
        w.status_line(500, "");
        w.defaults_and_end(UserHeaderSet{}, r->keep_alive, 0, "");
        if (g_php_host->server_send(r->server, r->session, w.buffer().data(), w.buffer().size()) == 0) finish(r);
    }
    if (r->server) OBJ_RELEASE(r->server);
    r->server = nullptr;
    if (r->reason) zend_string_release(r->reason);
    r->reason = nullptr;
    zend_object_std_dtor(obj);
}

ResponseObject *usable(zval *self) {
    ResponseObject *r = response_of(Z_OBJ_P(self));
    if (!r->server || r->ended || r->detached) {
        php_error_docref(nullptr, E_WARNING, "%s", kUnavailable);
        return nullptr;
    }
    return r;
}

zval *array_prop(zend_object *obj, int slot) {
    zval *p = OBJ_PROP_NUM(obj, slot);
    if (Z_TYPE_P(p) != IS_ARRAY) {
        zval_ptr_dtor(p);
        array_init(p);
    }
    SEPARATE_ARRAY(p);
    return p;
}

std::string_view rtrim(std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n' ||
                          v.back() == '\0' || v.back() == '\v'))
        v.remove_suffix(1);
    return v;
}

bool has_newline(std::string_view v) { return v.find_first_of("\r\n") != std::string_view::npos; }

// A header or trailer name: under 128 bytes (else the "<what> key is too long"
// warning), not empty, no CR/LF (no response splitting).
bool valid_field_key(const zend_string *key, const char *what) {
    if (ZSTR_LEN(key) >= 128) {
        php_error_docref(nullptr, E_WARNING, "%s key is too long", what);
        return false;
    }
    return ZSTR_LEN(key) != 0 && !has_newline({ZSTR_VAL(key), ZSTR_LEN(key)});
}

// Warnings found while a head is built are raised after it was sent: a user
// error handler may run PHP code that answers another response meanwhile,
// and the buffer is shared.
thread_local int t_newline_headers = 0;
thread_local const char *t_length_ignored = nullptr;

void raise_deferred_warnings() {
    const char *length = t_length_ignored;
    int newlines = t_newline_headers;
    t_length_ignored = nullptr;
    t_newline_headers = 0;
    if (length) php_error_docref(nullptr, E_WARNING, "%s", length);
    for (int i = 0; i < newlines; ++i) {
        php_error_docref(nullptr, E_WARNING, "Header may not contain more than a single header, new line detected");
    }
}

// One header line per value (arrays: per element); warns about CR/LF.
void emit_header(ResponseWriter &w, std::string_view name, zval *value) {
    if (Z_TYPE_P(value) == IS_NULL) return;
    if (Z_TYPE_P(value) == IS_ARRAY) {
        zval *item;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) { emit_header(w, name, item); }
        ZEND_HASH_FOREACH_END();
        return;
    }
    zend_string *tmp;
    zend_string *s = zval_get_tmp_string(value, &tmp);
    std::string_view v = rtrim({ZSTR_VAL(s), ZSTR_LEN(s)});
    if (has_newline(v)) {
        ++t_newline_headers;
    } else {
        w.header(name, v);
    }
    zend_tmp_string_release(tmp);
}

void write_status(ResponseWriter &w, ResponseObject *r) {
    w.status_line(r->status, r->reason ? std::string_view(ZSTR_VAL(r->reason), ZSTR_LEN(r->reason)) : std::string_view{});
}

// User headers and cookies; records which defaults the user set.
// drop_length_warning: the user's Content-Length is ignored (warning why).
void write_user_headers(ResponseWriter &w, ResponseObject *r, UserHeaderSet &user, const char *drop_length_warning) {
    zval *headers = OBJ_PROP_NUM(&r->std, kResHeader);
    if (Z_TYPE_P(headers) == IS_ARRAY) {
        zend_string *key;
        zend_ulong idx;
        zval *value;
        ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(headers), idx, key, value) {
            char num[24];
            std::string_view name;
            if (key) {
                name = {ZSTR_VAL(key), ZSTR_LEN(key)};
            } else {
                name = {num, static_cast<size_t>(snprintf(num, sizeof num, ZEND_ULONG_FMT, idx))};
            }
            if (Z_TYPE_P(value) == IS_NULL) continue;
            UserHeaderSet probe;
            probe.note(name);
            if (probe.content_length && drop_length_warning) {
                t_length_ignored = drop_length_warning;
                continue;
            }
            user.note(name);
            emit_header(w, name, value);
        }
        ZEND_HASH_FOREACH_END();
    }
    zval *cookies = OBJ_PROP_NUM(&r->std, kResCookie);
    if (Z_TYPE_P(cookies) == IS_ARRAY) {
        zval *c;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cookies), c) {
            if (Z_TYPE_P(c) == IS_STRING) w.header("Set-Cookie", {Z_STRVAL_P(c), Z_STRLEN_P(c)});
        }
        ZEND_HASH_FOREACH_END();
    }
}

void write_head_start(ResponseWriter &w, ResponseObject *r, UserHeaderSet &user, const char *drop_length_warning) {
    write_status(w, r);
    write_user_headers(w, r, user, drop_length_warning);
}

bool user_has(ResponseObject *r, std::string_view lname) {
    zval *headers = OBJ_PROP_NUM(&r->std, kResHeader);
    if (Z_TYPE_P(headers) != IS_ARRAY) return false;
    zend_string *key;
    ZEND_HASH_FOREACH_STR_KEY(Z_ARRVAL_P(headers), key) {
        if (key && iequals({ZSTR_VAL(key), ZSTR_LEN(key)}, lname)) return true;
    }
    ZEND_HASH_FOREACH_END();
    return false;
}

std::string_view content_type_of(ResponseObject *r) {
    zval *headers = OBJ_PROP_NUM(&r->std, kResHeader);
    if (Z_TYPE_P(headers) != IS_ARRAY) return "text/html";
    zend_string *key;
    zval *v;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), key, v) {
        if (key && iequals({ZSTR_VAL(key), ZSTR_LEN(key)}, "content-type") && Z_TYPE_P(v) == IS_STRING)
            return {Z_STRVAL_P(v), Z_STRLEN_P(v)};
    }
    ZEND_HASH_FOREACH_END();
    return "text/html";
}

void write_trailers(ResponseWriter &w, ResponseObject *r) {
    w.last_chunk();
    zval *trailers = OBJ_PROP_NUM(&r->std, kResTrailer);
    if (Z_TYPE_P(trailers) == IS_ARRAY) {
        zend_string *key;
        zval *value;
        ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(trailers), key, value) {
            if (key) emit_header(w, {ZSTR_VAL(key), ZSTR_LEN(key)}, value);
        }
        ZEND_HASH_FOREACH_END();
    }
    w.end_trailers();
}

bool do_end(ResponseObject *r, std::string_view body) {
    ResponseWriter &w = writer();
    if (r->chunked) {
        if (!r->head) w.chunk(body);
        write_trailers(w, r);
        bool ok = send(r, w.buffer());
        finish(r);
        return ok;
    }
    const HttpSettings &s = http_settings(r->server);
    thread_local std::string compressed;
    Encoding enc = Encoding::none;
    if (s.compression && r->encoding != Encoding::none &&
        should_compress(r->encoding, body.size(), s.compression_min_length, content_type_of(r)) &&
        compress(r->encoding, s.compression_level, body, compressed)) {
        enc = r->encoding;
        body = compressed;
    }
    UserHeaderSet user;
    write_head_start(w, r, user,
                     enc != Encoding::none ? "The client has set 'Accept-Encoding', 'Content-Length' is ignored" : nullptr);
    w.defaults_and_end(user, r->keep_alive, static_cast<int64_t>(body.size()), encoding_name(enc));
    if (!r->head) w.body(body);
    bool ok = send(r, w.buffer());
    finish(r);
    return ok;
}

PHP_METHOD(SwooleHttpResponse, end) {
    zend_string *content = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR_OR_NULL(content)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (r->stream_id) RETURN_BOOL(http2_end(r, content));
    bool ok = do_end(r, content ? std::string_view(ZSTR_VAL(content), ZSTR_LEN(content)) : std::string_view{});
    raise_deferred_warnings();
    RETURN_BOOL(ok);
}

PHP_METHOD(SwooleHttpResponse, write) {
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (r->stream_id) {
        php_error_docref(nullptr, E_WARNING, "HTTP2 client does not support HTTP-CHUNK");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data to send is empty");
        RETURN_FALSE;
    }
    ResponseWriter &w = writer();
    if (!r->chunked) {
        UserHeaderSet user;
        write_head_start(w, r, user, "You have set 'Transfer-Encoding', 'Content-Length' is ignored");
        w.defaults_and_end(user, r->keep_alive, -1, "");
        r->chunked = true;
    }
    if (!r->head) w.chunk({ZSTR_VAL(data), ZSTR_LEN(data)});
    bool ok = send(r, w.buffer());
    raise_deferred_warnings();
    RETURN_BOOL(ok);
}

PHP_METHOD(SwooleHttpResponse, sendfile) {
    zend_string *file;
    zend_long offset = 0, length = 0;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(file)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(offset)
        Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (r->chunked) {
        php_error_docref(nullptr, E_WARNING, "can't use sendfile when HTTP chunk is enabled");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(file) == 0) {
        php_error_docref(nullptr, E_WARNING, "file name is empty");
        RETURN_FALSE;
    }
    struct stat st;
    if (::stat(ZSTR_VAL(file), &st) != 0) {
        php_error_docref(nullptr, E_WARNING, "stat(%s) failed, Error: %s[%d]", ZSTR_VAL(file), strerror(errno), errno);
        RETURN_FALSE;
    }
    if (!S_ISREG(st.st_mode)) {
        g_php_host->set_last_error(9013);
        php_error_docref(nullptr, E_WARNING, "%s", g_php_host->strerror(9013));
        RETURN_FALSE;
    }
    if (offset < 0 || length < 0 || offset > st.st_size || (st.st_size > 0 && offset == st.st_size && length > 0)) {
        php_error_docref(nullptr, E_WARNING, "parameter $offset[" ZEND_LONG_FMT "] exceeds the file size", offset);
        RETURN_FALSE;
    }
    uint64_t rest = static_cast<uint64_t>(st.st_size - offset);
    uint64_t count = length == 0 || static_cast<uint64_t>(length) > rest ? rest : static_cast<uint64_t>(length);
    if (r->stream_id) RETURN_BOOL(http2_sendfile(r, ZSTR_VAL(file), static_cast<uint64_t>(offset), count));
    ResponseWriter &w = writer();
    UserHeaderSet user;
    std::string_view ctype;
    if (!user_has(r, "content-type")) ctype = mime_type_of({ZSTR_VAL(file), ZSTR_LEN(file)});
    // the automatic Content-Type goes first (4.8's order)
    write_status(w, r);
    if (!ctype.empty()) {
        w.header("Content-Type", ctype);
        user.content_type = true;
    }
    write_user_headers(w, r, user, nullptr);
    w.defaults_and_end(user, r->keep_alive, static_cast<int64_t>(count), "");
    bool sent = send(r, w.buffer());
    raise_deferred_warnings();
    if (!sent) {
        finish(r);
        RETURN_FALSE;
    }
    if (!r->head && count > 0) {
        int rc = g_php_host->server_sendfile(r->server, r->session, ZSTR_VAL(file), static_cast<uint64_t>(offset), count);
        if (rc != 0) {
            g_php_host->set_last_error(rc);
            finish(r);
            RETURN_FALSE;
        }
    }
    finish(r);
    RETURN_TRUE;
}

// "x-my-header" -> "X-My-Header"
void normalize_key(std::string &out, std::string_view key) {
    out.assign(key);
    bool up = true;
    for (char &c : out) {
        if (up && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
        else if (!up && c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
        up = c == '-';
    }
}

PHP_METHOD(SwooleHttpResponse, header) {
    zend_string *key;
    zval *value;
    bool format = true;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_STR(key)
        Z_PARAM_ZVAL(value)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(format)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (!valid_field_key(key, "header")) RETURN_FALSE;
    zval *headers = array_prop(&r->std, kResHeader);
    Z_TRY_ADDREF_P(value);
    if (format) {
        thread_local std::string k;
        normalize_key(k, {ZSTR_VAL(key), ZSTR_LEN(key)});
        zend_symtable_str_update(Z_ARRVAL_P(headers), k.data(), k.size(), value);
    } else {
        zend_symtable_update(Z_ARRVAL_P(headers), key, value);
    }
    RETURN_TRUE;
}

PHP_METHOD(SwooleHttpResponse, trailer) {
    zend_string *key, *value = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(key)
        Z_PARAM_STR_OR_NULL(value)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (!valid_field_key(key, "trailer")) RETURN_FALSE;
    zval *trailers = array_prop(&r->std, kResTrailer);
    zend_string *lower = zend_string_tolower(key);
    zval v;
    if (value) ZVAL_STR_COPY(&v, value); else ZVAL_NULL(&v);
    zend_symtable_update(Z_ARRVAL_P(trailers), lower, &v);
    zend_string_release(lower);
    RETURN_TRUE;
}

PHP_METHOD(SwooleHttpResponse, status) {
    zend_long code;
    zend_string *reason = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(code)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(reason)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    r->status = static_cast<int>(code);
    if (r->reason) zend_string_release(r->reason);
    r->reason = reason && ZSTR_LEN(reason) ? zend_string_copy(reason) : nullptr;
    RETURN_TRUE;
}

// Set-Cookie value in 4.8's spelling.
void cookie_impl(INTERNAL_FUNCTION_PARAMETERS, bool encode) {
    zend_string *name, *value = nullptr, *path = nullptr, *domain = nullptr, *samesite = nullptr, *priority = nullptr;
    zend_long expires = 0;
    bool secure = false, httponly = false;
    ZEND_PARSE_PARAMETERS_START(1, 9)
        Z_PARAM_STR(name)
        Z_PARAM_OPTIONAL
        Z_PARAM_STR(value)
        Z_PARAM_LONG(expires)
        Z_PARAM_STR(path)
        Z_PARAM_STR(domain)
        Z_PARAM_BOOL(secure)
        Z_PARAM_BOOL(httponly)
        Z_PARAM_STR(samesite)
        Z_PARAM_STR(priority)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    std::string_view n(ZSTR_VAL(name), ZSTR_LEN(name));
    if (n.find_first_of("=,; \t\r\n\013\014") != std::string_view::npos) {
        php_error_docref(nullptr, E_WARNING, "Cookie names can't contain any of the following '=,; \\t\\r\\n\\013\\014'");
        RETURN_FALSE;
    }
    std::string_view v = value ? std::string_view(ZSTR_VAL(value), ZSTR_LEN(value)) : std::string_view{};
    if (!encode && has_newline(v)) RETURN_FALSE;
    std::string out(n);
    out.push_back('=');
    char date[64];
    if (v.empty()) {
        out.append("deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT");
    } else {
        if (encode) {
            zend_string *e = php_url_encode(v.data(), v.size());
            out.append(ZSTR_VAL(e), ZSTR_LEN(e));
            zend_string_release(e);
        } else {
            out.append(v);
        }
        if (expires > 0) {
            time_t t = static_cast<time_t>(expires);
            struct tm tm;
            if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999) {
                php_error_docref(nullptr, E_WARNING, "Expiry date can't be a year greater than 9999");
                RETURN_FALSE;
            }
            strftime(date, sizeof date, "%a, %d-%b-%Y %H:%M:%S GMT", &tm);
            out.append("; expires=").append(date);
        }
    }
    auto attr = [&out](const char *label, zend_string *s) {
        if (s && ZSTR_LEN(s)) out.append("; ").append(label).append("=").append(ZSTR_VAL(s), ZSTR_LEN(s));
    };
    attr("path", path);
    attr("domain", domain);
    if (secure) out.append("; secure");
    if (httponly) out.append("; httponly");
    attr("samesite", samesite);
    attr("priority", priority);
    zval *cookies = array_prop(&r->std, kResCookie);
    add_next_index_stringl(cookies, out.data(), out.size());
    RETURN_TRUE;
}

PHP_METHOD(SwooleHttpResponse, cookie) { cookie_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }
PHP_METHOD(SwooleHttpResponse, rawcookie) { cookie_impl(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }

PHP_METHOD(SwooleHttpResponse, redirect) {
    zend_string *url;
    zend_long code = 302;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(url)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(code)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    r->status = static_cast<int>(code);
    if (r->reason) zend_string_release(r->reason);
    r->reason = nullptr;
    zval *headers = array_prop(&r->std, kResHeader);
    zval v;
    ZVAL_STR_COPY(&v, url);
    zend_hash_str_update(Z_ARRVAL_P(headers), "Location", 8, &v);
    if (r->stream_id) RETURN_BOOL(http2_end(r, nullptr));
    bool ok = do_end(r, {});
    raise_deferred_warnings();
    RETURN_BOOL(ok);
}

PHP_METHOD(SwooleHttpResponse, detach) {
    ZEND_PARSE_PARAMETERS_NONE();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    r->detached = true;
    RETURN_TRUE;
}

PHP_METHOD(SwooleHttpResponse, isWritable) {
    ZEND_PARSE_PARAMETERS_NONE();
    ResponseObject *r = response_of(Z_OBJ_P(ZEND_THIS));
    RETURN_BOOL(r->server && !r->ended && !r->detached);
}

PHP_METHOD(SwooleHttpResponse, initHeader) {
    ZEND_PARSE_PARAMETERS_NONE();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    for (int slot : {kResHeader, kResCookie, kResTrailer}) {
        zval *p = OBJ_PROP_NUM(&r->std, slot);
        zval_ptr_dtor(p);
        array_init(p);
    }
    RETURN_TRUE;
}

PHP_METHOD(SwooleHttpResponse, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    r->ended = true;
    RETURN_BOOL(g_php_host->server_close(r->server, r->session, 0) == 0);
}

PHP_METHOD(SwooleHttpResponse, ping) {
    ZEND_PARSE_PARAMETERS_NONE();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (r->stream_id) RETURN_BOOL(http2_ping(r));
    php_error_docref(nullptr, E_WARNING, "fd[%lld] is not a HTTP2 conncetion", static_cast<long long>(r->session));
    RETURN_FALSE;
}

PHP_METHOD(SwooleHttpResponse, goaway) {
    zend_long code = 0;
    zend_string *debug = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(code)
        Z_PARAM_STR(debug)
    ZEND_PARSE_PARAMETERS_END();
    ResponseObject *r = usable(ZEND_THIS);
    if (!r) RETURN_FALSE;
    if (r->stream_id) RETURN_BOOL(http2_goaway(r, code, debug));
    php_error_docref(nullptr, E_WARNING, "fd[%lld] is not a HTTP2 conncetion", static_cast<long long>(r->session));
    RETURN_FALSE;
}

PHP_METHOD(SwooleHttpResponse, create) {
    zval *target = nullptr;
    zend_long fd = -1;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(target)
        Z_PARAM_LONG(fd)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *server = nullptr;
    if (target && Z_TYPE_P(target) == IS_LONG) {
        server = g_current_server;
        fd = Z_LVAL_P(target);
    } else if (target && Z_TYPE_P(target) == IS_OBJECT && instanceof_function(Z_OBJCE_P(target), g_http_server_ce->parent)) {
        server = Z_OBJ_P(target);
    } else if (target && Z_TYPE_P(target) == IS_ARRAY && zend_hash_num_elements(Z_ARRVAL_P(target)) == 2) {
        zval *s = zend_hash_index_find(Z_ARRVAL_P(target), 0);
        zval *q = zend_hash_index_find(Z_ARRVAL_P(target), 1);
        if (s && q && Z_TYPE_P(s) == IS_OBJECT && Z_TYPE_P(q) == IS_OBJECT &&
            instanceof_function(Z_OBJCE_P(s), g_http_server_ce->parent) && instanceof_function(Z_OBJCE_P(q), g_request_ce)) {
            server = Z_OBJ_P(s);
            zval *pfd = OBJ_PROP_NUM(Z_OBJ_P(q), kReqFd);
            fd = Z_TYPE_P(pfd) == IS_LONG ? Z_LVAL_P(pfd) : -1;
        }
    } else {
        php_error_docref(nullptr, E_WARNING, "parameter $1 must be instanceof Server or array of Server and Request");
        RETURN_FALSE;
    }
    if (!server) {
        php_error_docref(nullptr, E_WARNING, "parameter $1 must be instanceof Server or array of Server and Request");
        RETURN_FALSE;
    }
    if (fd <= 0) {
        php_error_docref(nullptr, E_WARNING, "parameter $2 must be valid connection session id");
        RETURN_FALSE;
    }
    object_init_ex(return_value, g_response_ce);
    init_response(Z_OBJ_P(return_value), server, fd, true, false, Encoding::none);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_end, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, content, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_write, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, content, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_sendfile, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_header, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, format, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_trailer, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, value, IS_STRING, 1)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_status, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, http_code, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reason, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_cookie, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_STRING, 0, "\"\"")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, expires, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, path, IS_STRING, 0, "\"/\"")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, domain, IS_STRING, 0, "\"\"")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, secure, _IS_BOOL, 0, "false")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, httponly, _IS_BOOL, 0, "false")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, samesite, IS_STRING, 0, "\"\"")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, priority, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_redirect, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, location, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, http_code, IS_LONG, 0, "302")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_res_goaway, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, error_code, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, debug_data, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_res_create, 0, 0, Swoole\\Http\\Response, MAY_BE_FALSE)
    ZEND_ARG_TYPE_MASK(0, server, MAY_BE_OBJECT | MAY_BE_ARRAY | MAY_BE_LONG, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, fd, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

const zend_function_entry g_response_methods[] = {
    PHP_ME(SwooleHttpResponse, initHeader, arginfo_res_bool, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, isWritable, arginfo_res_bool, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, cookie, arginfo_res_cookie, ZEND_ACC_PUBLIC)
    PHP_MALIAS(SwooleHttpResponse, setCookie, cookie, arginfo_res_cookie, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, rawcookie, arginfo_res_cookie, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, status, arginfo_res_status, ZEND_ACC_PUBLIC)
    PHP_MALIAS(SwooleHttpResponse, setStatusCode, status, arginfo_res_status, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, header, arginfo_res_header, ZEND_ACC_PUBLIC)
    PHP_MALIAS(SwooleHttpResponse, setHeader, header, arginfo_res_header, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, trailer, arginfo_res_trailer, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, ping, arginfo_res_bool, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, goaway, arginfo_res_goaway, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, write, arginfo_res_write, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, end, arginfo_res_end, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, sendfile, arginfo_res_sendfile, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, redirect, arginfo_res_redirect, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, detach, arginfo_res_bool, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, close, arginfo_res_bool, ZEND_ACC_PUBLIC)
    PHP_ME(SwooleHttpResponse, create, arginfo_res_create, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_FE_END
};

}  // namespace

void init_response(zend_object *obj, zend_object *server, int64_t session, bool keep_alive, bool head,
                   Encoding encoding) {
    ResponseObject *r = response_of(obj);
    r->server = server;
    GC_ADDREF(server);
    r->session = session;
    r->keep_alive = keep_alive;
    r->head = head;
    r->encoding = encoding;
    ZVAL_LONG(OBJ_PROP_NUM(obj, kResFd), session);
}

int register_response_class() {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Http\\Response", g_response_methods);
    g_response_ce = zend_register_internal_class(&ce);
    g_response_ce->create_object = response_create;
    memcpy(&g_response_handlers, zend_get_std_object_handlers(), sizeof g_response_handlers);
    g_response_handlers.offset = XtOffsetOf(ResponseObject, std);
    g_response_handlers.free_obj = response_free;
    g_response_handlers.clone_obj = nullptr;
    for (const char *p : {"fd", "socket", "header", "cookie", "trailer"}) {
        zend_declare_property_null(g_response_ce, p, strlen(p), ZEND_ACC_PUBLIC);
    }
    zend_register_class_alias("swoole_http_response", g_response_ce);
    return 0;
}

}  // namespace swoole::mod::http
