#include "runtime/function_hook.h"

#include <cstring>

namespace swoole::php::runtime {

namespace {
zend_internal_function *find_internal(const char *name) {
    auto *fn = static_cast<zend_function *>(zend_hash_str_find_ptr(CG(function_table), name, strlen(name)));
    return fn && fn->type == ZEND_INTERNAL_FUNCTION ? &fn->internal_function : nullptr;
}
}  // namespace

void set_function_hooks(FunctionHook *hooks, size_t count, bool on) {
    for (size_t i = 0; i < count; ++i) {
        FunctionHook &hook = hooks[i];
        zend_internal_function *fn = find_internal(hook.name);
        if (!fn) continue;
        if (on && !hook.original) {
            hook.original = fn->handler;
            fn->handler = hook.replacement;
        } else if (!on && hook.original) {
            fn->handler = hook.original;
            hook.original = nullptr;
        }
    }
}

}  // namespace swoole::php::runtime
