// Runtime hook switches shared between the function hooks (php_glue/runtime/) and the
// stream-transport hooks (php_glue/runtime/stream/). Hooks are process-global: a flag set
// is applied as a whole and replaces the previous one.
#pragma once

#include <cstdint>

namespace swoole::php::runtime {
// Applies the stream-transport part of a flag set (TCP, UDP, UNIX, UDG, SSL, TLS, STREAM_FUNCTION):
// installs/uninstalls the hooked transports and functions. Implemented in php_glue/runtime/stream/ by H5.
void apply_stream_hooks(uint32_t flags);
uint32_t hook_flags();  // the flag set applied now (yours)
}
