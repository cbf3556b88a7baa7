// The one-call helpers Swoole\Coroutine\Http\request/get/post (4.8's library
// functions, spec §5.1) and Swoole\Coroutine\Http\ClientProxy, their result.
// They build a Coroutine\Http\Client from the URL, apply options, headers
// and cookies, execute path + query, and throw Client\Exception (errMsg,
// errCode) on failure.
//
// The backend is the library option http_client_driver (default "swoole"):
// only this client is built in, so "curl" or "stream" throw a clear
// exception. swoole_library_set_option()/get_option()/set_options()/
// get_options() are registered here when nothing else defines them; the
// options live for the request.
#include "client/client_binding.h"

extern "C" {
#include "ext/standard/url.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

namespace swoole::mod::http::client {

namespace {

zend_class_entry *proxy_ce = nullptr;
HashTable *library_options = nullptr;  // per request

HashTable *options_table() {
    if (!library_options) {
        ALLOC_HASHTABLE(library_options);
        zend_hash_init(library_options, 8, nullptr, ZVAL_PTR_DTOR, 0);
    }
    return library_options;
}

// ---- ClientProxy ----

PHP_METHOD(ClientProxy, __construct) {
    zend_string *body;
    zend_long status;
    zval *headers, *cookies;
    ZEND_PARSE_PARAMETERS_START(4, 4)
    Z_PARAM_STR(body)
    Z_PARAM_LONG(status)
    Z_PARAM_ARRAY_OR_NULL(headers)
    Z_PARAM_ARRAY_OR_NULL(cookies)
    ZEND_PARSE_PARAMETERS_END();
    zend_object *o = Z_OBJ_P(ZEND_THIS);
    zend_update_property_str(proxy_ce, o, ZEND_STRL("body"), body);
    zend_update_property_long(proxy_ce, o, ZEND_STRL("statusCode"), status);
    if (headers) zend_update_property(proxy_ce, o, ZEND_STRL("headers"), headers);
    if (cookies) zend_update_property(proxy_ce, o, ZEND_STRL("cookies"), cookies);
}

#define PROXY_PROPERTY(name)                                                              \
    do {                                                                                  \
        ZEND_PARSE_PARAMETERS_NONE();                                                     \
        zval rv;                                                                          \
        RETURN_COPY(zend_read_property(proxy_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL(name), 1, &rv)); \
    } while (0)

PHP_METHOD(ClientProxy, getBody) { PROXY_PROPERTY("body"); }
PHP_METHOD(ClientProxy, getStatusCode) { PROXY_PROPERTY("statusCode"); }
PHP_METHOD(ClientProxy, getHeaders) { PROXY_PROPERTY("headers"); }
PHP_METHOD(ClientProxy, getCookies) { PROXY_PROPERTY("cookies"); }

// ---- request/get/post ----

// Calls $client->$name(...$args); the return value is dropped.
bool call(zval *client, const char *name, uint32_t argc, zval *args, zval *ret = nullptr) {
    zval fn, local;
    ZVAL_STRING(&fn, name);
    bool ok = call_user_function(nullptr, client, &fn, ret ? ret : &local, argc, args) == SUCCESS && !EG(exception);
    zval_ptr_dtor(&fn);
    if (!ret) zval_ptr_dtor(&local);
    return ok;
}

void do_request(zend_string *url, zend_string *method, zval *data, zval *options, zval *headers, zval *cookies,
                zval *return_value) {
    zval *driver = library_options ? zend_hash_str_find(library_options, ZEND_STRL("http_client_driver")) : nullptr;
    if (driver && Z_TYPE_P(driver) != IS_NULL) {
        zend_string *name = zval_get_string(driver);
        bool swoole = zend_string_equals_literal(name, "swoole");
        if (!swoole) {
            zend_throw_exception_ex(g_client_exception_ce, 0,
                                    "http_client_driver \"%s\" is not available, only \"swoole\" is built in",
                                    ZSTR_VAL(name));
        }
        zend_string_release(name);
        if (!swoole) return;
    }
    php_url *u = php_url_parse_ex(ZSTR_VAL(url), ZSTR_LEN(url));
    if (!u || !u->scheme || ZSTR_LEN(u->scheme) == 0) {
        if (u) php_url_free(u);
        zend_throw_exception(g_client_exception_ce, "The URL given is illegal [no scheme]", 0);
        return;
    }
    bool ssl;
    if (zend_string_equals_literal_ci(u->scheme, "http")) {
        ssl = false;
    } else if (zend_string_equals_literal_ci(u->scheme, "https")) {
        ssl = true;
    } else {
        zend_throw_exception_ex(g_client_exception_ce, 0, "unknown scheme \"%s\"", ZSTR_VAL(u->scheme));
        php_url_free(u);
        return;
    }
    zval client, args[3];
    object_init_ex(&client, g_client_ce);
    ZVAL_STR_COPY(&args[0], u->host ? u->host : ZSTR_EMPTY_ALLOC());
    ZVAL_LONG(&args[1], u->port ? u->port : (ssl ? 443 : 80));
    ZVAL_BOOL(&args[2], ssl);
    bool ok = call(&client, "__construct", 3, args);
    zval_ptr_dtor(&args[0]);
    std::string path = u->path ? std::string(ZSTR_VAL(u->path), ZSTR_LEN(u->path)) : "/";
    if (u->query && ZSTR_LEN(u->query)) path.append("?").append(ZSTR_VAL(u->query), ZSTR_LEN(u->query));
    php_url_free(u);

    zval m;
    ZVAL_STR_COPY(&m, method);
    ok = ok && call(&client, "setMethod", 1, &m);
    zval_ptr_dtor(&m);
    if (ok && data && zend_is_true(data)) ok = call(&client, "setData", 1, data);
    if (ok && options && zend_hash_num_elements(Z_ARRVAL_P(options))) ok = call(&client, "set", 1, options);
    if (ok && headers && zend_hash_num_elements(Z_ARRVAL_P(headers))) ok = call(&client, "setHeaders", 1, headers);
    if (ok && cookies && zend_hash_num_elements(Z_ARRVAL_P(cookies))) ok = call(&client, "setCookies", 1, cookies);
    if (!ok) {
        zval_ptr_dtor(&client);
        return;
    }
    zval p, done;
    ZVAL_STRINGL(&p, path.data(), path.size());
    ok = call(&client, "execute", 1, &p, &done);
    zval_ptr_dtor(&p);
    if (ok && zend_is_true(&done)) {
        zval rv, pargs[4];
        ZVAL_COPY(&pargs[0], zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("body"), 1, &rv));
        ZVAL_COPY(&pargs[1], zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("statusCode"), 1, &rv));
        ZVAL_COPY(&pargs[2], zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("headers"), 1, &rv));
        ZVAL_COPY(&pargs[3], zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("cookies"), 1, &rv));
        object_init_ex(return_value, proxy_ce);
        call(return_value, "__construct", 4, pargs);
        for (zval &a : pargs) zval_ptr_dtor(&a);
    } else if (ok) {
        zval rv;
        zend_string *msg = zval_get_string(zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("errMsg"), 1, &rv));
        zend_long code = zval_get_long(zend_read_property(g_client_ce, Z_OBJ(client), ZEND_STRL("errCode"), 1, &rv));
        zend_throw_exception(g_client_exception_ce, ZSTR_VAL(msg), code);
        zend_string_release(msg);
    }
    zval_ptr_dtor(&done);
    zval_ptr_dtor(&client);
}

