// HTTP/2 in the worker: sessions by connection, requests to onRequest,
// responses to frames. See h2_binding.h.
#include "http2/h2_binding.h"

#include <fcntl.h>
#include <llhttp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "http2/h2_protocol.h"
#include "http2/h2_session.h"
#include "server/mime.h"
#include "server/request_wire.h"
#include "server/response_writer.h"

namespace swoole::mod::http {

namespace {

struct Conn {
    std::unique_ptr<h2::Session> session;
    zend_object *server = nullptr;  // lives as long as the worker
    int64_t fd = 0;
    int reactor_id = 0;
    int port_index = 0;
    bool closing = false;
};

// Never destroyed: sessions still open when the worker exits hold PHP
// strings that must not be released after PHP shut down.
std::unordered_map<int64_t, Conn *> &conns() {
    static auto *map = new std::unordered_map<int64_t, Conn *>();
    return *map;
}

Conn *find_conn(int64_t fd) {
    auto it = conns().find(fd);
    return it == conns().end() ? nullptr : it->second;
}

sw_request_handler g_http1 = nullptr;

// ---- settings

zval *setting_of(zend_object *obj, const char *key) {
    zval rv;
    zval *arr = zend_read_property(obj->ce, obj, "setting", 7, 1, &rv);
    if (!arr || Z_TYPE_P(arr) != IS_ARRAY) return nullptr;
    return zend_hash_str_find(Z_ARRVAL_P(arr), key, strlen(key));
}

uint32_t u32_setting(zend_object *server, const char *key, uint32_t fallback) {
    zval *v = setting_of(server, key);
    if (!v) return fallback;
    zend_long n = zval_get_long(v);
    return n < 0 ? fallback : static_cast<uint32_t>(std::min<zend_long>(n, UINT32_MAX));
}

const h2::SessionSettings &session_settings(zend_object *server) {
    static zend_object *cached_for = nullptr;
    static h2::SessionSettings cached;
    if (cached_for != server) {
        h2::SessionSettings s;
        s.header_table_size = u32_setting(server, "http2_header_table_size", s.header_table_size);
        s.max_concurrent_streams = u32_setting(server, "http2_max_concurrent_streams", s.max_concurrent_streams);
        s.init_window_size = u32_setting(server, "http2_init_window_size", s.init_window_size);
        s.max_frame_size = u32_setting(server, "http2_max_frame_size", s.max_frame_size);
        s.max_header_list_size = u32_setting(server, "http2_max_header_list_size", s.max_header_list_size);
        if (zval *v = setting_of(server, "package_max_length")) {
            s.max_body = static_cast<size_t>(std::max<zend_long>(zval_get_long(v), 64 * 1024));
        }
        // a frame must fit the reactor's input (see h2_protocol.h)
        s.max_frame_size = static_cast<uint32_t>(std::min<size_t>(s.max_frame_size, s.max_body - 9));
        cached = s;
        cached_for = server;
    }
    return cached;
}

// ---- connection lifetime

void output(void *ctx, std::string_view bytes) {
    auto *c = static_cast<Conn *>(ctx);
    if (c->closing) return;
    if (g_php_host->server_send(c->server, c->fd, bytes.data(), bytes.size()) != 0) {
        // Frames were lost (closed, or the output buffer is full): the
        // session cannot go on.
        c->closing = true;
        g_php_host->server_close(c->server, c->fd, 1);
    }
}

// After any session call: a finished session closes its connection.
void settle(Conn *c) {
    if (c->session->finished() && !c->closing) {
        c->closing = true;
        g_php_host->server_close(c->server, c->fd, 0);
    }
}

void free_conn(void *arg) { delete static_cast<Conn *>(arg); }

// The close handler: the session goes with the connection, freed on the
// next loop turn (a caller up the stack may be inside it now).
void on_closed(void *, void *, int64_t fd) {
    auto it = conns().find(fd);
    if (it == conns().end()) return;
    Conn *c = it->second;
    conns().erase(it);
    c->closing = true;
    if (g_php_host->defer(free_conn, c) != 0) delete c;
}

// ---- requests

struct MethodName {
    std::string_view name;
    uint8_t id;
};

// :method -> llhttp's method number; false for a method llhttp does not know.
bool method_id(std::string_view name, uint8_t &id) {
    // llhttp_method_name() aborts on a number it does not know: the list
    // comes from llhttp's own map.
#define H2_METHOD_ENTRY(num, name, string) {#string, num},
    static constexpr MethodName table[] = {HTTP_METHOD_MAP(H2_METHOD_ENTRY)};
#undef H2_METHOD_ENTRY
    for (const MethodName &m : table) {
        if (m.name == name) {
            id = m.id;
            return true;
        }
    }
    return false;
}

struct RequestFacts {
    uint8_t method = HTTP_GET;
    std::string_view accept_encoding;
};

// The stream's request in the wire form build_request reads (request_wire.h):
// a request line, the regular fields (":authority" as host, the cookie
// crumbs joined, RFC 9113 §8.2.3), the body.
bool make_wire(const h2::Stream &st, std::string &wire, RequestFacts &facts) {
    std::string_view method, path, authority;
    bool has_host = false;
    size_t cookies = 0;
    for (size_t i = 0; i < st.field_count(); ++i) {
        h2::Field f = st.field(i);
        if (f.name == ":method") method = f.value;
        else if (f.name == ":path") path = f.value;
        else if (f.name == ":authority") authority = f.value;
        else if (f.name == "host") has_host = true;
        else if (f.name == "cookie") ++cookies;
        else if (f.name == "accept-encoding") facts.accept_encoding = f.value;
    }
    if (method.empty() || !method_id(method, facts.method)) return false;
    if (path.empty()) path = "/";  // CONNECT has none
    thread_local std::string head;
    thread_local std::vector<WireHeader> spans;
    head.clear();
    spans.clear();
    head.append(method).append(" ").append(path).append(" HTTP/2\r\n");
    auto add = [](std::string_view name, std::string_view value) {
        WireHeader h;
        h.name_offset = static_cast<uint32_t>(head.size());
        h.name_length = static_cast<uint32_t>(name.size());
        head.append(name).append(": ");
        h.value_offset = static_cast<uint32_t>(head.size());
        h.value_length = static_cast<uint32_t>(value.size());
        head.append(value).append("\r\n");
        spans.push_back(h);
    };
    if (!has_host && !authority.empty()) add("host", authority);
    for (size_t i = 0; i < st.field_count(); ++i) {
        h2::Field f = st.field(i);
        if (f.name.empty() || f.name[0] == ':' || f.name == "cookie") continue;
        add(f.name, f.value);
    }
    if (cookies > 0) {
        thread_local std::string joined;
        joined.clear();
        for (size_t i = 0; i < st.field_count(); ++i) {
            h2::Field f = st.field(i);
            if (f.name != "cookie") continue;
            if (!joined.empty()) joined.append("; ");
            joined.append(f.value);
        }
        add("cookie", joined);
    }
    head.append("\r\n");
    WireFixed fixed{};
    fixed.magic = kWireMagic;
    fixed.header_count = static_cast<uint32_t>(spans.size());
    fixed.head_length = static_cast<uint32_t>(head.size());
    fixed.body_length = static_cast<uint32_t>(st.body().size());
    fixed.url_offset = static_cast<uint32_t>(method.size() + 1);
    fixed.url_length = static_cast<uint32_t>(path.size());
    fixed.method = facts.method;
    fixed.version_major = 2;
    fixed.version_minor = 0;
    fixed.flags = kWireKeepAlive;
    wire.clear();
    wire.append(reinterpret_cast<const char *>(&fixed), sizeof fixed);
    wire.append(reinterpret_cast<const char *>(spans.data()), spans.size() * sizeof(WireHeader));
    wire.append(head).append(st.body());
    return true;
}

// onRequest for one complete stream (the connection looked up again: the
// caller may have waited since the stream completed).
void run_stream(int64_t fd, int32_t id) {
    Conn *c = find_conn(fd);
    if (!c || c->closing) return;
    h2::Stream *st = c->session->find(id);
    if (!st) return;  // reset by the client meanwhile
    zend_object *server = c->server;
    thread_local std::string wire_bytes;
    RequestFacts facts;
    if (!make_wire(*st, wire_bytes, facts)) {
        const h2::Field fields[] = {{":status", "400"}, {"content-length", "0"}};
        c->session->respond(id, fields, {}, {}, true);
        settle(c);
        return;
    }
    WireView wire;
    if (!wire.parse(wire_bytes)) return;
    const HttpSettings &s = http_settings(server);
    Encoding encoding = s.compression && !facts.accept_encoding.empty() ? choose_encoding(facts.accept_encoding)
                                                                        : Encoding::none;
    sw_server_request req{sizeof(sw_server_request), fd, c->reactor_id, c->port_index, wire_bytes.data(),
                          wire_bytes.size()};
    zval args[2];
    object_init_ex(&args[0], g_request_ce);
    build_request(Z_OBJ(args[0]), server, req, wire, s);
    ZVAL_LONG(OBJ_PROP_NUM(Z_OBJ(args[0]), kReqStreamId), id);
    zval *server_arr = OBJ_PROP_NUM(Z_OBJ(args[0]), kReqServer);
    if (Z_TYPE_P(server_arr) == IS_ARRAY) {
        SEPARATE_ARRAY(server_arr);
        add_assoc_string(server_arr, "server_protocol", "HTTP/2");
    }
    object_init_ex(&args[1], g_response_ce);
    init_response(Z_OBJ(args[1]), server, fd, true, facts.method == HTTP_HEAD, encoding);
    response_of(Z_OBJ(args[1]))->stream_id = static_cast<uint32_t>(id);
    g_current_server = server;
    if (void *cb = g_php_host->server_port_callback(server, fd, "request")) {
        g_php_host->server_call(server, cb, 2, args);
    }
    zval_ptr_dtor(&args[0]);
    zval_ptr_dtor(&args[1]);
}

// The body of a stream coroutine: Swoole\Http\Server\http2_stream(fd, stream id).
ZEND_FUNCTION(swoole_http2_stream) {
    zend_long fd, id;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(fd)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    if (id <= 0 || id > INT32_MAX) RETURN_FALSE;
    run_stream(fd, static_cast<int32_t>(id));
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_http2_stream, 0, 2, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, stream_id, IS_LONG, 0)
ZEND_END_ARG_INFO()

const zend_function_entry g_stream_functions[] = {
    ZEND_NS_FE("Swoole\\Http\\Server", swoole_http2_stream, arginfo_http2_stream)
    ZEND_FE_END
};

zend_function *g_coroutine_create = nullptr;

// Runs a stream's onRequest in a coroutine of its own: false when none could
// be created (the caller runs it itself).
bool spawn_stream(int64_t fd, int32_t id) {
    if (!g_coroutine_create) {
        auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine")));
        if (ce) g_coroutine_create = static_cast<zend_function *>(zend_hash_str_find_ptr(&ce->function_table, ZEND_STRL("create")));
        if (!g_coroutine_create) return false;
    }
    zval args[3], retval;
    ZVAL_STRING(&args[0], "Swoole\\Http\\Server\\swoole_http2_stream");
    ZVAL_LONG(&args[1], fd);
    ZVAL_LONG(&args[2], id);
    ZVAL_UNDEF(&retval);
    zend_call_known_function(g_coroutine_create, nullptr, g_coroutine_create->common.scope, &retval, 3, args, nullptr);
    zval_ptr_dtor(&args[0]);
    bool ok = Z_TYPE(retval) == IS_LONG && Z_LVAL(retval) > 0;
    zval_ptr_dtor(&retval);
    return ok;
}

// The request handler of "http2": frames of a known session, the first
// frames of a new one, or an HTTP/1 request (see h2_protocol.h).
void on_delivery(void *self, void *server_ptr, const sw_server_request *req) {
    auto *server = static_cast<zend_object *>(server_ptr);
    std::string_view data(req->data, req->length);
    Conn *c = find_conn(req->session);
    if (!c) {
        if (is_http1_delivery(data)) {
            if (g_http1) g_http1(self, server_ptr, req);
            return;
        }
        c = new Conn;
        c->server = server;
        c->fd = req->session;
        c->reactor_id = req->reactor_id;
        c->port_index = req->port_index;
        c->session = std::make_unique<h2::Session>(session_settings(server), output, c);
        conns()[req->session] = c;
    }
    if (c->closing) return;
    thread_local std::vector<int32_t> ready;
    ready.clear();
    c->session->feed(data, ready);
    settle(c);
    if (c->closing || ready.empty()) return;
    // Each stream in a coroutine of its own, the last one in this one; the
    // ids are copied first (running a stream may feed the session again).
    int64_t fd = req->session;
    bool in_coroutine = g_php_host->co_id() > 0;
    std::array<int32_t, 16> small;
    std::vector<int32_t> many;
    std::span<const int32_t> ids;
    if (ready.size() <= small.size()) {
        std::copy(ready.begin(), ready.end(), small.begin());
        ids = {small.data(), ready.size()};
    } else {
        many = ready;
        ids = many;
    }
    for (size_t i = 0; i < ids.size(); ++i) {
        bool last = i + 1 == ids.size();
        if (in_coroutine && !last && spawn_stream(fd, ids[i])) continue;
        if (EG(exception)) return;
        run_stream(fd, ids[i]);
        if (EG(exception)) return;  // the worker's fatal, once the handler returned
    }
}

// ---- responses

bool droppable(std::string_view lname) {
    return lname == "connection" || lname == "keep-alive" || lname == "proxy-connection" ||
           lname == "transfer-encoding" || lname == "upgrade" || lname == "content-length";
}

std::string_view rtrim(std::string_view v) {
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n' ||
                          v.back() == '\0' || v.back() == '\v'))
        v.remove_suffix(1);
    return v;
}

