// Swoole\Client (spec clients.md §3): the blocking client. Its kernel socket
// polls instead of parking when no coroutine runs, so every call blocks the
// process up to the timeout given to connect(). Errors are warnings plus
// errCode (there is no errMsg); a timed-out read or write reports EAGAIN as
// SO_RCVTIMEO/SO_SNDTIMEO would.
#include "client/client_common.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

#include "base/error.h"
#include "base/log.h"
#include "client/keep_pool.h"
#include "reactor/reactor.h"
#include "socket/address_array.h"
#include "socket/call_args.h"
#include "socket/connect.h"
#include "socket/io_result.h"
#include "socket/transport.h"
#include "tls/tls_session.h"

namespace swoole::php {

zend_class_entry *sync_client_ce = nullptr;
zend_class_entry *client_exception_ce = nullptr;

namespace {

constexpr size_t kMaxRecv = 65535;

zend_object_handlers sync_client_handlers;

struct SyncClientData {
    ClientType type;
    std::string id;      // the pool key given to the constructor
    std::string key;     // the pool key of the current connection
    std::string host;    // connect()'s host: SNI, and the peer of an unconnected UDP socket
    int port = 0;
    SocketState st;      // st.sock is null until connect()/sendto()
    bool connected = false;
    bool udp_unconnected = false;  // UDP connect() with sock_flag 1: send() uses sendto()
    long reuse_count = 0;
    kernel::SocketAddress last_peer;  // datagram types: the sender of the last datagram
    zval ext_socket;                  // getSocket()'s object, UNDEF until asked
};

struct SyncClient {
    SyncClientData *data;  // nullptr until __construct
    zend_object std;
};

SyncClient *client_of(zend_object *obj) {
    return reinterpret_cast<SyncClient *>(reinterpret_cast<char *>(obj) - XtOffsetOf(SyncClient, std));
}

SyncClientData *data_of(zval *self) {
    SyncClientData *d = client_of(Z_OBJ_P(self))->data;
    if (!d) zend_throw_error(nullptr, "%s must be constructed first", ZSTR_VAL(Z_OBJCE_P(self)->name));
    return d;
}

void set_error(zval *self, int code) {
    kernel::set_last_error(code);
    zend_update_property_long(sync_client_ce, Z_OBJ_P(self), ZEND_STRL("errCode"), code);
}

// The socket's error, a timeout shown as the EAGAIN of SO_RCVTIMEO.
int io_error(SyncClientData *d) {
    int code = d->st.sock->error_code();
    return code == ETIMEDOUT ? EAGAIN : code;
}

void update_sock(zval *self, SyncClientData *d) {
    int fd = d->connected && d->st.sock ? d->st.sock->fd() : -1;
    zend_update_property_long(sync_client_ce, Z_OBJ_P(self), ZEND_STRL("sock"), fd);
}

void release_ext_socket(SyncClientData *d) {
    zval_ptr_dtor(&d->ext_socket);
    ZVAL_UNDEF(&d->ext_socket);
}

// Ends the connection: back to the pool (SWOOLE_KEEP, not forced, no error)
// or closed.
void finish(SyncClientData *d, bool force) {
    release_ext_socket(d);
    // A connection another coroutine is still reading or writing is closed
    // (which wakes it with EBADF), never pooled under it.
    if (d->st.sock && d->type.keep && !force && d->connected && d->st.sock->error_code() == 0 &&
        !d->st.sock->is_closed() && d->st.sock->reader_id() == 0 && d->st.sock->writer_id() == 0) {
        keep_pool_put(d->key, PooledConnection{std::move(d->st.sock), d->reuse_count});
    } else if (d->st.sock) {
        d->st.sock->close();
    }
    d->st.sock.reset();
    d->st.framer.clear();
    d->connected = false;
    d->udp_unconnected = false;
}

bool require_connected(zval *self, SyncClientData *d) {
    if (d->connected && d->st.sock) return true;
    php_error_docref(nullptr, E_WARNING, "client is not connected to server");
    set_error(self, kernel::SW_ERROR_CLIENT_NO_CONNECTION);
    return false;
}

bool read_settings(zval *self, SocketSettings &out) {
    return read_setting_property(sync_client_ce, Z_OBJ_P(self), out, SettingsOwner::sync_client);
}

// A new socket of the client's type with the settings applied; false after
// the error is recorded.
bool open_socket(zval *self, SyncClientData *d, double timeout) {
    SocketSettings settings;
    if (!read_settings(self, settings)) return false;
    auto sock = std::make_unique<kernel::Socket>(d->type.domain, d->type.sock_type, 0);
    if (!sock->valid()) {
        set_error(self, sock->error_code());
        return false;
    }
    sock->set_timeout(timeout);  // <= 0: none
    d->st.sock = std::move(sock);
    d->st.settings = std::move(settings);
    d->st.configure_framer();
    apply_socket_options(*d->st.sock, d->st.settings);
    return true;
}

// TCP connect without waiting (sock_flag 1): completion shows as
// writability (swoole_client_select) or in the first send/recv.
bool connect_nonblocking(kernel::Socket &sock, std::string_view host, int port) {
    kernel::SocketAddress addr;
    if (!addr.assign(sock.domain(), host, port)) {
        addrinfo hints{};
        hints.ai_family = sock.domain();
        hints.ai_socktype = SOCK_STREAM;
        addrinfo *result = nullptr;
        std::string name(host);
        if (::getaddrinfo(name.c_str(), nullptr, &hints, &result) != 0 || !result) {
            sock.set_error(kernel::SW_ERROR_DNSLOOKUP_RESOLVE_FAILED);
            return false;
        }
        memcpy(&addr.storage, result->ai_addr, std::min<size_t>(result->ai_addrlen, sizeof addr.storage));
        addr.length = result->ai_addrlen;
        ::freeaddrinfo(result);
        if (addr.family() == AF_INET) reinterpret_cast<sockaddr_in *>(addr.sa())->sin_port = htons(uint16_t(port));
        if (addr.family() == AF_INET6) reinterpret_cast<sockaddr_in6 *>(addr.sa())->sin6_port = htons(uint16_t(port));
    }
    if (::connect(sock.fd(), addr.sa(), addr.length) == 0 || errno == EINPROGRESS) return true;
    sock.set_error(errno);
    return false;
}

void sync_client_free(zend_object *obj) {
    SyncClient *c = client_of(obj);
    if (SyncClientData *d = c->data) {
        finish(d, false);
        delete d;
        c->data = nullptr;
    }
    zend_object_std_dtor(obj);
}

zend_object *sync_client_create(zend_class_entry *ce) {
    auto *c = static_cast<SyncClient *>(zend_object_alloc(sizeof(SyncClient), ce));
    c->data = nullptr;
    zend_object_std_init(&c->std, ce);
    object_properties_init(&c->std, ce);
    c->std.handlers = &sync_client_handlers;
    return &c->std;
}

// ---- methods ----

PHP_METHOD(SyncClient, __construct) {
    zend_long type;
    bool async = false;
    zend_string *id = nullptr;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_LONG(type)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(async)
        Z_PARAM_STR(id)
    ZEND_PARSE_PARAMETERS_END();
    SyncClient *c = client_of(Z_OBJ_P(ZEND_THIS));
    if (c->data) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once",
                         ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
        return;
    }
    if (async) {
        php_error_docref(nullptr, E_ERROR, "please install the ext-async extension, using Swoole\\Async\\Client");
        return;
    }
    ClientType parsed;
    if (!parse_client_type(type, sync_client_ce, parsed)) return;
    auto *d = new SyncClientData();
    d->type = parsed;
    ZVAL_UNDEF(&d->ext_socket);
    if (id && ZSTR_LEN(id)) {
        d->id.assign(ZSTR_VAL(id), ZSTR_LEN(id));
        zend_update_property_str(sync_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("id"), id);
    }
    c->data = d;
    zend_update_property_long(sync_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("type"), type);
}

PHP_METHOD(SyncClient, set) {
    zval *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(settings)
    ZEND_PARSE_PARAMETERS_END();
    if (Z_TYPE_P(settings) != IS_ARRAY || zend_hash_num_elements(Z_ARRVAL_P(settings)) == 0) RETURN_FALSE;
    merge_setting_property(sync_client_ce, Z_OBJ_P(ZEND_THIS), Z_ARRVAL_P(settings));
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, connect) {
    ConnectArgs args;
    args.timeout = 0.5;
    if (!parse_connect_args(execute_data, args)) RETURN_THROWS();
    zend_string *host = args.host;
    zend_long port = args.port, sock_flag = args.sock_flag;
    double timeout = args.timeout;
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (d->connected) {
        php_error_docref(nullptr, E_WARNING, "connection to the server has already been established");
        RETURN_FALSE;
    }
    if (!client_host_given(host) || !client_port_valid(d->type, port)) RETURN_FALSE;
    std::string_view target(ZSTR_VAL(host), ZSTR_LEN(host));
    d->host.assign(target);
    d->port = int(port);
    zend_update_property_bool(sync_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("reuse"), 0);
    if (d->type.keep) {
        d->key = d->id.empty() ? d->host + ":" + std::to_string(port) : d->id;
        PooledConnection pooled = keep_pool_take(d->key);
        if (pooled.sock) {
            d->reuse_count = pooled.reuse_count + 1;
            d->st.sock = std::move(pooled.sock);
            SocketSettings settings;
            if (read_settings(ZEND_THIS, settings)) d->st.settings = std::move(settings);
            d->st.configure_framer();
            d->connected = true;
            zend_update_property_bool(sync_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("reuse"), 1);
            zend_update_property_long(sync_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("reuseCount"), d->reuse_count);
            update_sock(ZEND_THIS, d);
            RETURN_TRUE;
        }
        d->reuse_count = 0;
    }
    if (!open_socket(ZEND_THIS, d, timeout)) RETURN_FALSE;
    kernel::Socket &sock = *d->st.sock;
    bool ok;
    if (sock_flag == 1 && d->type.tcp()) {
        apply_socket_options(sock, d->st.settings);
        ok = connect_nonblocking(sock, target, int(port));
    } else if (sock_flag == 1 && !d->type.stream()) {
        d->udp_unconnected = true;
        ok = true;
    } else {
        ok = connect_with_settings(d->st, target, int(port), timeout, d->type.ssl);
    }
    if (!ok) {
        int code = sock.error_code();
        php_error_docref(nullptr, E_WARNING, "connect to server[%s:%d] failed. Error: %s[%d]", d->host.c_str(),
                         int(port), kernel::error_text(code), code);
        set_error(ZEND_THIS, code);
        finish(d, true);
        RETURN_FALSE;
    }
    d->connected = true;
    update_sock(ZEND_THIS, d);
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, isConnected) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    RETURN_BOOL(d->connected);
}

