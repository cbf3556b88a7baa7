// Error reporting functions: swoole_strerror(), swoole_errno(),
// swoole_last_error(), swoole_clear_error(), swoole_error_log(),
// swoole_error_log_ex() and swoole_ignore_error().
#include <netdb.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "glue.h"

#include "base/error.h"
#include "base/log.h"

namespace swoole::php {
namespace {

// Codes strictly between these two use the project's table whatever the type.
constexpr zend_long kErrorBegin = 500;
constexpr zend_long kErrorEnd = 10019;

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_strerror, 0, 1, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, errno, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, error_type, IS_LONG, 0, "SWOOLE_STRERROR_SYSTEM")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_return_int, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_return_void, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_error_log, 0, 2, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, level, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, msg, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_error_log_ex, 0, 3, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, level, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, error, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, msg, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_ignore_error, 0, 1, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, error, IS_LONG, 0)
ZEND_END_ARG_INFO()

// The level argument as the logger's int, clamped so a huge value cannot wrap.
int log_level_arg(zend_long level) {
    if (level < 0) return 0;
    if (level > INT_MAX) return INT_MAX;
    return static_cast<int>(level);
}

PHP_FUNCTION(swoole_strerror) {
    zend_long code;
    zend_long type = kStrerrorSystem;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(code)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(type)
    ZEND_PARSE_PARAMETERS_END();

    int errnum = static_cast<int>(code);
    if (type == kStrerrorGai) {
        RETURN_STRING(gai_strerror(errnum));
    }
    if (type == kStrerrorDns) {
        RETURN_STRING(hstrerror(errnum));
    }
    if (type == kStrerrorSwoole || (code > kErrorBegin && code < kErrorEnd)) {
        // The kernel's table for its range, strerror() below it, "Unknown error N" above.
        RETURN_STRING(kernel::error_text(errnum));
    }
    char buf[128];
    RETURN_STRING(strerror_r(errnum, buf, sizeof buf));
}

PHP_FUNCTION(swoole_errno) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(errno);
}

PHP_FUNCTION(swoole_last_error) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(kernel::last_error());
}

PHP_FUNCTION(swoole_clear_error) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::set_last_error(0);
}

PHP_FUNCTION(swoole_error_log) {
    zend_long level;
    zend_string *msg;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(level)
        Z_PARAM_STR(msg)
    ZEND_PARSE_PARAMETERS_END();

    // The logger takes a C string; the message stops at its first NUL.
    kernel::Logger::instance().write(log_level_arg(level), ZSTR_VAL(msg));
}

PHP_FUNCTION(swoole_error_log_ex) {
    zend_long level;
    zend_long code;
    zend_string *msg;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_LONG(level)
        Z_PARAM_LONG(code)
        Z_PARAM_STR(msg)
    ZEND_PARSE_PARAMETERS_END();

    // As Swoole's coded log lines: the code becomes the last error even when
    // the line itself is filtered out, and the text names the C function
    // exactly as Swoole 4.8 does ("zif_swoole_error_log_ex() (ERRNO n): msg").
    int errnum = static_cast<int>(code);
    kernel::set_last_error(errnum);
    auto &logger = kernel::Logger::instance();
    int lvl = log_level_arg(level);
    if (lvl < logger.level() || logger.is_ignored(errnum)) return;
    logger.writef(lvl, "zif_swoole_error_log_ex() (ERRNO %d): %s", errnum, ZSTR_VAL(msg));
}

PHP_FUNCTION(swoole_ignore_error) {
    zend_long code;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(code)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Logger::instance().ignore_error(static_cast<int>(code));
}

}  // namespace

const zend_function_entry error_functions[] = {
    ZEND_FE(swoole_strerror, arginfo_swoole_strerror)
    ZEND_FE(swoole_errno, arginfo_return_int)
    ZEND_FE(swoole_last_error, arginfo_return_int)
    ZEND_FE(swoole_clear_error, arginfo_return_void)
    ZEND_FE(swoole_error_log, arginfo_swoole_error_log)
    ZEND_FE(swoole_error_log_ex, arginfo_swoole_error_log_ex)
    ZEND_FE(swoole_ignore_error, arginfo_swoole_ignore_error)
    ZEND_FE_END
};

}  // namespace swoole::php