// Fields collected for one HEADERS block: names lower-cased, views made
// once every byte is in place.
class FieldList {
  public:
    void clear() {
        bytes_.clear();
        spans_.clear();
    }
    void add(std::string_view name, std::string_view value) {
        size_t at = bytes_.size();
        for (char ch : name) bytes_.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch);
        bytes_.append(value);
        spans_.push_back({at, name.size(), value.size()});
    }
    bool has(std::string_view lname) const {
        for (const Span &s : spans_) {
            if (std::string_view(bytes_).substr(s.at, s.name) == lname) return true;
        }
        return false;
    }
    std::span<const h2::Field> fields() {
        fields_.clear();
        std::string_view all(bytes_);
        for (const Span &s : spans_) fields_.push_back({all.substr(s.at, s.name), all.substr(s.at + s.name, s.value)});
        return fields_;
    }

  private:
    struct Span {
        size_t at, name, value;
    };
    std::string bytes_;
    std::vector<Span> spans_;
    std::vector<h2::Field> fields_;
};

// One field per value (arrays: per element); counts values with CR/LF.
void add_value(FieldList &list, std::string_view name, zval *value, int &newlines) {
    if (Z_TYPE_P(value) == IS_NULL) return;
    if (Z_TYPE_P(value) == IS_ARRAY) {
        zval *item;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(value), item) { add_value(list, name, item, newlines); }
        ZEND_HASH_FOREACH_END();
        return;
    }
    zend_string *tmp;
    zend_string *s = zval_get_tmp_string(value, &tmp);
    std::string_view v = rtrim({ZSTR_VAL(s), ZSTR_LEN(s)});
    if (v.find_first_of("\r\n") != std::string_view::npos) {
        ++newlines;
    } else {
        list.add(name, v);
    }
    zend_tmp_string_release(tmp);
}

