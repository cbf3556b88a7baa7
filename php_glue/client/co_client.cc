// Swoole\Coroutine\Client (spec clients.md §2). The connection is a
// Co\Socket object the client owns (so exportSocket() hands out the very
// object, framer and TLS state included); the client only adds its own
// argument checks, errCode/errMsg properties and the `connected` state.
#include "client/client_common.h"

#include <sys/socket.h>

#include <string>

#include "base/error.h"
#include "socket/address_array.h"
#include "socket/call_args.h"
#include "socket/connect.h"
#include "socket/io_result.h"
#include "tls/tls_session.h"

namespace swoole::php {

zend_class_entry *co_client_ce = nullptr;

namespace {

constexpr size_t kRecvSize = 65535;

zend_object_handlers co_client_handlers;

struct CoClient {
    bool constructed = false;
    ClientType type;
    std::string host;  // what connect() was given: SNI for enableSSL()
    zval socket;       // the Co\Socket object, UNDEF while there is none
    bool connected = false;
    zend_object std;
};

CoClient *client_of(zend_object *obj) {
    return reinterpret_cast<CoClient *>(reinterpret_cast<char *>(obj) - XtOffsetOf(CoClient, std));
}
CoClient *this_client(zval *self) { return client_of(Z_OBJ_P(self)); }

SocketState *state_of(CoClient *c) { return Z_TYPE(c->socket) == IS_OBJECT ? socket_state(Z_OBJ(c->socket)) : nullptr; }

// Keeps the socket object alive for the length of a call that may park,
// whatever close() another coroutine runs meanwhile.
class Hold {
  public:
    explicit Hold(CoClient *c) : obj_(Z_TYPE(c->socket) == IS_OBJECT ? Z_OBJ(c->socket) : nullptr) {
        if (obj_) GC_ADDREF(obj_);
    }
    ~Hold() {
        if (obj_) OBJ_RELEASE(obj_);
    }
    Hold(const Hold &) = delete;
    Hold &operator=(const Hold &) = delete;

