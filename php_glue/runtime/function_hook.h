// Swaps the C handler of internal PHP functions in the function table and
// restores it later. A hooked function keeps its name, arginfo and flags: only
// what runs changes, so signatures and reflection stay those of PHP.
#pragma once

#include "glue.h"

#include <cstddef>

namespace swoole::php::runtime {

struct FunctionHook {
    const char *name;        // the PHP function, e.g. "sleep"
    zif_handler replacement; // ours
    zif_handler original = nullptr;  // set while installed (null: function absent)
};

// Installs (on) or restores (off) each hook; idempotent, functions that do not
// exist in this PHP are skipped.
void set_function_hooks(FunctionHook *hooks, size_t count, bool on);

// Calls the saved original handler of a hooked function with this call's frame.
inline void call_original(const FunctionHook &hook, INTERNAL_FUNCTION_PARAMETERS) {
    hook.original(INTERNAL_FUNCTION_PARAM_PASSTHRU);
}

}  // namespace swoole::php::runtime