std::string_view user_content_type(ResponseObject *r) {
    zval *headers = OBJ_PROP_NUM(&r->std, kResHeader);
    if (Z_TYPE_P(headers) != IS_ARRAY) return {};
    zend_string *key;
    zval *v;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(headers), key, v) {
        if (key && iequals({ZSTR_VAL(key), ZSTR_LEN(key)}, "content-type") && Z_TYPE_P(v) == IS_STRING)
            return {Z_STRVAL_P(v), Z_STRLEN_P(v)};
    }
    ZEND_HASH_FOREACH_END();
    return {};
}

struct Warnings {
    int newlines = 0;
    bool length_ignored = false;
    void raise() const {
        if (length_ignored) {
            php_error_docref(nullptr, E_WARNING, "The client has set 'Accept-Encoding', 'Content-Length' is ignored");
        }
        for (int i = 0; i < newlines; ++i) {
            php_error_docref(nullptr, E_WARNING, "Header may not contain more than a single header, new line detected");
        }
    }
};

// :status, the user's headers and cookies, then the defaults it lacks.
void build_fields(FieldList &list, ResponseObject *r, size_t body_length, Encoding enc, std::string_view auto_type,
                  Warnings &warn) {
    list.clear();
    char status[12];
    int n = snprintf(status, sizeof status, "%d", r->status);
    list.add(":status", {status, static_cast<size_t>(n)});
    if (!auto_type.empty()) list.add("content-type", auto_type);
    zval *headers = OBJ_PROP_NUM(&r->std, kResHeader);
    if (Z_TYPE_P(headers) == IS_ARRAY) {
        zend_string *key;
        zend_ulong idx;
        zval *value;
        thread_local std::string lname;
        ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL_P(headers), idx, key, value) {
            if (!key || Z_TYPE_P(value) == IS_NULL) continue;
            (void)idx;
            lname.assign(ZSTR_VAL(key), ZSTR_LEN(key));
            for (char &ch : lname) ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
            if (lname == "content-length" && enc != Encoding::none) warn.length_ignored = true;
            if (droppable(lname)) continue;
            add_value(list, lname, value, warn.newlines);
        }
        ZEND_HASH_FOREACH_END();
    }
    zval *cookies = OBJ_PROP_NUM(&r->std, kResCookie);
    if (Z_TYPE_P(cookies) == IS_ARRAY) {
        zval *c;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(cookies), c) {
            if (Z_TYPE_P(c) == IS_STRING) list.add("set-cookie", {Z_STRVAL_P(c), Z_STRLEN_P(c)});
        }
        ZEND_HASH_FOREACH_END();
    }
    if (!list.has("server")) list.add("server", "swoole-http-server");
    if (!list.has("date")) list.add("date", http_date_now());
    if (!list.has("content-type")) list.add("content-type", "text/html");
    bool bodiless = (r->status == 204 || r->status == 304 || (r->status >= 100 && r->status < 200)) && body_length == 0;
    if (!bodiless) {
        char length[24];
        int m = snprintf(length, sizeof length, "%zu", body_length);
        list.add("content-length", {length, static_cast<size_t>(m)});
    }
    if (enc != Encoding::none) list.add("content-encoding", encoding_name(enc));
}

