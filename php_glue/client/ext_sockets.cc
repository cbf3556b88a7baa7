// The bridge to ext-sockets' \Socket class for Swoole\Client::getSocket() and
// swoole_client_select(). ext-sockets is an optional dependency, so nothing
// of it is linked: the class is looked up by name, and only its object layout
// (php_sockets.h, an inline accessor) is used.
#include "client/php_client.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#ifndef HAVE_SOCKETS
#define HAVE_SOCKETS 1
#endif
extern "C" {
#include "ext/sockets/php_sockets.h"
}

namespace swoole::php {

namespace {

// ext-sockets' class when that extension is loaded, else nullptr.
zend_class_entry *ext_socket_class() {
    auto *ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("socket")));
    if (!ce || ce->type != ZEND_INTERNAL_CLASS || !ce->info.internal.module ||
        strcmp(ce->info.internal.module->name, "sockets") != 0) {
        return nullptr;
    }
    return ce;
}

}  // namespace

bool ext_socket_from_fd(int fd, zval *out) {
    zend_class_entry *ce = ext_socket_class();
    if (!ce) {
        php_error_docref(nullptr, E_WARNING, "no sockets extension support");
        return false;
    }
    // The \Socket closes its fd when freed: give it its own descriptor.
    int copy = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (copy < 0) {
        php_error_docref(nullptr, E_WARNING, "dup(%d) failed, Error: %s[%d]", fd, strerror(errno), errno);
        return false;
    }
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    int family = ::getsockname(copy, reinterpret_cast<sockaddr *>(&addr), &len) == 0 ? addr.ss_family : AF_INET;
    object_init_ex(out, ce);
    php_socket *s = socket_from_obj(Z_OBJ_P(out));
    s->bsd_socket = copy;
    s->type = family;
    s->error = 0;
    s->blocking = (::fcntl(copy, F_GETFL) & O_NONBLOCK) == 0;
    return true;
}

int ext_socket_fd(zend_object *obj) {
    zend_class_entry *ce = ext_socket_class();
    if (!ce || !instanceof_function(obj->ce, ce)) return -1;
    return socket_from_obj(obj)->bsd_socket;
}

}  // namespace swoole::php
