// execute() of Coroutine\Http\Client: the request is read from the object's
// properties (requestMethod, requestHeaders, requestBody, uploadFiles,
// cookies, downloadFile/downloadOffset) as 4.8 does, written by the core's
// request writer, sent; the response goes into statusCode, headers,
// set_cookie_headers, cookies (merged: a cookie jar) and body, or into the
// download file. Also upgrade(): the WebSocket handshake.
#include "client/client_binding.h"

extern "C" {
#include "ext/random/php_random.h"
#include "ext/standard/php_http.h"
#include "ext/standard/sha1.h"
#include "zend_smart_str.h"
}

#include <vector>

#include "client/file_sink.h"

namespace swoole::mod::http::client {

namespace {

constexpr int kQueryRfc1738 = 1;  // PHP_QUERY_RFC1738: http_build_query()'s default
constexpr std::string_view kWebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

// The body as a PHP string, built in place.
class PhpStringSink final : public BodySink {
  public:
    ~PhpStringSink() override { smart_str_free(&s_); }
    bool write(std::string_view data) override {
        smart_str_appendl(&s_, data.data(), data.size());
        return true;
    }
    zend_string *take() {
        if (!s_.s) return ZSTR_EMPTY_ALLOC();
        return smart_str_extract(&s_);
    }

  private:
    smart_str s_{};
};

// Strings borrowed from zvals for the time a request is written.
class Held {
  public:
    ~Held() {
        for (zend_string *s : strings_) zend_string_release(s);
    }
    std::string_view get(zval *v) {
        zend_string *s = zval_get_string(v);
        strings_.push_back(s);
        return {ZSTR_VAL(s), ZSTR_LEN(s)};
    }

  private:
    std::vector<zend_string *> strings_;
};

std::string_view view_of(zend_string *s) { return {ZSTR_VAL(s), ZSTR_LEN(s)}; }

zval *find(HashTable *ht, std::string_view key) { return zend_hash_str_find(ht, key.data(), key.size()); }

// String-keyed, non-null entries of an array property as header fields.
void collect_fields(zval *array, Held &held, std::vector<HeaderField> &out) {
    if (!array || Z_TYPE_P(array) != IS_ARRAY) return;
    zend_string *key;
    zval *value;
    ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(array), key, value) {
        if (!key || Z_TYPE_P(value) == IS_NULL) continue;
        out.push_back(HeaderField{view_of(key), held.get(value)});
    }
    ZEND_HASH_FOREACH_END();
}

// The uploadFiles property (entries made by addFile/addData).
void collect_uploads(zval *files, Held &held, std::vector<UploadPart> &out) {
    if (!files || Z_TYPE_P(files) != IS_ARRAY) return;
    zval *entry;
    ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(files), entry) {
        if (Z_TYPE_P(entry) != IS_ARRAY) continue;
        HashTable *ht = Z_ARRVAL_P(entry);
        zval *name = find(ht, "name"), *filename = find(ht, "filename"), *type = find(ht, "type");
        zval *size = find(ht, "size"), *content = find(ht, "content"), *path = find(ht, "path");
        if (!name || !filename || !type || !size || (!content && !path)) continue;
        UploadPart p;
        p.name = held.get(name);
        p.filename = held.get(filename);
        p.type = held.get(type);
        if (content) {
            p.content = held.get(content);
        } else {
            zval *offset = find(ht, "offset");
            p.path = held.get(path);
            p.offset = offset ? static_cast<uint64_t>(zval_get_long(offset)) : 0;
            p.length = static_cast<uint64_t>(zval_get_long(size));
            if (p.path.empty() || p.length == 0) continue;
        }
        out.push_back(p);
    }
    ZEND_HASH_FOREACH_END();
}

// After a request, success or not: what addFile/download set is used up.
void reset_request_properties(zval *self, bool had_uploads, bool had_download) {
    if (had_uploads) update_null(self, ZEND_STRL("uploadFiles"));
    if (had_download) {
        update_null(self, ZEND_STRL("downloadFile"));
        update_long(self, ZEND_STRL("downloadOffset"), 0);
    }
}

zval *property_array(zval *self, const char *name, size_t len) {
    zval *p = read_property(self, name, len);
    if (Z_TYPE_P(p) != IS_ARRAY) {
        zval arr;
        array_init(&arr);
        zend_update_property(g_client_ce, Z_OBJ_P(self), name, len, &arr);
        zval_ptr_dtor(&arr);
        p = read_property(self, name, len);
    }
    SEPARATE_ARRAY(p);
    return p;
}

