// The functions SWOOLE_HOOK_STREAM_FUNCTION replaces: stream_select (a
// coroutine poll over the streams' fds) and stream_socket_pair (two hooked
// streams). Outside a coroutine both run PHP's original.
#pragma once

#include "runtime/function_hook.h"

namespace swoole::php::runtime {

// Installs (on) or restores (off) both functions.
void set_stream_function_hooks(bool on);

// For the hooks table (stream_select.cc / stream_pair.cc).
void hooked_stream_select(INTERNAL_FUNCTION_PARAMETERS);
void hooked_stream_socket_pair(INTERNAL_FUNCTION_PARAMETERS);
extern FunctionHook stream_function_hooks[2];  // [0] stream_select, [1] stream_socket_pair

}  // namespace swoole::php::runtime