PHP_METHOD(SyncClient, send) {
    zend_string *data;
    zend_long flags = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data to send is empty");
        RETURN_FALSE;
    }
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    kernel::Socket &sock = *d->st.sock;
    ssize_t r = d->udp_unconnected
                    ? sock.sendto(d->host, d->port, ZSTR_VAL(data), ZSTR_LEN(data))
                    : sock.send_all(ZSTR_VAL(data), ZSTR_LEN(data));
    if (r < 0 || size_t(r) < ZSTR_LEN(data)) {
        php_error_docref(nullptr, E_WARNING, "failed to send(%d) %zu bytes", sock.fd(), ZSTR_LEN(data));
        set_error(ZEND_THIS, io_error(d));
        if (r < 0) RETURN_FALSE;
    }
    RETURN_LONG(r);
}

void recv_failed(zval *self, SyncClientData *d) {
    int code = io_error(d);
    php_error_docref(nullptr, E_WARNING, "recv() failed, Error: %s[%d]", kernel::error_text(code), code);
    set_error(self, code);
}

// One packet of the framing protocol.
void recv_packet(zval *self, SyncClientData *d, zval *return_value) {
    std::string_view packet;
    ssize_t r = d->st.sock->recv_packet(d->st.framer, packet);
    if (r > 0) RETURN_STRINGL(packet.data(), packet.size());
    if (r == 0) RETURN_EMPTY_STRING();
    int code = d->st.sock->error_code();
    if (code == kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE || code == kernel::SW_ERROR_PACKAGE_LENGTH_NOT_FOUND) {
        set_error(self, code);
        bool eof_mode = !d->st.settings.framing.open_length_check;
        finish(d, true);  // the stream cannot be resynchronized
        update_sock(self, d);
        if (eof_mode) {
            php_error_docref(nullptr, E_WARNING, "no package eof");
            RETURN_FALSE;
        }
        if (code == kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE) SW_ERROR("Package is too big");
        RETURN_EMPTY_STRING();
    }
    recv_failed(self, d);
    RETURN_FALSE;
}