// Response fields into the properties.
void store_response(zval *self, ClientState &st) {
    const ResponseParser &r = st.parser;
    update_long(self, ZEND_STRL("statusCode"), r.status());
    zval headers, set_cookies;
    array_init_size(&headers, static_cast<uint32_t>(r.headers().size()));
    array_init(&set_cookies);
    for (const ResponseParser::Header &h : r.headers()) {
        zval v;
        ZVAL_STRINGL(&v, h.value.data(), h.value.size());
        zend_symtable_str_update(Z_ARRVAL(headers), h.name.data(), h.name.size(), &v);
    }
    zend_update_property(g_client_ce, Z_OBJ_P(self), ZEND_STRL("headers"), &headers);
    zval_ptr_dtor(&headers);
    if (!r.set_cookies().empty()) {
        // The same array setCookies() fills: received cookies go back out.
        zval *jar = property_array(self, ZEND_STRL("cookies"));
        for (std::string_view raw : r.set_cookies()) {
            add_next_index_stringl(&set_cookies, raw.data(), raw.size());
            CookiePair c = parse_set_cookie(raw);
            std::string value = url_decode(c.value);
            zval v;
            ZVAL_STRINGL(&v, value.data(), value.size());
            if (c.name.empty()) {
                zend_hash_next_index_insert(Z_ARRVAL_P(jar), &v);
            } else {
                zend_symtable_str_update(Z_ARRVAL_P(jar), c.name.data(), c.name.size(), &v);
            }
        }
        zend_update_property(g_client_ce, Z_OBJ_P(self), ZEND_STRL("set_cookie_headers"), &set_cookies);
    }
    zval_ptr_dtor(&set_cookies);
}

// The Sec-WebSocket-Accept a server must send for key.
std::string websocket_accept(std::string_view key) {
    PHP_SHA1_CTX ctx;
    PHP_SHA1Init(&ctx);
    PHP_SHA1Update(&ctx, reinterpret_cast<const unsigned char *>(key.data()), key.size());
    PHP_SHA1Update(&ctx, reinterpret_cast<const unsigned char *>(kWebSocketGuid.data()), kWebSocketGuid.size());
    unsigned char digest[20];
    PHP_SHA1Final(digest, &ctx);
    return base64_encode({reinterpret_cast<const char *>(digest), sizeof(digest)});
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// After a 101: whether it is the WebSocket switch our key asked for.
void check_upgrade(zval *self, ClientState &st) {
    const ResponseParser &r = st.parser;
    if (!r.upgraded() || !iequals(r.header("upgrade"), "websocket")) {
        if (r.upgraded()) st.client.close();  // switched to something we do not speak
        return;
    }
    if (r.header("sec-websocket-accept") != websocket_accept(st.ws_key)) {
        // The response itself arrived (statusCode stays 101); the switch is refused.
        static constexpr std::string_view msg = "websocket handshake failed: wrong Sec-WebSocket-Accept";
        update_long(self, ZEND_STRL("errCode"), kErrWebsocketHandshakeFailed);
        update_string(self, ZEND_STRL("errMsg"), msg);
        g_client_host->set_last_error(kErrWebsocketHandshakeFailed);
        st.client.close();
        return;
    }
    st.websocket = true;
    std::string_view ext = r.header("sec-websocket-extensions");
    st.ws_compression_on = st.websocket_compression && ext.find("permessage-deflate") != std::string_view::npos;
}

}  // namespace

bool execute_request(zval *self, ClientState &st, std::string_view path) {
    if (path.empty()) {
        php_error_docref(nullptr, E_WARNING, "path is empty");
        return false;
    }
    require_coroutine();
    // A new request forgets the last response.
    update_null(self, ZEND_STRL("headers"));
    update_null(self, ZEND_STRL("set_cookie_headers"));
    update_string(self, ZEND_STRL("body"), "");

    Held held;
    RequestSpec spec;
    zval *method = read_property(self, ZEND_STRL("requestMethod"));
    zval *body = read_property(self, ZEND_STRL("requestBody"));
    bool has_body = Z_TYPE_P(body) != IS_NULL;
    spec.method = Z_TYPE_P(method) != IS_NULL ? held.get(method) : (has_body ? "POST" : "GET");

    std::vector<HeaderField> headers, cookies, form;
    std::vector<UploadPart> uploads;
    collect_fields(read_property(self, ZEND_STRL("requestHeaders")), held, headers);
    collect_fields(read_property(self, ZEND_STRL("cookies")), held, cookies);
    collect_uploads(read_property(self, ZEND_STRL("uploadFiles")), held, uploads);
    bool had_uploads = Z_TYPE_P(read_property(self, ZEND_STRL("uploadFiles"))) != IS_NULL;
    spec.headers = headers;
    spec.cookies = cookies;

    std::string host_value = st.client.host_header();
    std::string_view user_host;
    for (const HeaderField &h : headers) {
        if (iequals(h.name, "host")) user_host = h.value;
    }
    spec.host = host_value;
    std::string target = st.client.request_target(path, user_host.empty() ? std::string_view(host_value) : user_host);
    spec.target = target;
    std::string proxy_auth = st.client.proxy_authorization();
    spec.proxy_authorization = proxy_auth;
    spec.authorization = st.basic_auth;
    spec.keep_alive = st.client.settings().keep_alive;
    spec.compression = st.client.settings().http_compression;

    std::string boundary;
    smart_str encoded{};
    if (!uploads.empty()) {
        spec.body_kind = BodyKind::multipart;
        if (has_body && Z_TYPE_P(body) == IS_ARRAY) collect_fields(body, held, form);
        spec.form = form;
        spec.uploads = uploads;
        boundary = make_boundary();
        spec.boundary = boundary;
    } else if (has_body && Z_TYPE_P(body) == IS_ARRAY) {
        spec.body_kind = BodyKind::urlencoded;
        php_url_encode_hash_ex(Z_ARRVAL_P(body), &encoded, nullptr, 0, nullptr, 0, nullptr, 0, nullptr, "&",
                               kQueryRfc1738);
        if (encoded.s) spec.body = view_of(encoded.s);
    } else if (has_body) {
        spec.body_kind = BodyKind::raw;
        spec.body = held.get(body);
    }
    write_request(spec, st.request);
    smart_str_free(&encoded);

    // download(): the file and offset are read when the response comes.
    bool had_download = Z_TYPE_P(read_property(self, ZEND_STRL("downloadFile"))) != IS_NULL;

    st.waiting = false;
    bool sent = st.client.send(st.request);
    sync_connected(self, st);
    if (!sent) {
        sync_error(self, st);
        reset_request_properties(self, had_uploads, had_download);
        return false;
    }
    update_long(self, ZEND_STRL("errCode"), 0);
    update_string(self, ZEND_STRL("errMsg"), "");
    update_long(self, ZEND_STRL("statusCode"), 0);
    if (had_uploads) update_null(self, ZEND_STRL("uploadFiles"));
    st.waiting = true;
    if (st.defer) return true;  // recv() reads the response
    return receive_response(self, st, 0);
}

