// exit()/die inside a coroutine must not end the process from under the other
// coroutines: it throws Swoole\ExitException carrying the exit argument.
#include "coroutine/php_coroutine.h"

extern "C" {
#include "zend_exceptions.h"
}

namespace swoole::php {

namespace {

constexpr zend_long kExitInCoroutine = 1 << 1;

user_opcode_handler_t g_previous_exit_handler = nullptr;

int on_exit_opcode(zend_execute_data *execute_data) {
    if (!PhpCoroutine::inside()) {
        return g_previous_exit_handler ? g_previous_exit_handler(execute_data) : ZEND_USER_OPCODE_DISPATCH;
    }
    const zend_op *opline = EX(opline);
    zval status;
    ZVAL_NULL(&status);
    if (opline->op1_type != IS_UNUSED) {
        zval *value = zend_get_zval_ptr(opline, opline->op1_type, &opline->op1, execute_data);
        if (value) ZVAL_COPY_DEREF(&status, value);
    }
    zend_object *ex = zend_throw_exception(swoole_exit_exception_ce, "swoole exit", 0);
    zend_update_property_long(swoole_exit_exception_ce, ex, ZEND_STRL("flags"), kExitInCoroutine);
    zend_update_property(swoole_exit_exception_ce, ex, ZEND_STRL("status"), &status);
    zval_ptr_dtor(&status);
    // The throw pointed the frame at the exception handler; continue there.
    return ZEND_USER_OPCODE_CONTINUE;
}

}  // namespace

void register_coroutine_exit(int module_number) {
    g_previous_exit_handler = zend_get_user_opcode_handler(ZEND_EXIT);
    zend_set_user_opcode_handler(ZEND_EXIT, on_exit_opcode);
}

}  // namespace swoole::php
