// Turns a PHP stdio stream over a pipe (proc_open's pipes) into one whose reads
// and writes wait with Coroutine::wait_fd inside a coroutine (poll outside),
// so a child's output can be awaited without stopping the loop. The resource
// stays the same; only the stream's operations change.
#pragma once

#include "glue.h"

namespace swoole::php::runtime {

// False (stream untouched) when the stream has no fd to take over.
bool convert_to_pipe_stream(php_stream *stream);

}  // namespace swoole::php::runtime