void add_trailers(FieldList &list, ResponseObject *r, Warnings &warn) {
    list.clear();
    zval *trailers = OBJ_PROP_NUM(&r->std, kResTrailer);
    if (Z_TYPE_P(trailers) != IS_ARRAY) return;
    zend_string *key;
    zval *value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(trailers), key, value) {
        if (key) add_value(list, {ZSTR_VAL(key), ZSTR_LEN(key)}, value, warn.newlines);
    }
    ZEND_HASH_FOREACH_END();
}

void release_zstr(void *owner) { zend_string_release(static_cast<zend_string *>(owner)); }

// Sends the whole response of r's stream from body (owned: released here).
bool respond(ResponseObject *r, zend_string *body, bool compressible, std::string_view auto_type) {
    r->ended = true;
    Conn *c = find_conn(r->session);
    if (!c || c->closing || !c->session->find(static_cast<int32_t>(r->stream_id))) {
        // closed, or the stream reset by the client
        if (body) zend_string_release(body);
        g_php_host->set_last_error(1005);  // SW_ERROR_SESSION_NOT_EXIST
        php_error_docref(nullptr, E_NOTICE, "http2 stream#%u of session#%lld is gone", r->stream_id,
                         static_cast<long long>(r->session));
        return false;
    }
    std::string_view view = body ? std::string_view(ZSTR_VAL(body), ZSTR_LEN(body)) : std::string_view{};
    Encoding enc = Encoding::none;
    if (compressible && r->encoding != Encoding::none) {
        const HttpSettings &s = http_settings(r->server);
        std::string_view type = user_content_type(r);
        thread_local std::string compressed;
        if (s.compression &&
            should_compress(r->encoding, view.size(), s.compression_min_length, type.empty() ? "text/html" : type) &&
            compress(r->encoding, s.compression_level, view, compressed)) {
            enc = r->encoding;
            if (body) zend_string_release(body);
            body = zend_string_init(compressed.data(), compressed.size(), 0);
            view = {ZSTR_VAL(body), ZSTR_LEN(body)};
        }
    }
    Warnings warn;
    thread_local FieldList fields, trailers;
    build_fields(fields, r, view.size(), enc, auto_type, warn);
    add_trailers(trailers, r, warn);
    h2::BodyRef ref;
    if (body) ref = h2::BodyRef{view, body, release_zstr};
    bool ok = c->session->respond(static_cast<int32_t>(r->stream_id), fields.fields(), ref, trailers.fields(), r->head);
    settle(c);
    warn.raise();
    return ok;
}

}  // namespace