PHP_METHOD(SyncClient, recv) {
    zend_long size = zend_long(kMaxRecv), flags = 0;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(size)
        Z_PARAM_LONG(flags)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    kernel::Socket &sock = *d->st.sock;
    if (d->st.settings.has_framing()) {
        recv_packet(ZEND_THIS, d, return_value);
        return;
    }
    bool wait_all = (flags & MSG_WAITALL) || flags == 1;  // 1: the old boolean "wait all"
    if (size <= 0) size = zend_long(kMaxRecv);
    if (!wait_all) size = std::min(size, zend_long(kMaxRecv));
    size_t n = size_t(size);
    ReadTarget target(d->st, n);
    ssize_t r;
    if (flags & MSG_PEEK) {
        r = sock.wait_event(kernel::kEventRead, 0 > sock.timeout(kernel::Socket::Timeout::read)
                                                    ? -1
                                                    : sock.timeout(kernel::Socket::Timeout::read))
                ? sock.peek(target.data(), n)
                : -1;
    } else if (wait_all) {
        r = sock.recv_all(target.data(), n);
    } else if (!d->type.stream()) {
        r = sock.recvfrom(target.data(), n, &d->last_peer);
    } else {
        r = sock.recv(target.data(), n);
    }
    if (r < 0) {
        recv_failed(ZEND_THIS, d);
        RETURN_FALSE;
    }
    RETURN_NEW_STR(target.take(size_t(r)));
}