PHP_FUNCTION(co_http_request) {
    zend_string *url, *method;
    zval *data = nullptr, *options = nullptr, *headers = nullptr, *cookies = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 6)
    Z_PARAM_STR(url)
    Z_PARAM_STR(method)
    Z_PARAM_OPTIONAL
    Z_PARAM_ZVAL(data)
    Z_PARAM_ARRAY_OR_NULL(options)
    Z_PARAM_ARRAY_OR_NULL(headers)
    Z_PARAM_ARRAY_OR_NULL(cookies)
    ZEND_PARSE_PARAMETERS_END();
    do_request(url, method, data, options, headers, cookies, return_value);
}

PHP_FUNCTION(co_http_get) {
    zend_string *url;
    zval *options = nullptr, *headers = nullptr, *cookies = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 4)
    Z_PARAM_STR(url)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_OR_NULL(options)
    Z_PARAM_ARRAY_OR_NULL(headers)
    Z_PARAM_ARRAY_OR_NULL(cookies)
    ZEND_PARSE_PARAMETERS_END();
    zend_string *method = zend_string_init(ZEND_STRL("GET"), 0);
    do_request(url, method, nullptr, options, headers, cookies, return_value);
    zend_string_release(method);
}

PHP_FUNCTION(co_http_post) {
    zend_string *url;
    zval *data, *options = nullptr, *headers = nullptr, *cookies = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 5)
    Z_PARAM_STR(url)
    Z_PARAM_ZVAL(data)
    Z_PARAM_OPTIONAL
    Z_PARAM_ARRAY_OR_NULL(options)
    Z_PARAM_ARRAY_OR_NULL(headers)
    Z_PARAM_ARRAY_OR_NULL(cookies)
    ZEND_PARSE_PARAMETERS_END();
    zend_string *method = zend_string_init(ZEND_STRL("POST"), 0);
    do_request(url, method, data, options, headers, cookies, return_value);
    zend_string_release(method);
}

// ---- library options ----