int http2_register(sw_request_handler http1) {
    g_http1 = http1;
    const sw_host_api *host = g_php_host;
    if (host->server_set_request_handler("http2", on_delivery, nullptr) != 0) return -1;
    if (!SW_HOST_HAS(host, server_set_close_handler) ||
        host->server_set_close_handler("http2", on_closed, nullptr) != 0) {
        return -1;
    }
    return zend_register_functions(nullptr, g_stream_functions, nullptr, MODULE_PERSISTENT) == SUCCESS ? 0 : -1;
}

bool http2_check_start(zend_object *server) {
    zval *mode = setting_of(server, "dispatch_mode");
    if (!mode) return true;
    zend_long dispatch = zval_get_long(mode);
    if (dispatch == 2 || dispatch == 4) return true;
    bool http2 = false;
    if (zval *v = setting_of(server, "open_http2_protocol")) http2 = zend_is_true(v);
    zval rv;
    zval *ports = zend_read_property(server->ce, server, "ports", 5, 1, &rv);
    if (!http2 && ports && Z_TYPE_P(ports) == IS_ARRAY) {
        zval *port;
        ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(ports), port) {
            if (Z_TYPE_P(port) != IS_OBJECT) continue;
            zval *v = setting_of(Z_OBJ_P(port), "open_http2_protocol");
            if (v && zend_is_true(v)) http2 = true;
        }
        ZEND_HASH_FOREACH_END();
    }
    if (!http2) return true;
    php_error_docref(nullptr, E_ERROR, "server dispatch mode should be FDMOD(2) or IPMOD(4) if open_http2_protocol is true");
    return false;
}

