// While the coroutine runtime is active (a loop exists), process calls that
// would break it are replaced by a stub that warns: a fork would duplicate the
// loop and every coroutine, a blocking wait would stall them all.
#include "coroutine/php_coroutine.h"

namespace swoole::php {

namespace {

constexpr const char *kGuarded[] = {"pcntl_fork", "pcntl_wait", "pcntl_waitpid", "pcntl_sigtimedwait"};
constexpr size_t kGuardedCount = sizeof kGuarded / sizeof kGuarded[0];

zif_handler g_original[kGuardedCount] = {};
bool g_guarded = false;

ZEND_FUNCTION(swoole_disabled_in_coroutine_runtime) {
    zend_error(E_WARNING, "%s() has been disabled for security reasons",
                     ZSTR_VAL(EX(func)->common.function_name));
    RETURN_NULL();
}

zend_internal_function *find(const char *name) {
    auto *fn = static_cast<zend_function *>(zend_hash_str_find_ptr(CG(function_table), name, strlen(name)));
    return fn && fn->type == ZEND_INTERNAL_FUNCTION ? &fn->internal_function : nullptr;
}

}  // namespace

void runtime_guard_enable() {
    if (g_guarded) return;
    g_guarded = true;
    for (size_t i = 0; i < kGuardedCount; ++i) {
        if (zend_internal_function *fn = find(kGuarded[i])) {
            g_original[i] = fn->handler;
            fn->handler = ZEND_FN(swoole_disabled_in_coroutine_runtime);
        }
    }
}

void runtime_guard_disable() {
    if (!g_guarded) return;
    g_guarded = false;
    for (size_t i = 0; i < kGuardedCount; ++i) {
        zend_internal_function *fn = find(kGuarded[i]);
        if (fn && g_original[i]) fn->handler = g_original[i];
        g_original[i] = nullptr;
    }
}

}  // namespace swoole::php
