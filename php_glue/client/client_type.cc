// The client type argument of both clients.
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

}  // namespace swoole::php
