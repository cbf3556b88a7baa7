// Swoole\Coroutine\Socket (spec clients.md §1): a zend_object holding a
// kernel::Socket plus the socket's settings (framing, TLS, proxies: §4) and
// its one read buffer (the Framer, shared by recvPacket, recvLine and
// recvWithBuffer). The coroutine client keeps its connection in such an
// object too (exportSocket hands it out), and the synchronous client uses a
// SocketState on its own.
#pragma once

#include "coroutine/php_coroutine.h"

#include <memory>
#include <string>

#include "protocol/framer.h"
#include "socket/settings.h"
#include "socket/socket.h"
#include "tls/tls_context.h"

namespace swoole::php {

struct SocketState {
    std::unique_ptr<kernel::Socket> sock;
    SocketSettings settings;
    kernel::Framer framer;  // raw until framing options are set
    // Accepted from a listener with open_ssl and a certificate: TLS here runs
    // the server side with this context (built once by the listener).
    std::shared_ptr<const kernel::TlsContext> tls_server_context;
    // Handed out by a client's exportSocket(): close() is refused.
    bool referenced = false;

    // framer.configure(settings.framing); false leaves the framer as it was.
    bool configure_framer() { return framer.configure(settings.framing); }
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
// socket (Process::exportSocket, accept), with the given framing options
// (nullptr: raw).
void wrap_socket(zval *out, std::unique_ptr<kernel::Socket> sock, const kernel::FramingOptions *options);
// The same with complete settings (accept, the coroutine client).
void wrap_socket(zval *out, std::unique_ptr<kernel::Socket> sock, const SocketSettings &settings);
// The state of a Swoole\Coroutine\Socket object (nullptr before __construct).
SocketState *socket_state(zend_object *obj);
// errCode/errMsg of a Co\Socket object from its kernel socket.
void socket_sync_error(zend_object *obj);
// After recv_packet failed with SW_ERROR_PACKAGE_LENGTH_TOO_LARGE: logs the
// warning 4.8 logs in length mode and returns its text ("" otherwise).
std::string log_packet_too_large(SocketState &state);
void socket_init_handlers();

}  // namespace swoole::php