  private:
    zend_object *obj_;
};

void set_error(zval *self, int code, const char *message = nullptr) {
    kernel::set_last_error(code);
    zend_update_property_long(co_client_ce, Z_OBJ_P(self), ZEND_STRL("errCode"), code);
    zend_update_property_string(co_client_ce, Z_OBJ_P(self), ZEND_STRL("errMsg"),
                                message ? message : (code ? kernel::error_text(code) : ""));
}

void sync_error(zval *self, SocketState *st) { set_error(self, st->sock->error_code()); }

// After a failed call: the fatal error of a second reader/writer, else
// errCode/errMsg from the socket.
void io_failed(zval *self, SocketState *st, bool reading) {
    check_bound(*st->sock, reading);
    sync_error(self, st);
}

void set_connected(zval *self, CoClient *c, bool on) {
    c->connected = on;
    zend_update_property_bool(co_client_ce, Z_OBJ_P(self), ZEND_STRL("connected"), on);
    SocketState *st = state_of(c);
    zend_update_property_long(co_client_ce, Z_OBJ_P(self), ZEND_STRL("fd"), on && st ? st->sock->fd() : -1);
}

// Drops the connection object (exported copies keep theirs, closed).
void drop_socket(zval *self, CoClient *c) {
    if (SocketState *st = state_of(c)) {
        if (!st->sock->is_closed()) st->sock->close();
    }
    zval_ptr_dtor(&c->socket);
    ZVAL_UNDEF(&c->socket);
    zend_update_property_null(co_client_ce, Z_OBJ_P(self), ZEND_STRL("socket"));
    set_connected(self, c, false);
}

// The merged `setting` property as parsed settings; false after a warning.
bool current_settings(zval *self, SocketSettings &out) {
    return read_setting_property(co_client_ce, Z_OBJ_P(self), out, SettingsOwner::coroutine);
}

// A fresh socket of the client's type wrapped in a Co\Socket object.
SocketState *new_socket(zval *self, CoClient *c) {
    SocketSettings settings;
    if (!current_settings(self, settings)) return nullptr;
    auto sock = std::make_unique<kernel::Socket>(c->type.domain, c->type.sock_type, 0);
    if (!sock->valid()) {
        set_error(self, sock->error_code());
        return nullptr;
    }
    zval_ptr_dtor(&c->socket);
    wrap_socket(&c->socket, std::move(sock), settings);
    SocketState *st = state_of(c);
    apply_socket_options(*st->sock, st->settings);
    return st;
}

// The connected socket, or false with 5001 "Client no connection".
SocketState *connected_state(zval *self, CoClient *c) {
    SocketState *st = state_of(c);
    if (!c->connected || !st) {
        set_error(self, kernel::SW_ERROR_CLIENT_NO_CONNECTION);
        return nullptr;
    }
    return st;
}

void co_client_free(zend_object *obj) {
    CoClient *c = client_of(obj);
    if (SocketState *st = state_of(c)) {
        if (!st->sock->is_closed()) st->sock->close();
    }
    zval_ptr_dtor(&c->socket);
    ZVAL_UNDEF(&c->socket);
    c->host.~basic_string();
    zend_object_std_dtor(obj);
}

zend_object *co_client_create(zend_class_entry *ce) {
    auto *c = static_cast<CoClient *>(zend_object_alloc(sizeof(CoClient), ce));
    c->constructed = false;
    c->type = ClientType{};
    new (&c->host) std::string();
    ZVAL_UNDEF(&c->socket);
    c->connected = false;
    zend_object_std_init(&c->std, ce);
    object_properties_init(&c->std, ce);
    c->std.handlers = &co_client_handlers;
    return &c->std;
}

// ---- methods ----

PHP_METHOD(CoClient, __construct) {
    zend_long type;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(type)
    ZEND_PARSE_PARAMETERS_END();
    CoClient *c = this_client(ZEND_THIS);
    if (c->constructed) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once",
                         ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
        return;
    }
    if (!parse_client_type(type, co_client_ce, c->type)) return;
    c->constructed = true;
    zend_update_property_long(co_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("type"), type);
}

PHP_METHOD(CoClient, set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    if (zend_hash_num_elements(settings) == 0) RETURN_FALSE;
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = state_of(c);
    SocketSettings parsed;
    if (st) {
        parsed = st->settings;
    } else if (!current_settings(ZEND_THIS, parsed)) {
        RETURN_FALSE;
    }
    if (!parse_settings(settings, parsed)) RETURN_FALSE;
    if (st) {
        if (!st->framer.configure(parsed.framing)) {
            set_error(ZEND_THIS, st->framer.error());
            RETURN_FALSE;
        }
        st->settings = std::move(parsed);
        apply_socket_options(*st->sock, st->settings);
    }
    merge_setting_property(co_client_ce, Z_OBJ_P(ZEND_THIS), settings);
    RETURN_TRUE;
}

PHP_METHOD(CoClient, connect) {
    ConnectArgs args;
    args.timeout = 0;
    if (!parse_connect_args(execute_data, args)) RETURN_THROWS();
    zend_string *host = args.host;
    zend_long port = args.port;
    double timeout = args.timeout;
    CoClient *c = this_client(ZEND_THIS);
    if (!client_host_given(host)) RETURN_FALSE;
    if (c->connected) {
        set_error(ZEND_THIS, EISCONN);
        RETURN_FALSE;
    }
    if (!client_port_valid(c->type, port)) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    PhpCoroutine::reactor();
    SocketState *st = new_socket(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    Hold hold(c);
    c->host.assign(ZSTR_VAL(host), ZSTR_LEN(host));
    std::string_view target(ZSTR_VAL(host), ZSTR_LEN(host));
    if (!connect_with_settings(*st, target, int(port), timeout, c->type.ssl)) {
        io_failed(ZEND_THIS, st, false);
        if (state_of(c) == st) drop_socket(ZEND_THIS, c);
        RETURN_FALSE;
    }
    if (state_of(c) != st) {  // closed by another coroutine meanwhile
        set_error(ZEND_THIS, EBADF);
        RETURN_FALSE;
    }
    if (timeout != 0) st->sock->set_timeout(timeout);
    set_connected(ZEND_THIS, c, true);
    RETURN_TRUE;
}

PHP_METHOD(CoClient, send) {
    zend_string *data;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data to send is empty");
        RETURN_FALSE;
    }
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = connected_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    Hold hold(c);
    ssize_t r = st->sock->send_all(ZSTR_VAL(data), ZSTR_LEN(data), timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, st, false);
        RETURN_FALSE;
    }
    if (size_t(r) < ZSTR_LEN(data)) sync_error(ZEND_THIS, st);
    RETURN_LONG(r);
}

