// The file descriptor behind the $fd argument Swoole's event functions take:
// an int, a PHP stream (stream_socket_*, fopen, STDIN...), an ext/sockets
// Socket, or an object exposing one (Swoole\Coroutine\Socket::$fd,
// Swoole\Client::$sock, Swoole\Process::$pipe).
#pragma once

#include "glue.h"

namespace swoole::php {

// The fd, or -1. A negative int, an invalid or closed resource, a closed
// Socket or a value of another type gets the warning Swoole gives (and a
// resource sets last error SW_ERROR_EVENT_SOCKET_INVALID); an object of
// another class returns -1 silently, the caller warns.
int zval_to_fd(zval *value);

}  // namespace swoole::php