bool http2_end(ResponseObject *r, zend_string *body) {
    return respond(r, body ? zend_string_copy(body) : nullptr, true, {});
}

bool http2_sendfile(ResponseObject *r, const char *path, uint64_t offset, uint64_t length) {
    int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "open(%s) failed, Error: %s[%d]", path, strerror(errno), errno);
        return false;
    }
    zend_string *body = zend_string_alloc(length, 0);
    size_t got = 0;
    while (got < length) {
        ssize_t n = ::pread(fd, ZSTR_VAL(body) + got, length - got, static_cast<off_t>(offset + got));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        got += static_cast<size_t>(n);
    }
    ::close(fd);
    if (got < length) {
        zend_string_efree(body);
        php_error_docref(nullptr, E_WARNING, "read(%s) failed, Error: %s[%d]", path, strerror(errno), errno);
        return false;
    }
    ZSTR_VAL(body)[length] = '\0';
    std::string_view auto_type = user_content_type(r).empty() ? mime_type_of(path) : std::string_view{};
    return respond(r, body, false, auto_type);
}

bool http2_ping(ResponseObject *r) {
    Conn *c = find_conn(r->session);
    if (!c || c->closing) return false;
    bool ok = c->session->ping();
    settle(c);
    return ok;
}

bool http2_goaway(ResponseObject *r, zend_long error_code, zend_string *debug_data) {
    Conn *c = find_conn(r->session);
    if (!c || c->closing) return false;
    std::string_view debug = debug_data ? std::string_view(ZSTR_VAL(debug_data), ZSTR_LEN(debug_data)) : std::string_view{};
    bool ok = c->session->goaway(static_cast<uint32_t>(error_code), debug);
    settle(c);
    return ok;
}

void http2_abandon(ResponseObject *r) {
    Conn *c = find_conn(r->session);
    r->ended = true;
    if (!c || c->closing) return;
    const h2::Field fields[] = {{":status", "500"},
                                {"server", "swoole-http-server"},
                                {"date", http_date_now()},
                                {"content-type", "text/html"},
                                {"content-length", "0"}};
    c->session->respond(static_cast<int32_t>(r->stream_id), fields, {}, {}, true);
    settle(c);
}

}  // namespace swoole::mod::http
