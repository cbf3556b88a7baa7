// The client sockets of the host table (ABI 1.2, sw_socket in
// sdk/include/swoole/module.h): kernel::Socket behind the SDK's opaque handle,
// so client modules (redis, http, ...) get the kernel's coroutine I/O, name
// resolution and TLS without linking the kernel. Each function reports
// failure through last_error, as the table's contract says.
#pragma once

#include <sys/types.h>

#include <cstddef>

#include "swoole/module.h"

namespace swoole::kernel {

sw_socket *host_socket_connect(const char *host, int port, double timeout);
int host_socket_enable_tls(sw_socket *sock, const sw_tls_options *options, double timeout);
const char *host_socket_alpn(const sw_socket *sock, size_t *length);
ssize_t host_socket_send(sw_socket *sock, const void *data, size_t n, double timeout);
ssize_t host_socket_recv(sw_socket *sock, void *buf, size_t n, double timeout);
int host_socket_fd(const sw_socket *sock);
void host_socket_close(sw_socket *sock);
void host_socket_free(sw_socket *sock);

}  // namespace swoole::kernel
