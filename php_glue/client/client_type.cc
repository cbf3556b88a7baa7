// The client type argument and the address arrays both clients return.
#include "client/php_client.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <sys/socket.h>

namespace swoole::php {

bool parse_client_type(zend_long value, zend_class_entry *ce, ClientType &out) {
    zend_long base = value & ~zend_long(kClientSsl | kClientAsync | kClientSync | kClientKeep);
    static const int kDomains[] = {0, AF_INET, AF_INET, AF_INET6, AF_INET6, AF_UNIX, AF_UNIX};
    if (base < 1 || base > 6) {
        zend_type_error("%s::__construct() expects parameter 1 to be client type, unknown type " ZEND_LONG_FMT " given",
                        ZSTR_VAL(ce->name), value);
        return false;
    }
    out.base = int(base);
    out.domain = kDomains[base];
    out.sock_type = (base == 2 || base == 4 || base == 6) ? SOCK_DGRAM : SOCK_STREAM;
    out.ssl = (value & kClientSsl) != 0;
    out.keep = (value & kClientKeep) != 0;
    return true;
}

void client_address_array(zval *out, const kernel::SocketAddress &address, bool with_address) {
    std::string host = address.host();
    array_init_size(out, 3);
    if (with_address) {
        add_assoc_stringl(out, "host", host.data(), host.size());
        add_assoc_stringl(out, "address", host.data(), host.size());
        add_assoc_long(out, "port", address.port());
    } else {
        add_assoc_long(out, "port", address.port());
        add_assoc_stringl(out, "host", host.data(), host.size());
    }
}

}  // namespace swoole::php