PHP_METHOD(SyncClient, sendto) {
    zend_string *ip, *data;
    zend_long port;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(ip)
        Z_PARAM_LONG(port)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (d->type.stream()) {
        php_error_docref(nullptr, E_WARNING, "only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM)");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data to send is empty");
        RETURN_FALSE;
    }
    if (!d->st.sock && !open_socket(ZEND_THIS, d, -1)) RETURN_FALSE;
    ssize_t r = d->st.sock->sendto(std::string_view(ZSTR_VAL(ip), ZSTR_LEN(ip)), int(port), ZSTR_VAL(data),
                                   ZSTR_LEN(data));
    if (r < 0) {
        int code = d->st.sock->error_code();
        php_error_docref(nullptr, E_WARNING, "sendto to server[%s:%d] failed. Error: %s[%d]", ZSTR_VAL(ip), int(port),
                         kernel::error_text(code), code);
        set_error(ZEND_THIS, code);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, sendfile) {
    SendfileArgs args;
    if (!parse_sendfile_args(execute_data, args)) RETURN_THROWS();
    zend_string *file = args.file;
    zend_long offset = args.offset, length = args.length;
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!d->type.stream()) {
        php_error_docref(nullptr, E_WARNING, "dgram socket cannot use sendfile");
        RETURN_FALSE;
    }
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    if (ZSTR_LEN(file) == 0 || offset < 0 || length < 0) {
        php_error_docref(nullptr, E_WARNING, "file to send is empty");
        set_error(ZEND_THIS, EINVAL);
        RETURN_FALSE;
    }
    if (!d->st.sock->sendfile(ZSTR_VAL(file), off_t(offset), size_t(length))) {
        int code = io_error(d);
        php_error_docref(nullptr, E_WARNING, "sendfile() failed, Error: %s[%d]", kernel::error_text(code), code);
        set_error(ZEND_THIS, code);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, getsockname) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!d->type.inet()) {
        php_error_docref(nullptr, E_WARNING, "getsockname() only support AF_INET family socket");
        RETURN_FALSE;
    }
    if (!d->st.sock) {
        php_error_docref(nullptr, E_WARNING, "client is not connected to server");
        set_error(ZEND_THIS, kernel::SW_ERROR_CLIENT_NO_CONNECTION);
        RETURN_FALSE;
    }
    kernel::SocketAddress address;
    if (!d->st.sock->getsockname(address)) {
        int code = d->st.sock->error_code();
        php_error_docref(nullptr, E_WARNING, "getsockname() failed, Error: %s[%d]", kernel::error_text(code), code);
        set_error(ZEND_THIS, code);
        RETURN_FALSE;
    }
    address_array(return_value, address, AddressLayout::sync_client);
}

PHP_METHOD(SyncClient, getpeername) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (d->type.stream()) {
        php_error_docref(nullptr, E_WARNING, "only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM)");
        RETURN_FALSE;
    }
    if (d->last_peer.family() == AF_UNSPEC) {
        set_error(ZEND_THIS, ENOTCONN);
        RETURN_FALSE;
    }
    address_array(return_value, d->last_peer, AddressLayout::sync_client);
}

PHP_METHOD(SyncClient, getSocket) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (d->type.keep) {
        php_error_docref(nullptr, E_WARNING, "the 'getSocket' method can't be used on persistent connection");
        RETURN_FALSE;
    }
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    if (Z_TYPE(d->ext_socket) == IS_UNDEF && !ext_socket_from_fd(d->st.sock->fd(), &d->ext_socket)) RETURN_FALSE;
    RETURN_COPY(&d->ext_socket);
}

