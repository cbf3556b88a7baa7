// Address arrays of the socket classes (address_array.h).
#include "socket/address_array.h"

#include <string>

namespace swoole::php {

void address_array(zval *out, const kernel::SocketAddress &address, AddressLayout layout) {
    std::string host = address.host();
    zend_long port = address.port();
    array_init_size(out, layout == AddressLayout::co_client ? 3 : 2);
    if (layout == AddressLayout::sync_client) add_assoc_long(out, "port", port);
    if (layout != AddressLayout::socket) add_assoc_stringl(out, "host", host.data(), host.size());
    if (layout != AddressLayout::sync_client) add_assoc_stringl(out, "address", host.data(), host.size());
    if (layout != AddressLayout::sync_client) add_assoc_long(out, "port", port);
}

}  // namespace swoole::php
