// The base exception classes of swoole.so:
//   Swoole\Exception extends \Exception (alias swoole_exception)
//   Swoole\Error extends \Error (alias swoole_error)
//   Swoole\ExitException extends Swoole\Exception: what exit() becomes inside a
//   coroutine or a server; carries the exit status and the SWOOLE_EXIT_IN_* flags.
#include "glue.h"

extern "C" {
#include "zend_exceptions.h"
}

namespace swoole::php {

zend_class_entry *swoole_exception_ce = nullptr;
zend_class_entry *swoole_error_ce = nullptr;
zend_class_entry *swoole_exit_exception_ce = nullptr;

namespace {

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_exit_get_status, 0, 0, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_exit_get_flags, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

void return_private_property(zval *return_value, zend_object *object, const char *name, size_t len) {
    zval rv;
    zval *value = zend_read_property(swoole_exit_exception_ce, object, name, len, 1, &rv);
    RETURN_COPY_DEREF(value);
}

PHP_METHOD(ExitException, getStatus) {
    ZEND_PARSE_PARAMETERS_NONE();
    return_private_property(return_value, Z_OBJ_P(ZEND_THIS), ZEND_STRL("status"));
}

PHP_METHOD(ExitException, getFlags) {
    ZEND_PARSE_PARAMETERS_NONE();
    return_private_property(return_value, Z_OBJ_P(ZEND_THIS), ZEND_STRL("flags"));
}

const zend_function_entry exit_exception_methods[] = {
    ZEND_ME(ExitException, getStatus, arginfo_exit_get_status, ZEND_ACC_PUBLIC)
    ZEND_ME(ExitException, getFlags, arginfo_exit_get_flags, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

zend_class_entry *register_class(const char *name, const zend_function_entry *methods, zend_class_entry *parent) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY_EX(ce, name, strlen(name), methods);
    return zend_register_internal_class_ex(&ce, parent);
}

void register_alias(const char *alias, zend_class_entry *ce) {
    zend_register_class_alias_ex(alias, strlen(alias), ce, true);
}

}  // namespace

void register_exceptions() {
    swoole_exception_ce = register_class("Swoole\\Exception", nullptr, zend_ce_exception);
    register_alias("swoole_exception", swoole_exception_ce);

    swoole_error_ce = register_class("Swoole\\Error", nullptr, zend_ce_error);
    register_alias("swoole_error", swoole_error_ce);

    swoole_exit_exception_ce = register_class("Swoole\\ExitException", exit_exception_methods, swoole_exception_ce);
    zend_declare_property_long(swoole_exit_exception_ce, ZEND_STRL("flags"), 0, ZEND_ACC_PRIVATE);
    zend_declare_property_long(swoole_exit_exception_ce, ZEND_STRL("status"), 0, ZEND_ACC_PRIVATE);
}

}  // namespace swoole::php
