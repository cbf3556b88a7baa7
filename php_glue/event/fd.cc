#include "event/fd.h"

#include <climits>
#include <cstring>

#include "base/error.h"

// ext/sockets is a separate extension: only its object layout is used here
// (its class is looked up by name at run time, so swoole.so does not need it).
#ifndef HAVE_SOCKETS
#define HAVE_SOCKETS 1
#endif
extern "C" {
#include "ext/sockets/php_sockets.h"
}

namespace swoole::php {
namespace {

zend_class_entry *find_class(const char *lowercase_name) {
    return static_cast<zend_class_entry *>(
        zend_hash_str_find_ptr(EG(class_table), lowercase_name, strlen(lowercase_name)));
}

bool is_sockets_class(zend_class_entry *ce) {
    zend_class_entry *socket_class = find_class("socket");
    return socket_class && socket_class->type == ZEND_INTERNAL_CLASS && socket_class->info.internal.module &&
           strcmp(socket_class->info.internal.module->name, "sockets") == 0 && instanceof_function(ce, socket_class);
}

// Object classes of ours that expose their fd as an int property.
struct FdProperty {
    const char *class_name;  // lower case, as in the class table
    const char *property;
};
constexpr FdProperty kFdProperties[] = {
    {"swoole\\coroutine\\socket", "fd"},
    {"swoole\\client", "sock"},
    {"swoole\\process", "pipe"},
};

void invalid_resource() {
    kernel::set_last_error(kernel::SW_ERROR_EVENT_SOCKET_INVALID);
    php_error_docref(nullptr, E_WARNING, "fd argument must be either valid PHP stream or valid PHP socket resource");
}

}  // namespace

int zval_to_fd(zval *value) {
    ZVAL_DEREF(value);
    switch (Z_TYPE_P(value)) {
    case IS_LONG: {
        zend_long fd = Z_LVAL_P(value);
        if (fd < 0 || fd > INT_MAX) {
            php_error_docref(nullptr, E_WARNING, "invalid file descriptor#" ZEND_LONG_FMT " passed", fd);
            return -1;
        }
        return static_cast<int>(fd);
    }
    case IS_RESOURCE: {
        php_stream *stream = static_cast<php_stream *>(
            zend_fetch_resource2_ex(value, nullptr, php_file_le_stream(), php_file_le_pstream()));
        int fd = -1;
        if (stream && php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
                                      reinterpret_cast<void **>(&fd), 1) == SUCCESS &&
            fd >= 0) {
            return fd;
        }
        invalid_resource();
        return -1;
    }
    case IS_OBJECT: {
        zend_class_entry *ce = Z_OBJCE_P(value);
        if (is_sockets_class(ce)) {
            php_socket *sock = socket_from_obj(Z_OBJ_P(value));
            if (IS_INVALID_SOCKET(sock)) {
                php_error_docref(nullptr, E_WARNING, "contains a closed socket");
                return -1;
            }
            return sock->bsd_socket;
        }
        for (const FdProperty &p : kFdProperties) {
            zend_class_entry *owner = find_class(p.class_name);
            if (!owner || !instanceof_function(ce, owner)) continue;
            zval rv;
            zval *fd = zend_read_property(ce, Z_OBJ_P(value), p.property, strlen(p.property), true, &rv);
            if (!fd) return -1;
            ZVAL_DEREF(fd);
            if (Z_TYPE_P(fd) != IS_LONG || Z_LVAL_P(fd) < 0 || Z_LVAL_P(fd) > INT_MAX) return -1;
            return static_cast<int>(Z_LVAL_P(fd));
        }
        return -1;
    }
    default:
        php_error_docref(nullptr, E_WARNING, "invalid file descriptor passed");
        return -1;
    }
}

}  // namespace swoole::php
