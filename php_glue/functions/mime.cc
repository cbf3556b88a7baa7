// The swoole_mime_type_* functions over the kernel's MimeTypes table (the same
// table the HTTP server uses for static files).
#include "glue.h"

#include "base/mime.h"

namespace swoole::php {
namespace {

using kernel::MimeTypes;

std::string_view view(const zend_string *s) { return {ZSTR_VAL(s), ZSTR_LEN(s)}; }

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_add, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, suffix, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, mime_type, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_set, 0, 2, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, suffix, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, mime_type, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_delete, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, suffix, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_get, 0, 1, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_exists, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_swoole_mime_type_list, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

PHP_FUNCTION(swoole_mime_type_add) {
    zend_string *suffix, *mime_type;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(suffix)
        Z_PARAM_STR(mime_type)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(MimeTypes::instance().add(view(suffix), view(mime_type)));
}

PHP_FUNCTION(swoole_mime_type_set) {
    zend_string *suffix, *mime_type;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(suffix)
        Z_PARAM_STR(mime_type)
    ZEND_PARSE_PARAMETERS_END();
    MimeTypes::instance().set(view(suffix), view(mime_type));
}

PHP_FUNCTION(swoole_mime_type_delete) {
    zend_string *suffix;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(suffix)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(MimeTypes::instance().del(view(suffix)));
}

PHP_FUNCTION(swoole_mime_type_get) {
    zend_string *filename;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(filename)
    ZEND_PARSE_PARAMETERS_END();
    const std::string &type = MimeTypes::instance().get(view(filename));
    RETURN_STRINGL(type.data(), type.size());
}

PHP_FUNCTION(swoole_mime_type_exists) {
    zend_string *filename;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(filename)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(MimeTypes::instance().exists(view(filename)));
}

// As in Swoole 4.8: a list of the types (one entry per known suffix).
PHP_FUNCTION(swoole_mime_type_list) {
    ZEND_PARSE_PARAMETERS_NONE();
    const auto &all = MimeTypes::instance().list();
    array_init_size(return_value, static_cast<uint32_t>(all.size()));
    for (const auto &[suffix, type] : all) add_next_index_stringl(return_value, type.data(), type.size());
}

}  // namespace

const zend_function_entry mime_functions[] = {
    ZEND_FE(swoole_mime_type_add, arginfo_swoole_mime_type_add)
    ZEND_FE(swoole_mime_type_set, arginfo_swoole_mime_type_set)
    ZEND_FE(swoole_mime_type_delete, arginfo_swoole_mime_type_delete)
    ZEND_FE(swoole_mime_type_get, arginfo_swoole_mime_type_get)
    ZEND_RAW_FENTRY("swoole_get_mime_type", ZEND_FN(swoole_mime_type_get), arginfo_swoole_mime_type_get, 0)
    ZEND_FE(swoole_mime_type_exists, arginfo_swoole_mime_type_exists)
    ZEND_FE(swoole_mime_type_list, arginfo_swoole_mime_type_list)
    ZEND_FE_END
};

}  // namespace swoole::php
