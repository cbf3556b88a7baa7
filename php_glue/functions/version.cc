// swoole_version().
#include "glue.h"

namespace swoole::php {
namespace {

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_version, 0, 0, IS_STRING, 0)
ZEND_END_ARG_INFO()

PHP_FUNCTION(swoole_version) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_STRING(kVersion);
}

}  // namespace

const zend_function_entry version_functions[] = {
    ZEND_FE(swoole_version, arginfo_swoole_version)
    ZEND_FE_END
};

}  // namespace swoole::php