PHP_METHOD(CoClient, recv) {
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = connected_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    Hold hold(c);
    if (st->settings.has_framing()) {
        std::string_view packet;
        ssize_t r = st->sock->recv_packet(st->framer, packet, timeout);
        if (r > 0) RETURN_STRINGL(packet.data(), packet.size());
        if (r == 0) {
            sync_error(ZEND_THIS, st);  // ECONNRESET when it ended inside a packet
            RETURN_EMPTY_STRING();
        }
        check_bound(*st->sock, true);
        int code = st->sock->error_code();
        if (code == kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE || code == kernel::SW_ERROR_PACKAGE_LENGTH_NOT_FOUND) {
            // The stream cannot be resynchronized: the connection is closed.
            std::string text = code == kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE ? log_packet_too_large(*st) : "";
            set_error(ZEND_THIS, code, text.empty() ? nullptr : text.c_str());
            if (state_of(c) == st) drop_socket(ZEND_THIS, c);
            if (code == kernel::SW_ERROR_PACKAGE_LENGTH_NOT_FOUND) RETURN_EMPTY_STRING();
            RETURN_FALSE;
        }
        sync_error(ZEND_THIS, st);
        RETURN_FALSE;
    }
    if (size_t pending = st->framer.buffered()) {  // left over from a framing mode set earlier
        size_t n = std::min(pending, kRecvSize);
        RETVAL_STRINGL(st->framer.pending().data(), n);
        st->framer.consume(n);
        return;
    }
    ReadTarget target(*st, kRecvSize);
    ssize_t r = st->sock->recv(target.data(), kRecvSize, timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, st, true);
        RETURN_FALSE;
    }
    RETURN_NEW_STR(target.take(size_t(r)));
}

PHP_METHOD(CoClient, peek) {
    zend_long length = zend_long(kRecvSize);
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = connected_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    size_t n = length <= 0 ? kRecvSize : size_t(length);
    ReadTarget target(*st, n);
    ssize_t r = st->sock->peek(target.data(), n);
    if (r < 0) {
        sync_error(ZEND_THIS, st);
        RETURN_FALSE;
    }
    RETURN_NEW_STR(target.take(size_t(r)));
}