PHP_FUNCTION(swoole_library_set_option) {
    zend_string *key;
    zval *value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
    Z_PARAM_STR(key)
    Z_PARAM_ZVAL(value)
    ZEND_PARSE_PARAMETERS_END();
    Z_TRY_ADDREF_P(value);
    zend_hash_update(options_table(), key, value);
}

PHP_FUNCTION(swoole_library_get_option) {
    zend_string *key;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(key)
    ZEND_PARSE_PARAMETERS_END();
    zval *v = library_options ? zend_hash_find(library_options, key) : nullptr;
    if (!v) RETURN_NULL();
    RETURN_COPY(v);
}

PHP_FUNCTION(swoole_library_set_options) {
    HashTable *options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    zend_hash_merge(options_table(), options, zval_add_ref, 1);
}

PHP_FUNCTION(swoole_library_get_options) {
    ZEND_PARSE_PARAMETERS_NONE();
    if (!library_options) RETURN_EMPTY_ARRAY();
    RETURN_ARR(zend_array_dup(library_options));
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_proxy_construct, 0, 0, 4)
ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, statusCode, IS_LONG, 0)
ZEND_ARG_TYPE_INFO(0, headers, IS_ARRAY, 1)
ZEND_ARG_TYPE_INFO(0, cookies, IS_ARRAY, 1)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_proxy_string, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_proxy_long, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_proxy_array, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

const zend_function_entry proxy_methods[] = {
    PHP_ME(ClientProxy, __construct, arginfo_proxy_construct, ZEND_ACC_PUBLIC)
    PHP_ME(ClientProxy, getBody, arginfo_proxy_string, ZEND_ACC_PUBLIC)
    PHP_ME(ClientProxy, getStatusCode, arginfo_proxy_long, ZEND_ACC_PUBLIC)
    PHP_ME(ClientProxy, getHeaders, arginfo_proxy_array, ZEND_ACC_PUBLIC)
    PHP_ME(ClientProxy, getCookies, arginfo_proxy_array, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_request, 0, 2, Swoole\\Coroutine\\Http\\ClientProxy, 0)
ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, method, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, data, IS_MIXED, 0, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cookies, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_get, 0, 1, Swoole\\Coroutine\\Http\\ClientProxy, 0)
ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cookies, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_post, 0, 2, Swoole\\Coroutine\\Http\\ClientProxy, 0)
ZEND_ARG_TYPE_INFO(0, url, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, headers, IS_ARRAY, 1, "null")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cookies, IS_ARRAY, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_option, 0, 2, IS_VOID, 0)
ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, value, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_option, 0, 1, IS_MIXED, 0)
ZEND_ARG_TYPE_INFO(0, key, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_options, 0, 1, IS_VOID, 0)
ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_options, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

const zend_function_entry http_functions[] = {
    ZEND_RAW_FENTRY("Swoole\\Coroutine\\Http\\request", PHP_FN(co_http_request), arginfo_request, 0)
    ZEND_RAW_FENTRY("Swoole\\Coroutine\\Http\\get", PHP_FN(co_http_get), arginfo_get, 0)
    ZEND_RAW_FENTRY("Swoole\\Coroutine\\Http\\post", PHP_FN(co_http_post), arginfo_post, 0)
    PHP_FE_END
};

const zend_function_entry library_functions[] = {
    PHP_FE(swoole_library_set_option, arginfo_set_option)
    PHP_FE(swoole_library_get_option, arginfo_get_option)
    PHP_FE(swoole_library_set_options, arginfo_set_options)
    PHP_FE(swoole_library_get_options, arginfo_get_options)
    PHP_FE_END
};

}  // namespace

int register_client_functions(int) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Http\\ClientProxy", proxy_methods);
    proxy_ce = zend_register_internal_class(&ce);
    zend_declare_property_string(proxy_ce, ZEND_STRL("body"), "", ZEND_ACC_PRIVATE);
    zend_declare_property_long(proxy_ce, ZEND_STRL("statusCode"), 0, ZEND_ACC_PRIVATE);
    zend_declare_property_null(proxy_ce, ZEND_STRL("headers"), ZEND_ACC_PRIVATE);
    zend_declare_property_null(proxy_ce, ZEND_STRL("cookies"), ZEND_ACC_PRIVATE);

    if (zend_register_functions(nullptr, http_functions, nullptr, MODULE_PERSISTENT) != SUCCESS) return -1;
    // The library option functions, unless something registered them first.
    for (const zend_function_entry *f = library_functions; f->fname; f++) {
        if (zend_hash_str_exists(CG(function_table), f->fname, strlen(f->fname))) return 0;
    }
    return zend_register_functions(nullptr, library_functions, nullptr, MODULE_PERSISTENT) == SUCCESS ? 0 : -1;
}

void client_functions_request_end() {
    if (library_options) {
        zend_hash_destroy(library_options);
        FREE_HASHTABLE(library_options);
        library_options = nullptr;
    }
}

}  // namespace swoole::mod::http::client
