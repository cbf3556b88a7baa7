// Swoole\Runtime (alias swoole_runtime): enableCoroutine, setHookFlags,
// getHookFlags, and the SWOOLE_HOOK_* constants with their 4.8 values.
#include "runtime/runtime.h"

#include <cstring>

#include "coroutine/php_coroutine.h"

extern "C" {
#include "SAPI.h"
}

namespace swoole::php {
namespace {

zend_class_entry *runtime_ce = nullptr;

// Hooks patch process-wide tables: only the CLI (one request per process) may.
bool require_cli() {
    if (strcmp(sapi_module.name, "cli") == 0 || strcmp(sapi_module.name, "phpdbg") == 0) return true;
    php_error_docref(nullptr, E_ERROR, "must be used in PHP CLI mode");
    return false;
}

uint32_t to_flags(zend_long value) { return value < 0 ? 0 : static_cast<uint32_t>(value); }

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_enable_coroutine, 0, 0, _IS_BOOL, 0)
ZEND_ARG_INFO_WITH_DEFAULT_VALUE(0, enable, "true")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "SWOOLE_HOOK_ALL")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_hook_flags, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, flags, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_hook_flags, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

// Four forms: () → all; (int $flags); (true, $flags); (false) → none.
PHP_METHOD(Runtime, enableCoroutine) {
    zval *enable = nullptr;
    zend_long flags = runtime::kHookAll;
    ZEND_PARSE_PARAMETERS_START(0, 2)
    Z_PARAM_OPTIONAL
    Z_PARAM_ZVAL(enable)
    Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    if (enable) {
        ZVAL_DEREF(enable);
        switch (Z_TYPE_P(enable)) {
            case IS_TRUE:
                break;
            case IS_FALSE:
                flags = 0;
                break;
            case IS_LONG:
                flags = Z_LVAL_P(enable);
                break;
            default:
                zend_type_error("%s::enableCoroutine() expects parameter 1 to be bool or long, %s given",
                                ZSTR_VAL(runtime_ce->name), zend_zval_type_name(enable));
                RETURN_THROWS();
        }
    }
    if (!require_cli()) RETURN_FALSE;
    runtime::enable(to_flags(flags));
    RETURN_TRUE;
}

PHP_METHOD(Runtime, setHookFlags) {
    zend_long flags;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    if (!require_cli()) RETURN_FALSE;
    runtime::enable(to_flags(flags));
    RETURN_TRUE;
}

PHP_METHOD(Runtime, getHookFlags) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(runtime::reported_flags());
}

const zend_function_entry runtime_methods[] = {
    PHP_ME(Runtime, enableCoroutine, arginfo_enable_coroutine, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Runtime, setHookFlags, arginfo_set_hook_flags, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Runtime, getHookFlags, arginfo_get_hook_flags, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_FE_END
};

// Not instantiable: a static API only.
zend_object *runtime_create_object(zend_class_entry *ce) {
    zend_throw_error(nullptr, "The object of %s can not be created for security reasons", ZSTR_VAL(ce->name));
    return zend_objects_new(ce);
}

struct HookConstant {
    const char *name;
    uint32_t value;
};

constexpr HookConstant kHookConstants[] = {
    {"SWOOLE_HOOK_TCP", runtime::kHookTcp},
    {"SWOOLE_HOOK_UDP", runtime::kHookUdp},
    {"SWOOLE_HOOK_UNIX", runtime::kHookUnix},
    {"SWOOLE_HOOK_UDG", runtime::kHookUdg},
    {"SWOOLE_HOOK_SSL", runtime::kHookSsl},
    {"SWOOLE_HOOK_TLS", runtime::kHookTls},
    {"SWOOLE_HOOK_STREAM_FUNCTION", runtime::kHookStreamFunction},
    {"SWOOLE_HOOK_STREAM_SELECT", runtime::kHookStreamFunction},  // the 4.3 name, kept as an alias
    {"SWOOLE_HOOK_FILE", runtime::kHookFile},
    {"SWOOLE_HOOK_STDIO", runtime::kHookStdio},
    {"SWOOLE_HOOK_SLEEP", runtime::kHookSleep},
    {"SWOOLE_HOOK_PROC", runtime::kHookProc},
    {"SWOOLE_HOOK_CURL", runtime::kHookCurl},
    {"SWOOLE_HOOK_NATIVE_CURL", runtime::kHookNativeCurl},
    {"SWOOLE_HOOK_BLOCKING_FUNCTION", runtime::kHookBlockingFunction},
    {"SWOOLE_HOOK_SOCKETS", runtime::kHookSockets},
    {"SWOOLE_HOOK_ALL", runtime::kHookAll},
};

}  // namespace

void register_runtime(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Runtime", runtime_methods);
    runtime_ce = zend_register_internal_class(&ce);
    runtime_ce->create_object = runtime_create_object;
    zend_register_class_alias("swoole_runtime", runtime_ce);
    for (const HookConstant &c : kHookConstants) {
        zend_register_long_constant(c.name, strlen(c.name), c.value, CONST_CS | CONST_PERSISTENT, module_number);
    }
}

}  // namespace swoole::php
