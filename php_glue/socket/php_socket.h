// Swoole\Coroutine\Socket (spec clients.md §1): a zend_object holding a
// kernel::Socket plus the socket's framing options and its one read buffer
// (the Framer, shared by recvPacket, recvLine and recvWithBuffer).
#pragma once

#include "coroutine/php_coroutine.h"

#include <memory>

#include "protocol/framer.h"
#include "socket/socket.h"

namespace swoole::php {

struct SocketState {
    std::unique_ptr<kernel::Socket> sock;
    kernel::FramingOptions options;
    kernel::Framer framer;  // raw until setProtocol()
};

struct SocketObject {
    SocketState *state;  // nullptr until __construct ran (or the object was filled in C)
    zend_object std;
};

extern zend_class_entry *socket_ce;
extern zend_class_entry *socket_exception_ce;
extern const zend_function_entry socket_methods[];
extern const zend_function_entry socket_functions[];

zend_object *socket_create_object(zend_class_entry *ce);
// Fills `out` with a new Swoole\Coroutine\Socket around an open kernel
// socket (Process::exportSocket, Client::exportSocket, accept), with the given
// framing options (nullptr: raw).
void wrap_socket(zval *out, std::unique_ptr<kernel::Socket> sock, const kernel::FramingOptions *options);
void socket_init_handlers();

}  // namespace swoole::php
