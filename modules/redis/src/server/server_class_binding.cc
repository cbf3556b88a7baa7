// Swoole\Redis\Server (alias swoole_redis_server): a Swoole\Server whose
// primary port speaks RESP. setHandler/getHandler keep the command handlers
// (handler_table.h); format() builds replies (reply_writer.h). The server
// itself is the host's: the class only asks the host to force the "redis"
// protocol onto its primary port at start().
#include <cstring>
#include <utility>

#include <swoole/sdk.hpp>

extern "C" {
#include "php.h"
#include "zend_smart_str.h"
}

#include "redis_module.h"
#include "server/handler_table.h"
#include "server/reply_writer.h"
#include "server/request_parser.h"
#include "server/resp_protocol.h"

namespace swoole::mod::redis {

namespace {

zend_class_entry *g_redis_server_ce = nullptr;

// The reply types of format() (4.8's numbers).
enum ReplyType : zend_long { kError = 0, kNil = 1, kStatus = 2, kInt = 3, kString = 4, kSet = 5, kMap = 6 };

// reply_writer's sink over a smart_str.
struct SmartOut {
    smart_str s{};
    void append(const char *data, size_t n) { smart_str_appendl(&s, data, n); }
};

// Appends one value as a bulk string (PHP's string conversion); false when
// the conversion threw.
bool append_value_bulk(SmartOut &out, zval *value) {
    zend_string *tmp;
    zend_string *str = zval_get_tmp_string(value, &tmp);
    if (EG(exception)) {
        zend_tmp_string_release(tmp);
        return false;
    }
    append_bulk(out, {ZSTR_VAL(str), ZSTR_LEN(str)});
    zend_tmp_string_release(tmp);
    return true;
}

bool append_set(SmartOut &out, HashTable *items) {
    append_header(out, '*', zend_hash_num_elements(items));
    zval *item;
    ZEND_HASH_FOREACH_VAL(items, item) {
        if (!append_value_bulk(out, item)) return false;
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// Only string keys make pairs; the header counts what is written (4.8
// counted integer keys too and produced a broken reply).
bool append_map(SmartOut &out, HashTable *items) {
    zend_long pairs = 0;
    zend_string *key;
    zval *item;
    ZEND_HASH_FOREACH_STR_KEY(items, key) {
        if (key) ++pairs;
    }
    ZEND_HASH_FOREACH_END();
    append_header(out, '*', pairs * 2);
    ZEND_HASH_FOREACH_STR_KEY_VAL(items, key, item) {
        if (!key) continue;
        append_bulk(out, {ZSTR_VAL(key), ZSTR_LEN(key)});
        if (!append_value_bulk(out, item)) return false;
    }
    ZEND_HASH_FOREACH_END();
    return true;
}

// "-<text>" / "+<text>" with a default text when no value was given.
void append_text_line(SmartOut &out, char prefix, zval *value, std::string_view fallback) {
    if (!value) {
        append_line(out, prefix, fallback);
        return;
    }
    zend_string *tmp;
    zend_string *str = zval_get_tmp_string(value, &tmp);
    if (!EG(exception)) append_line(out, prefix, {ZSTR_VAL(str), ZSTR_LEN(str)});
    zend_tmp_string_release(tmp);
}

PHP_METHOD(RedisServer, setHandler) {
    zend_string *command;
    zval *callback;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(command)
        Z_PARAM_ZVAL(callback)
    ZEND_PARSE_PARAMETERS_END();
    if (ZSTR_LEN(command) == 0 || ZSTR_LEN(command) >= kCommandNameLimit) {
        php_error_docref(nullptr, E_ERROR, "invalid command");
        RETURN_FALSE;
    }
    zend_string *callable_name = nullptr;
    if (!zend_is_callable(callback, 0, &callable_name)) {
        php_error_docref(nullptr, E_ERROR, "function '%s' is not callable", ZSTR_VAL(callable_name));
        zend_string_release(callable_name);
        RETURN_FALSE;
    }
    zend_string_release(callable_name);
    handler_set({ZSTR_VAL(command), ZSTR_LEN(command)}, callback);
    // The 4.8 mirror in a dynamic property (PHP 8.2 reports its creation as deprecated).
    char property[sizeof("_handler_") - 1 + kCommandNameLimit];
    std::memcpy(property, "_handler_", sizeof("_handler_") - 1);
    lower_command({ZSTR_VAL(command), ZSTR_LEN(command)}, property + sizeof("_handler_") - 1);
    zend_update_property(Z_OBJCE_P(ZEND_THIS), Z_OBJ_P(ZEND_THIS), property,
                         sizeof("_handler_") - 1 + ZSTR_LEN(command), callback);
    RETURN_TRUE;
}

PHP_METHOD(RedisServer, getHandler) {
    zend_string *command;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(command)
    ZEND_PARSE_PARAMETERS_END();
    zval *handler = handler_find({ZSTR_VAL(command), ZSTR_LEN(command)});
    if (!handler) RETURN_NULL();
    RETURN_COPY(handler);
}

PHP_METHOD(RedisServer, format) {
    zend_long type;
    zval *value = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(type)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(value)
    ZEND_PARSE_PARAMETERS_END();
    SmartOut out;
    bool ok = true;
    switch (type) {
    case kError: append_text_line(out, '-', value, "ERR"); break;
    case kStatus: append_text_line(out, '+', value, "OK"); break;
    case kNil: out.append("$-1\r\n", 5); break;
    case kInt:
    case kString:
    case kSet:
    case kMap:
        if (!value) {
            php_error_docref(nullptr, E_WARNING, "require more parameters");
            RETURN_FALSE;
        }
        if (type == kInt) {
            append_header(out, ':', zval_get_long(value));
        } else if (type == kString) {
            zend_string *tmp;
            zend_string *str = zval_get_tmp_string(value, &tmp);
            if (!EG(exception)) {
                if (ZSTR_LEN(str) == 0 || ZSTR_LEN(str) > static_cast<size_t>(kMaxBulkLength)) {
                    php_error_docref(nullptr, E_WARNING, "invalid string size");
                    ok = false;
                } else {
                    append_bulk(out, {ZSTR_VAL(str), ZSTR_LEN(str)});
                }
            }
            zend_tmp_string_release(tmp);
        } else if (Z_TYPE_P(value) != IS_ARRAY) {
            php_error_docref(nullptr, E_WARNING, "the second parameter should be an array");
            ok = false;
        } else {
            ok = type == kSet ? append_set(out, Z_ARRVAL_P(value)) : append_map(out, Z_ARRVAL_P(value));
        }
        break;
    default:
        php_error_docref(nullptr, E_WARNING, "Unknown type[" ZEND_LONG_FMT "]", type);
        RETURN_FALSE;
    }
    if (!ok || EG(exception)) {
        smart_str_free(&out.s);
        if (EG(exception)) RETURN_THROWS();
        RETURN_FALSE;
    }
    RETURN_STR(smart_str_extract(&out.s));
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_handler, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, command, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_get_handler, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, command, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_format, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_MIXED, 0, "null")
ZEND_END_ARG_INFO()

const zend_function_entry redis_server_methods[] = {
    PHP_ME(RedisServer, setHandler, arginfo_set_handler, ZEND_ACC_PUBLIC)
    PHP_ME(RedisServer, getHandler, arginfo_get_handler, ZEND_ACC_PUBLIC)
    PHP_ME(RedisServer, format, arginfo_format, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_FE_END
};

}  // namespace

int register_redis_server_class() {
    auto *parent = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\server")));
    if (!parent) {
        sdk::log(SW_LOG_ERROR, "redis: Swoole\\Server is not registered; Swoole\\Redis\\Server needs it");
        return -1;
    }
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Redis\\Server", redis_server_methods);
    g_redis_server_ce = zend_register_internal_class_ex(&ce, parent);
    zend_register_class_alias("swoole_redis_server", g_redis_server_ce);
    const std::pair<const char *, zend_long> constants[] = {
        {"NIL", kNil}, {"ERROR", kError}, {"STATUS", kStatus}, {"INT", kInt},
        {"STRING", kString}, {"SET", kSet}, {"MAP", kMap},
    };
    for (const auto &[name, value] : constants) {
        zend_declare_class_constant_long(g_redis_server_ce, name, std::strlen(name), value);
    }
    const sw_host_api &host = sdk::Host::api();
    if (SW_HOST_HAS(&host, server_class_protocol) &&
        host.server_class_protocol(g_redis_server_ce, kProtocolName, nullptr) != 0) {
        sdk::log(SW_LOG_ERROR, "redis: the host refused the Redis\\Server class protocol");
        return -1;
    }
    return 0;
}

}  // namespace swoole::mod::redis
