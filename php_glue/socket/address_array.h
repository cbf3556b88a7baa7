// The [host, port] arrays the socket classes return for an address
// (getsockname, getpeername, recvfrom): the same data, in the key order and
// names each class has in 4.8.
#pragma once

#include "glue.h"
#include "socket/address.h"

namespace swoole::php {

enum class AddressLayout {
    socket,       // Co\Socket: ['address' => ip, 'port' => n]
    co_client,    // Co\Client: ['host' => ip, 'address' => ip, 'port' => n]
    sync_client,  // Swoole\Client: ['port' => n, 'host' => ip]
};

void address_array(zval *out, const kernel::SocketAddress &address, AddressLayout layout);

}  // namespace swoole::php