PHP_METHOD(SyncClient, enableSSL) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!d->type.tcp()) {
        php_error_docref(nullptr, E_WARNING, "cannot use enableSSL");
        RETURN_FALSE;
    }
    if (d->type.ssl || (d->st.sock && d->st.sock->tls())) {
        php_error_docref(nullptr, E_WARNING, "SSL has been enabled");
        RETURN_FALSE;
    }
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    if (!start_tls(d->st, d->host)) {
        int code = d->st.sock->error_code();
        php_error_docref(nullptr, E_WARNING, "enableSSL() failed, Error: %s[%d]", kernel::error_text(code), code);
        set_error(ZEND_THIS, code);
        RETURN_FALSE;
    }
    d->type.ssl = true;
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, getPeerCert) {
    ZEND_PARSE_PARAMETERS_NONE();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    int code = client_peer_cert(d->st.sock.get(), return_value);
    if (code > 0) set_error(ZEND_THIS, code);
    if (code != 0) RETURN_FALSE;
}

PHP_METHOD(SyncClient, verifyPeerCert) {
    bool allow_self_signed = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(allow_self_signed)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    int code = client_verify_peer(d->st.sock.get(), allow_self_signed, nullptr);
    if (code > 0) set_error(ZEND_THIS, code);
    RETURN_BOOL(code == 0);
}

PHP_METHOD(SyncClient, shutdown) {
    zend_long how;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(how)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!require_connected(ZEND_THIS, d)) RETURN_FALSE;
    if (!d->st.sock->shutdown(int(how))) {
        set_error(ZEND_THIS, d->st.sock->error_code());
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(SyncClient, close) {
    bool force = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(force)
    ZEND_PARSE_PARAMETERS_END();
    SyncClientData *d = data_of(ZEND_THIS);
    if (!d) RETURN_THROWS();
    if (!d->connected || !d->st.sock) {
        php_error_docref(nullptr, E_WARNING, "client is not connected to the server");
        RETURN_FALSE;
    }
    finish(d, force);
    update_sock(ZEND_THIS, d);
    RETURN_TRUE;
}

// ---- arginfo ----

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, async, _IS_BOOL, 0, "false")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, id, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_INFO(0, settings)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_connect, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sock_flag, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_send, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flag, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recv, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, size, IS_LONG, 0, "65535")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flag, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sendto, 0, 3, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sendfile, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_name, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_void, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_string_false, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_verify, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, allow_self_signed, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shutdown, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, how, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_close, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, force, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

const zend_function_entry sync_client_methods[] = {
    ZEND_ME(SyncClient, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, connect, arginfo_connect, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, recv, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, send, arginfo_send, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, sendfile, arginfo_sendfile, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, sendto, arginfo_sendto, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, enableSSL, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, getPeerCert, arginfo_string_false, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, verifyPeerCert, arginfo_verify, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, isConnected, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, getsockname, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, getpeername, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, close, arginfo_close, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, shutdown, arginfo_shutdown, ZEND_ACC_PUBLIC)
    ZEND_ME(SyncClient, getSocket, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace

int sync_client_fd(zend_object *obj, bool *buffered) {
    SyncClientData *d = client_of(obj)->data;
    if (!d || !d->connected || !d->st.sock) return -1;
    if (buffered) *buffered = d->st.framer.buffered() > 0 || (d->st.sock->transport() && d->st.sock->transport()->pending() > 0);
    return d->st.sock->fd();
}

void register_sync_client() {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Client", sync_client_methods);
    sync_client_ce = zend_register_internal_class(&ce);
    sync_client_ce->create_object = sync_client_create;
    sync_client_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    sync_client_handlers = std_object_handlers;
    sync_client_handlers.offset = XtOffsetOf(SyncClient, std);
    sync_client_handlers.free_obj = sync_client_free;
    sync_client_handlers.clone_obj = nullptr;

    zend_declare_property_long(sync_client_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(sync_client_ce, ZEND_STRL("sock"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_bool(sync_client_ce, ZEND_STRL("reuse"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(sync_client_ce, ZEND_STRL("reuseCount"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(sync_client_ce, ZEND_STRL("type"), 1, ZEND_ACC_PUBLIC);
    zend_declare_property_null(sync_client_ce, ZEND_STRL("id"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(sync_client_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);

    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("MSG_OOB"), MSG_OOB);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("MSG_PEEK"), MSG_PEEK);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("MSG_DONTWAIT"), MSG_DONTWAIT);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("MSG_WAITALL"), MSG_WAITALL);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("SHUT_RDWR"), SHUT_RDWR);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("SHUT_RD"), SHUT_RD);
    zend_declare_class_constant_long(sync_client_ce, ZEND_STRL("SHUT_WR"), SHUT_WR);

    zend_register_class_alias("swoole_client", sync_client_ce);

    zend_class_entry ece;
    INIT_CLASS_ENTRY(ece, "Swoole\\Client\\Exception", nullptr);
    client_exception_ce = zend_register_internal_class_ex(&ece, swoole_exception_ce);
}

}  // namespace swoole::php