PHP_METHOD(CoClient, sendfile) {
    SendfileArgs args;
    if (!parse_sendfile_args(execute_data, args)) RETURN_THROWS();
    zend_string *file = args.file;
    zend_long offset = args.offset, length = args.length;
    CoClient *c = this_client(ZEND_THIS);
    if (!c->type.stream()) {
        set_error(ZEND_THIS, EINVAL, "dgram socket cannot use sendfile");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(file) == 0) {
        php_error_docref(nullptr, E_WARNING, "file to send is empty");
        RETURN_FALSE;
    }
    SocketState *st = connected_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    if (offset < 0 || length < 0) {
        set_error(ZEND_THIS, EINVAL);
        RETURN_FALSE;
    }
    PhpCoroutine::require_coroutine();
    Hold hold(c);
    if (!st->sock->sendfile(ZSTR_VAL(file), off_t(offset), size_t(length))) {
        io_failed(ZEND_THIS, st, false);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

// The socket for sendto/recvfrom: created on first use, not "connected".
SocketState *datagram_state(zval *self, CoClient *c) {
    if (SocketState *st = state_of(c)) return st;
    return new_socket(self, c);
}

PHP_METHOD(CoClient, sendto) {
    zend_string *host, *data;
    zend_long port;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(host)
        Z_PARAM_LONG(port)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    if (ZSTR_LEN(data) == 0) RETURN_FALSE;
    CoClient *c = this_client(ZEND_THIS);
    PhpCoroutine::require_coroutine();
    PhpCoroutine::reactor();
    SocketState *st = datagram_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    Hold hold(c);
    ssize_t r = st->sock->sendto(std::string_view(ZSTR_VAL(host), ZSTR_LEN(host)), int(port), ZSTR_VAL(data),
                                 ZSTR_LEN(data));
    if (r < 0) {
        io_failed(ZEND_THIS, st, false);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(CoClient, recvfrom) {
    zend_long length;
    zval *address, *port = nullptr;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_LONG(length)
        Z_PARAM_ZVAL(address)
        Z_PARAM_OPTIONAL
        Z_PARAM_ZVAL(port)
    ZEND_PARSE_PARAMETERS_END();
    if (length <= 0) RETURN_FALSE;
    CoClient *c = this_client(ZEND_THIS);
    PhpCoroutine::require_coroutine();
    PhpCoroutine::reactor();
    SocketState *st = datagram_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    Hold hold(c);
    ReadTarget target(*st, size_t(length));
    kernel::SocketAddress from;
    ssize_t r = st->sock->recvfrom(target.data(), size_t(length), &from, 0);
    if (r < 0) {
        io_failed(ZEND_THIS, st, true);
        RETURN_FALSE;
    }
    RETVAL_NEW_STR(target.take(size_t(r)));  // before the assignments below may run PHP code
    std::string host = from.host();
    ZEND_TRY_ASSIGN_REF_STRINGL(address, host.data(), host.size());
    if (port) ZEND_TRY_ASSIGN_REF_LONG(port, from.port());
}

PHP_METHOD(CoClient, enableSSL) {
    ZEND_PARSE_PARAMETERS_NONE();
    CoClient *c = this_client(ZEND_THIS);
    if (!c->type.stream() || c->type.domain == AF_UNIX) {
        php_error_docref(nullptr, E_WARNING, "cannot use enableSSL");
        RETURN_FALSE;
    }
    SocketState *st = state_of(c);
    if (c->type.ssl || (st && st->sock->tls())) {
        php_error_docref(nullptr, E_WARNING, "SSL has been enabled");
        RETURN_FALSE;
    }
    st = connected_state(ZEND_THIS, c);
    if (!st) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    Hold hold(c);
    if (!start_tls(*st, c->host)) {
        io_failed(ZEND_THIS, st, true);
        RETURN_FALSE;
    }
    c->type.ssl = true;
    RETURN_TRUE;
}

kernel::Socket *connection_of(CoClient *c) {
    SocketState *st = state_of(c);
    return st ? st->sock.get() : nullptr;
}

PHP_METHOD(CoClient, getPeerCert) {
    ZEND_PARSE_PARAMETERS_NONE();
    int code = client_peer_cert(connection_of(this_client(ZEND_THIS)), return_value);
    if (code > 0) set_error(ZEND_THIS, code);
    if (code != 0) RETURN_FALSE;
}

PHP_METHOD(CoClient, verifyPeerCert) {
    bool allow_self_signed = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(allow_self_signed)
    ZEND_PARSE_PARAMETERS_END();
    std::string message;
    int code = client_verify_peer(connection_of(this_client(ZEND_THIS)), allow_self_signed, &message);
    if (code > 0) set_error(ZEND_THIS, code, message.empty() ? nullptr : message.c_str());
    RETURN_BOOL(code == 0);
}

PHP_METHOD(CoClient, isConnected) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(this_client(ZEND_THIS)->connected);
}

void do_name(INTERNAL_FUNCTION_PARAMETERS, bool peer) {
    ZEND_PARSE_PARAMETERS_NONE();
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = state_of(c);
    if (!st) {
        set_error(ZEND_THIS, kernel::SW_ERROR_CLIENT_NO_CONNECTION);
        RETURN_FALSE;
    }
    kernel::SocketAddress address;
    if (!(peer ? st->sock->getpeername(address) : st->sock->getsockname(address))) {
        sync_error(ZEND_THIS, st);
        RETURN_FALSE;
    }
    address_array(return_value, address, AddressLayout::co_client);
}

PHP_METHOD(CoClient, getsockname) { do_name(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(CoClient, getpeername) { do_name(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_METHOD(CoClient, exportSocket) {
    ZEND_PARSE_PARAMETERS_NONE();
    CoClient *c = this_client(ZEND_THIS);
    SocketState *st = state_of(c);
    if (!st) {
        set_error(ZEND_THIS, kernel::SW_ERROR_CLIENT_NO_CONNECTION);
        RETURN_FALSE;
    }
    st->referenced = true;
    zend_update_property(co_client_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("socket"), &c->socket);
    RETURN_COPY(&c->socket);
}

PHP_METHOD(CoClient, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    CoClient *c = this_client(ZEND_THIS);
    if (!state_of(c)) RETURN_FALSE;
    drop_socket(ZEND_THIS, c);
    RETURN_TRUE;
}

// ---- arginfo ----

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_connect, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sock_flag, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_send, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recv, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_peek, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "65535")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sendfile, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sendto, 0, 3, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recvfrom, 0, 2, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, length, IS_LONG, 0)
    ZEND_ARG_INFO(1, address)
    ZEND_ARG_INFO_WITH_DEFAULT_VALUE(1, port, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_string_false, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_verify, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, allow_self_signed, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_name, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_export, 0, 0, Swoole\\Coroutine\\Socket, MAY_BE_FALSE)
ZEND_END_ARG_INFO()

const zend_function_entry co_client_methods[] = {
    ZEND_ME(CoClient, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, connect, arginfo_connect, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, recv, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, peek, arginfo_peek, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, send, arginfo_send, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, sendfile, arginfo_sendfile, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, sendto, arginfo_sendto, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, recvfrom, arginfo_recvfrom, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, enableSSL, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, getPeerCert, arginfo_string_false, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, verifyPeerCert, arginfo_verify, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, isConnected, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, getsockname, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, getpeername, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, close, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(CoClient, exportSocket, arginfo_export, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace

void register_co_client() {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Client", co_client_methods);
    co_client_ce = zend_register_internal_class(&ce);
    co_client_ce->create_object = co_client_create;
    co_client_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    co_client_handlers = std_object_handlers;
    co_client_handlers.offset = XtOffsetOf(CoClient, std);
    co_client_handlers.free_obj = co_client_free;
    co_client_handlers.clone_obj = nullptr;

    zend_declare_property_long(co_client_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_string(co_client_ce, ZEND_STRL("errMsg"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_long(co_client_ce, ZEND_STRL("fd"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_null(co_client_ce, ZEND_STRL("socket"), ZEND_ACC_PRIVATE);
    zend_declare_property_long(co_client_ce, ZEND_STRL("type"), 1, ZEND_ACC_PUBLIC);
    zend_declare_property_null(co_client_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_bool(co_client_ce, ZEND_STRL("connected"), 0, ZEND_ACC_PUBLIC);

    zend_declare_class_constant_long(co_client_ce, ZEND_STRL("MSG_OOB"), MSG_OOB);
    zend_declare_class_constant_long(co_client_ce, ZEND_STRL("MSG_PEEK"), MSG_PEEK);
    zend_declare_class_constant_long(co_client_ce, ZEND_STRL("MSG_DONTWAIT"), MSG_DONTWAIT);
    zend_declare_class_constant_long(co_client_ce, ZEND_STRL("MSG_WAITALL"), MSG_WAITALL);

    if (ini().use_shortname) zend_register_class_alias("Co\\Client", co_client_ce);
}

}  // namespace swoole::php
