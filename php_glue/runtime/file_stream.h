// The streams SWOOLE_HOOK_FILE opens for regular files and directories. They
// behave as PHP's plain-file ("STDIO") and directory streams, but each call
// that may wait on the disk runs through run_blocking(): inside a coroutine it
// parks only that coroutine.
#pragma once

#include "glue.h"

#include <dirent.h>

namespace swoole::php::runtime {

// A stream over an open file descriptor (owned from now on); mode as fopen's.
php_stream *file_stream_from_fd(int fd, const char *mode STREAMS_DC);
// A directory stream over an open DIR (owned from now on).
php_stream *dir_stream_from(DIR *dir, const char *mode STREAMS_DC);

}  // namespace swoole::php::runtime
