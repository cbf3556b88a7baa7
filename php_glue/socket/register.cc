// Registers Swoole\Coroutine\Socket and Swoole\Coroutine\Socket\Exception
// (Co\Socket, Co\Socket\Exception with swoole.use_shortname) and
// swoole_coroutine_socketpair(), and the socket constants ext-sockets would
// give when it is not loaded (SOCKET_ECANCELED always).
#include "socket/php_socket.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>

namespace swoole::php {

namespace {

struct NamedValue {
    const char *name;
    long value;
};

#define SW_SOCK_CONST(n) {#n, n}
#define SW_SOCK_ERRNO(n) {"SOCKET_" #n, n}

// What ext-sockets would define, for when it is not loaded.
const NamedValue kSocketConstants[] = {
    SW_SOCK_CONST(AF_UNIX), SW_SOCK_CONST(AF_INET), SW_SOCK_CONST(AF_INET6),
    SW_SOCK_CONST(SOCK_STREAM), SW_SOCK_CONST(SOCK_DGRAM), SW_SOCK_CONST(SOCK_RAW),
    SW_SOCK_CONST(SOCK_SEQPACKET), SW_SOCK_CONST(SOCK_RDM),
    SW_SOCK_CONST(MSG_OOB), SW_SOCK_CONST(MSG_WAITALL), SW_SOCK_CONST(MSG_CTRUNC), SW_SOCK_CONST(MSG_TRUNC),
    SW_SOCK_CONST(MSG_PEEK), SW_SOCK_CONST(MSG_DONTROUTE), SW_SOCK_CONST(MSG_EOR), SW_SOCK_CONST(MSG_CONFIRM),
    SW_SOCK_CONST(MSG_ERRQUEUE), SW_SOCK_CONST(MSG_NOSIGNAL), SW_SOCK_CONST(MSG_DONTWAIT), SW_SOCK_CONST(MSG_MORE),
    SW_SOCK_CONST(MSG_WAITFORONE), SW_SOCK_CONST(MSG_CMSG_CLOEXEC),
    SW_SOCK_CONST(SO_DEBUG), SW_SOCK_CONST(SO_REUSEADDR), SW_SOCK_CONST(SO_REUSEPORT), SW_SOCK_CONST(SO_KEEPALIVE),
    SW_SOCK_CONST(SO_DONTROUTE), SW_SOCK_CONST(SO_LINGER), SW_SOCK_CONST(SO_BROADCAST), SW_SOCK_CONST(SO_OOBINLINE),
    SW_SOCK_CONST(SO_SNDBUF), SW_SOCK_CONST(SO_RCVBUF), SW_SOCK_CONST(SO_SNDLOWAT), SW_SOCK_CONST(SO_RCVLOWAT),
    SW_SOCK_CONST(SO_SNDTIMEO), SW_SOCK_CONST(SO_RCVTIMEO), SW_SOCK_CONST(SO_TYPE), SW_SOCK_CONST(SO_ERROR),
    SW_SOCK_CONST(SO_BINDTODEVICE), SW_SOCK_CONST(SOL_SOCKET), SW_SOCK_CONST(SOMAXCONN), {"SOL_TCP", IPPROTO_TCP},
    {"SOL_UDP", IPPROTO_UDP}, SW_SOCK_CONST(TCP_NODELAY), SW_SOCK_CONST(IPPROTO_IP), SW_SOCK_CONST(IPPROTO_IPV6),
    SW_SOCK_ERRNO(EPERM), SW_SOCK_ERRNO(ENOENT), SW_SOCK_ERRNO(EINTR), SW_SOCK_ERRNO(EIO), SW_SOCK_ERRNO(ENXIO),
    SW_SOCK_ERRNO(E2BIG), SW_SOCK_ERRNO(EBADF), SW_SOCK_ERRNO(EAGAIN), SW_SOCK_ERRNO(ENOMEM), SW_SOCK_ERRNO(EACCES),
    SW_SOCK_ERRNO(EFAULT), SW_SOCK_ERRNO(ENOTBLK), SW_SOCK_ERRNO(EBUSY), SW_SOCK_ERRNO(EEXIST), SW_SOCK_ERRNO(EXDEV),
    SW_SOCK_ERRNO(ENODEV), SW_SOCK_ERRNO(ENOTDIR), SW_SOCK_ERRNO(EISDIR), SW_SOCK_ERRNO(EINVAL),
    SW_SOCK_ERRNO(ENFILE), SW_SOCK_ERRNO(EMFILE), SW_SOCK_ERRNO(ENOTTY), SW_SOCK_ERRNO(ENOSPC), SW_SOCK_ERRNO(ESPIPE),
    SW_SOCK_ERRNO(EROFS), SW_SOCK_ERRNO(EMLINK), SW_SOCK_ERRNO(EPIPE), SW_SOCK_ERRNO(ENAMETOOLONG),
    SW_SOCK_ERRNO(ENOLCK), SW_SOCK_ERRNO(ENOSYS), SW_SOCK_ERRNO(ENOTEMPTY), SW_SOCK_ERRNO(ELOOP),
    SW_SOCK_ERRNO(EWOULDBLOCK), SW_SOCK_ERRNO(ENOTSOCK), SW_SOCK_ERRNO(EDESTADDRREQ), SW_SOCK_ERRNO(EMSGSIZE),
    SW_SOCK_ERRNO(EPROTOTYPE), SW_SOCK_ERRNO(ENOPROTOOPT), SW_SOCK_ERRNO(EPROTONOSUPPORT),
    SW_SOCK_ERRNO(ESOCKTNOSUPPORT), SW_SOCK_ERRNO(EOPNOTSUPP), SW_SOCK_ERRNO(EPFNOSUPPORT),
    SW_SOCK_ERRNO(EAFNOSUPPORT), SW_SOCK_ERRNO(EADDRINUSE), SW_SOCK_ERRNO(EADDRNOTAVAIL), SW_SOCK_ERRNO(ENETDOWN),
    SW_SOCK_ERRNO(ENETUNREACH), SW_SOCK_ERRNO(ENETRESET), SW_SOCK_ERRNO(ECONNABORTED), SW_SOCK_ERRNO(ECONNRESET),
    SW_SOCK_ERRNO(ENOBUFS), SW_SOCK_ERRNO(EISCONN), SW_SOCK_ERRNO(ENOTCONN), SW_SOCK_ERRNO(ESHUTDOWN),
    SW_SOCK_ERRNO(ETOOMANYREFS), SW_SOCK_ERRNO(ETIMEDOUT), SW_SOCK_ERRNO(ECONNREFUSED), SW_SOCK_ERRNO(EHOSTDOWN),
    SW_SOCK_ERRNO(EHOSTUNREACH), SW_SOCK_ERRNO(EALREADY), SW_SOCK_ERRNO(EINPROGRESS),
};

#undef SW_SOCK_CONST
#undef SW_SOCK_ERRNO

void register_long(const char *name, long value, int module_number) {
    if (zend_get_constant_str(name, strlen(name))) return;
    zend_register_long_constant(name, strlen(name), value, CONST_CS | CONST_PERSISTENT, module_number);
}

}  // namespace

zend_class_entry *socket_ce = nullptr;
zend_class_entry *socket_exception_ce = nullptr;

void register_socket(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Socket", socket_methods);
    socket_ce = zend_register_internal_class(&ce);
    socket_ce->create_object = socket_create_object;
    socket_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    socket_init_handlers();
    zend_declare_property_long(socket_ce, ZEND_STRL("fd"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_long(socket_ce, ZEND_STRL("domain"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(socket_ce, ZEND_STRL("type"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(socket_ce, ZEND_STRL("protocol"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(socket_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(socket_ce, ZEND_STRL("errMsg"), "", ZEND_ACC_PUBLIC);

    zend_class_entry ece;
    INIT_CLASS_ENTRY(ece, "Swoole\\Coroutine\\Socket\\Exception", nullptr);
    socket_exception_ce = zend_register_internal_class_ex(&ece, swoole_exception_ce);

    if (ini().use_shortname) {
        zend_register_class_alias("Co\\Socket", socket_ce);
        zend_register_class_alias("Co\\Socket\\Exception", socket_exception_ce);
    }
    zend_register_functions(nullptr, socket_functions, nullptr, MODULE_PERSISTENT);

    // Swoole registers the ext-sockets constants itself when that extension is
    // absent, and SOCKET_ECANCELED always.
    if (!zend_hash_str_exists(&module_registry, ZEND_STRL("sockets"))) {
        for (const NamedValue &c : kSocketConstants) register_long(c.name, c.value, module_number);
    }
    register_long("SOCKET_ECANCELED", ECANCELED, module_number);
}

}  // namespace swoole::php
