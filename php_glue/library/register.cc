// The embedded PHP library: registered at MINIT (the SWOOLE_LIBRARY constant,
// the native Scheduler class) and compiled into every request at RINIT.
//
// The sources are compiled with zend_compile_string() and run like eval()'d
// code: opcache only caches files, so this works the same with opcache on or
// off, and the functions and classes they declare live for the request.
#include "library/library.h"

#include "coroutine/php_coroutine.h"

extern "C" {
#include "zend_exceptions.h"
}

namespace swoole::php {
namespace {

void run_source(const library::Source &source) {
    zend_string *code = zend_string_init(source.code, source.length, 0);
    uint32_t saved_options = CG(compiler_options);
    CG(compiler_options) = ZEND_COMPILE_DEFAULT_FOR_EVAL;
    zend_op_array *op_array = zend_compile_string(code, source.name, ZEND_COMPILE_POSITION_AT_OPEN_TAG);
    CG(compiler_options) = saved_options;
    zend_string_release(code);
    if (!op_array) return;  // the compile error has been reported

    zval retval;
    ZVAL_UNDEF(&retval);
    zend_execute(op_array, &retval);
    zval_ptr_dtor(&retval);
    destroy_op_array(op_array);
    efree_size(op_array, sizeof(zend_op_array));
    if (EG(exception)) {
        // Not expected from the shipped sources; report it rather than leaving it pending.
        zend_object *exception = EG(exception);
        EG(exception) = nullptr;
        zend_exception_error(exception, E_WARNING);  // releases it
    }
}

}  // namespace

void register_library(int module_number) {
    register_scheduler(module_number);
    if (ini().enable_library) {
        zend_register_bool_constant(ZEND_STRL("SWOOLE_LIBRARY"), true, CONST_PERSISTENT, module_number);
    }
}

void library_request_start() {
    if (!ini().enable_library) return;
    // Once per request, whoever calls first.
    if (zend_hash_str_exists(EG(class_table), ZEND_STRL("swoole\\coroutine\\waitgroup"))) return;
    for (size_t i = 0; i < library::kSourceCount; i++) run_source(library::kSources[i]);
}

}  // namespace swoole::php