bool receive_response(zval *self, ClientState &st, double timeout) {
    if (!st.waiting) return false;
    require_coroutine();
    st.waiting = false;
    ResponseParser::Options options;
    options.lowercase_header = st.client.settings().lowercase_header;
    options.decompress = st.client.settings().body_decompression;
    options.head_request = st.request.head_method;

    zval *download = read_property(self, ZEND_STRL("downloadFile"));
    bool had_download = Z_TYPE_P(download) != IS_NULL;
    std::unique_ptr<FileSink> file;
    PhpStringSink text;
    if (had_download) {
        zend_string *name = zval_get_string(download);
        file = std::make_unique<FileSink>(std::string(ZSTR_VAL(name), ZSTR_LEN(name)),
                                          zval_get_long(read_property(self, ZEND_STRL("downloadOffset"))));
        zend_string_release(name);
    }
    st.parser.reset(options, file ? static_cast<BodySink *>(file.get()) : &text);
    bool ok = st.client.recv(st.parser, timeout);
    if (!ok && file && file->error()) {
        php_error_docref(nullptr, E_WARNING, "%s(%s) failed, Error: %s[%d]", file->failed_step(),
                         file->path().c_str(), strerror(file->error()), file->error());
        st.client.set_error(file->error(), kStatusServerReset);
    }
    sync_connected(self, st);
    if (!ok) {
        sync_error(self, st);
        reset_request_properties(self, false, had_download);
        st.ws_key.clear();
        return false;
    }
    store_response(self, st);
    if (!file) {
        zval body;
        ZVAL_STR(&body, text.take());
        zend_update_property(g_client_ce, Z_OBJ_P(self), ZEND_STRL("body"), &body);
        zval_ptr_dtor(&body);
    }
    reset_request_properties(self, false, had_download);
    if (!st.ws_key.empty()) {
        check_upgrade(self, st);
        st.ws_key.clear();
        sync_connected(self, st);
    } else if (st.parser.upgraded()) {
        st.client.close();  // a 101 we did not ask for: the stream is no longer HTTP
        sync_connected(self, st);
    }
    return true;
}

bool upgrade_connection(zval *self, ClientState &st, std::string_view path) {
    st.defer = false;
    if (st.websocket) return true;
    require_coroutine();
    unsigned char raw[16];
    if (php_random_bytes_silent(raw, sizeof(raw)) != SUCCESS) return false;
    st.ws_key = base64_encode({reinterpret_cast<const char *>(raw), sizeof(raw)});
    zval *headers = property_array(self, ZEND_STRL("requestHeaders"));
    update_string(self, ZEND_STRL("requestMethod"), "GET");
    add_assoc_string(headers, "Connection", "Upgrade");
    add_assoc_string(headers, "Upgrade", "websocket");
    add_assoc_string(headers, "Sec-WebSocket-Version", "13");
    add_assoc_stringl(headers, "Sec-WebSocket-Key", st.ws_key.data(), st.ws_key.size());
    if (st.websocket_compression) {
        add_assoc_string(headers, "Sec-WebSocket-Extensions",
                         "permessage-deflate; client_no_context_takeover; server_no_context_takeover");
    }
    execute_request(self, st, path);
    st.ws_key.clear();
    return st.websocket;
}

}  // namespace swoole::mod::http::client
