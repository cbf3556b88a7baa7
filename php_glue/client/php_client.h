// The socket clients (spec clients.md §2, §3): Swoole\Coroutine\Client,
// Swoole\Client, Swoole\Client\Exception and swoole_client_select. Both
// clients keep their connection in a SocketState (socket/php_socket.h) and
// open it with connect_with_settings (socket/connect.h); what differs is the
// error reporting (properties only vs warnings) and that the synchronous one
// blocks the process (the kernel socket polls when no coroutine runs).
#pragma once

#include "socket/php_socket.h"

#include <string>

namespace swoole::php {

// The client type argument: SWOOLE_SOCK_* plus the flag bits.
enum ClientFlag : zend_long {
    kClientSsl = 512,
    kClientAsync = 1024,
    kClientSync = 2048,
    kClientKeep = 4096,
};

struct ClientType {
    int base = 0;  // SWOOLE_SOCK_TCP (1) .. SWOOLE_SOCK_UNIX_DGRAM (6)
    int domain = 0;
    int sock_type = 0;
    bool ssl = false;
    bool keep = false;

    bool stream() const { return sock_type == SOCK_STREAM; }
    bool inet() const { return domain == AF_INET || domain == AF_INET6; }
    bool tcp() const { return stream() && inet(); }
};

// False (after the TypeError "<Class>::__construct() expects parameter 1 to
// be client type, unknown type N given") for an unknown type.
bool parse_client_type(zend_long value, zend_class_entry *ce, ClientType &out);

extern zend_class_entry *co_client_ce;
extern zend_class_entry *sync_client_ce;
extern zend_class_entry *client_exception_ce;

void register_co_client();
void register_sync_client();
void register_client_select();

// The fd of a Swoole\Client object for select (-1 when not connected), and
// whether it has bytes buffered already.
int sync_client_fd(zend_object *obj, bool *buffered);

// ext-sockets bridge (ext_sockets.cc): a \Socket object for a dup of fd;
// the fd of a \Socket object (-1 when obj is not one).
bool ext_socket_from_fd(int fd, zval *out);
int ext_socket_fd(zend_object *obj);

}  // namespace swoole::php
