// The methods and object handlers of Swoole\Coroutine\Socket (spec
// clients.md §1). Waiting, timeouts, binding, cancel and framing live in
// kernel::Socket and kernel::Framer; this file converts arguments and results
// and keeps errCode/errMsg in step with the kernel socket's error.
#include "socket/php_socket.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>

#include "base/error.h"
#include "base/log.h"
#include "protocol/length_type.h"
#include "reactor/reactor.h"
#include "socket/address_array.h"
#include "socket/call_args.h"
#include "socket/connect.h"
#include "socket/io_result.h"
#include "tls/tls_session.h"

namespace swoole::php {

namespace {

constexpr size_t kDefaultLength = 65536;

zend_object_handlers socket_handlers;

SocketObject *socket_of(zend_object *obj) {
    return reinterpret_cast<SocketObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(SocketObject, std));
}

// The object's state; E_ERROR (no return) when __construct was not called.
SocketState *state_or_fatal(zval *self) {
    SocketState *state = socket_of(Z_OBJ_P(self))->state;
    if (UNEXPECTED(!state || !state->sock)) {
        php_error_docref(nullptr, E_ERROR, "you must call Socket constructor first");
        return nullptr;
    }
    return state;
}

void sync_error(zend_object *obj, const kernel::Socket &sock) {
    int code = sock.error_code();
    zend_update_property_long(socket_ce, obj, ZEND_STRL("errCode"), code);
    zend_update_property_string(socket_ce, obj, ZEND_STRL("errMsg"), code ? sock.error_message() : "");
}

void set_error(zend_object *obj, int code) {
    kernel::set_last_error(code);
    zend_update_property_long(socket_ce, obj, ZEND_STRL("errCode"), code);
    zend_update_property_string(socket_ce, obj, ZEND_STRL("errMsg"), code ? kernel::error_text(code) : "");
}

void set_identity(zend_object *obj, const kernel::Socket &sock) {
    zend_update_property_long(socket_ce, obj, ZEND_STRL("fd"), sock.fd());
    zend_update_property_long(socket_ce, obj, ZEND_STRL("domain"), sock.domain());
    zend_update_property_long(socket_ce, obj, ZEND_STRL("type"), sock.type());
    zend_update_property_long(socket_ce, obj, ZEND_STRL("protocol"), sock.protocol());
}

// After a failed call that may suspend: the fatal error of a second
// reader/writer, else errCode/errMsg from the socket.
void io_failed(zval *self, const kernel::Socket &sock, bool reading) {
    check_bound(sock, reading);
    sync_error(Z_OBJ_P(self), sock);
}

// Common entry of the methods that may suspend.
void enter_io() {
    PhpCoroutine::require_coroutine();
    PhpCoroutine::reactor();
}

size_t length_arg(zend_long length) { return length <= 0 ? kDefaultLength : static_cast<size_t>(length); }

// The start of recv, recvAll, recvLine and recvWithBuffer, which take
// (int $length = 65536, float $timeout = 0) and may suspend: the state, or
// nullptr when the arguments were refused.
SocketState *begin_read(zend_execute_data *execute_data, size_t &length, double &timeout) {
    zend_long length_value = static_cast<zend_long>(kDefaultLength);
    timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(length_value)
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END_EX(return nullptr);
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) return nullptr;
    enter_io();
    length = length_arg(length_value);
    return st;
}

bool hash_long(HashTable *ht, const char *key, zend_long &out) {
    zval *v = zend_hash_str_find(ht, key, strlen(key));
    if (!v) return false;
    out = zval_get_long(v);
    return true;
}

// ---- object handlers ----

void socket_free_object(zend_object *obj) {
    SocketObject *object = socket_of(obj);
    delete object->state;  // closes the socket
    object->state = nullptr;
    zend_object_std_dtor(obj);
}

// ---- methods ----

PHP_METHOD(Socket, __construct) {
    zend_long domain, type, protocol = 0;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_LONG(domain)
        Z_PARAM_LONG(type)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(protocol)
    ZEND_PARSE_PARAMETERS_END();

    SocketObject *object = socket_of(Z_OBJ_P(ZEND_THIS));
    if (object->state) {  // a coroutine may be parked on the current socket
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once",
                         ZSTR_VAL(Z_OBJCE_P(ZEND_THIS)->name));
        return;
    }
    auto sock = std::make_unique<kernel::Socket>(int(domain), int(type), int(protocol));
    if (!sock->valid()) {
        int code = sock->error_code();
        zend_throw_exception_ex(socket_exception_ce, code, "new Socket() failed. Error: %s [%d]",
                                kernel::error_text(code), code);
        return;
    }
    object->state = new SocketState();
    set_identity(Z_OBJ_P(ZEND_THIS), *sock);
    object->state->sock = std::move(sock);
}

PHP_METHOD(Socket, bind) {
    zend_string *address;
    zend_long port = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(address)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    bool ok = st->sock->bind(std::string_view(ZSTR_VAL(address), ZSTR_LEN(address)), int(port));
    if (!ok) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, listen) {
    zend_long backlog = 512;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(backlog)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    bool ok = st->sock->listen(int(backlog));
    if (!ok) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, accept) {
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    std::unique_ptr<kernel::Socket> conn = st->sock->accept(timeout);
    if (!conn) {
        io_failed(ZEND_THIS, *st->sock, true);
        RETURN_FALSE;
    }
    std::shared_ptr<const kernel::TlsContext> server_ctx;
    if (st->settings.open_ssl && !st->settings.tls.cert_file.empty()) {
        server_ctx = server_tls_context(*st);
        if (!server_ctx) {
            sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
            RETURN_FALSE;
        }
    }
    wrap_socket(return_value, std::move(conn), st->settings);
    socket_of(Z_OBJ_P(return_value))->state->tls_server_context = std::move(server_ctx);
}

PHP_METHOD(Socket, connect) {
    zend_string *host;
    zend_long port = 0;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    int domain = st->sock->domain();
    if (domain == AF_INET || domain == AF_INET6) {
        if (ZEND_NUM_ARGS() < 2) {
            php_error_docref(nullptr, E_WARNING, "Socket of type AF_INET/AF_INET6 requires port argument");
            RETURN_FALSE;
        }
        if (port <= 0 || port >= 65536) {
            php_error_docref(nullptr, E_WARNING, "Invalid port argument[" ZEND_LONG_FMT "]", port);
            RETURN_FALSE;
        }
    }
    enter_io();
    bool ok = connect_with_settings(*st, std::string_view(ZSTR_VAL(host), ZSTR_LEN(host)), int(port), timeout,
                                    st->settings.open_ssl);
    if (!ok) {
        io_failed(ZEND_THIS, *st->sock, false);
    }
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, checkLiveness) {
    ZEND_PARSE_PARAMETERS_NONE();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    bool ok = st->sock->check_liveness();
    if (!ok) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, peek) {
    zend_long length = static_cast<zend_long>(kDefaultLength);
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    size_t n = length_arg(length);
    ReadTarget target(*st, n);
    ssize_t r = st->sock->peek(target.data(), n);
    if (r < 0) {
        sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
        RETURN_FALSE;
    }
    RETURN_NEW_STR(target.take(size_t(r)));
}

// recv and recvAll share everything but the kernel call.
void do_recv(INTERNAL_FUNCTION_PARAMETERS, bool all) {
    size_t n;
    double timeout;
    SocketState *st = begin_read(execute_data, n, timeout);
    if (!st) RETURN_FALSE;
    ReadTarget target(*st, n);
    ssize_t r = all ? st->sock->recv_all(target.data(), n, timeout) : st->sock->recv(target.data(), n, timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, true);
        RETURN_FALSE;
    }
    sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_NEW_STR(target.take(size_t(r)));
}

PHP_METHOD(Socket, recv) { do_recv(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Socket, recvAll) { do_recv(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

// One read into the socket's buffer (the framer). >0 bytes added, 0 EOF, -1 error.
// A second reader fails before touching the buffer the first one reads into.
ssize_t fill_buffer(SocketState *st, size_t want, double timeout) {
    if (read_in_progress(*st->sock)) {
        st->sock->set_error(kernel::SW_ERROR_CO_HAS_BEEN_BOUND);
        return -1;
    }
    std::span<char> room = st->framer.prepare(std::max(want, kDefaultLength));
    ssize_t r = st->sock->recv(room.data(), room.size(), timeout);
    if (r > 0) st->framer.commit(size_t(r));
    return r;
}

void return_buffered(zval *return_value, SocketState *st, size_t n) {
    std::string_view pending = st->framer.pending();
    n = std::min(n, pending.size());
    RETVAL_STRINGL(pending.data(), n);
    st->framer.consume(n);
}

PHP_METHOD(Socket, recvLine) {
    size_t limit;
    double timeout;
    SocketState *st = begin_read(execute_data, limit, timeout);
    if (!st) RETURN_FALSE;
    size_t scanned = 0;
    for (;;) {
        std::string_view pending = st->framer.pending();
        size_t end = std::min(pending.size(), limit);
        for (size_t i = scanned; i < end; ++i) {
            if (pending[i] == '\n' || pending[i] == '\r') {
                return_buffered(return_value, st, i + 1);
                return;
            }
        }
        if (pending.size() >= limit) {
            return_buffered(return_value, st, limit);
            return;
        }
        scanned = end;
        ssize_t r = fill_buffer(st, limit - pending.size(), timeout);
        if (r < 0) {
            io_failed(ZEND_THIS, *st->sock, true);
            RETURN_FALSE;
        }
        if (r == 0) {  // EOF: whatever is left, or ""
            return_buffered(return_value, st, limit);
            return;
        }
    }
}

PHP_METHOD(Socket, recvWithBuffer) {
    size_t limit;
    double timeout;
    SocketState *st = begin_read(execute_data, limit, timeout);
    if (!st) RETURN_FALSE;
    if (st->framer.buffered() == 0) {
        ssize_t r = fill_buffer(st, limit, timeout);
        if (r < 0) {
            io_failed(ZEND_THIS, *st->sock, true);
            RETURN_FALSE;
        }
        if (r == 0) RETURN_EMPTY_STRING();
    }
    return_buffered(return_value, st, limit);
}

// A length-framed packet over package_max_length: the logged text becomes errMsg.
void report_too_large(zval *self, SocketState *st) {
    std::string text = log_packet_too_large(*st);
    if (!text.empty()) zend_update_property_stringl(socket_ce, Z_OBJ_P(self), ZEND_STRL("errMsg"), text.data(), text.size());
}

PHP_METHOD(Socket, recvPacket) {
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    std::string_view packet;
    ssize_t r = st->sock->recv_packet(st->framer, packet, timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, true);
        if (st->sock->error_code() == kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE) report_too_large(ZEND_THIS, st);
        if (st->sock->error_code() == kernel::SW_ERROR_PACKAGE_LENGTH_NOT_FOUND) RETURN_EMPTY_STRING();
        RETURN_FALSE;
    }
    sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    if (r == 0) RETURN_EMPTY_STRING();
    RETURN_STRINGL(packet.data(), packet.size());
}

void do_send(INTERNAL_FUNCTION_PARAMETERS, bool all) {
    zend_string *data;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    ssize_t r = all ? st->sock->send_all(ZSTR_VAL(data), ZSTR_LEN(data), timeout)
                    : st->sock->send(ZSTR_VAL(data), ZSTR_LEN(data), timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, false);
        RETURN_FALSE;
    }
    if (all && static_cast<size_t>(r) < ZSTR_LEN(data)) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_LONG(r);
}

PHP_METHOD(Socket, send) { do_send(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Socket, sendAll) { do_send(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_METHOD(Socket, sendFile) {
    SendfileArgs args;
    if (!parse_sendfile_args(execute_data, args)) RETURN_THROWS();
    zend_string *file = args.file;
    zend_long offset = args.offset, length = args.length;
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (ZSTR_LEN(file) == 0) {
        php_error_docref(nullptr, E_WARNING, "file to send is empty");
        RETURN_FALSE;
    }
    enter_io();
    if (offset < 0 || length < 0) {
        set_error(Z_OBJ_P(ZEND_THIS), EINVAL);
        RETURN_FALSE;
    }
    bool ok = st->sock->sendfile(ZSTR_VAL(file), off_t(offset), size_t(length));
    if (!ok) {
        io_failed(ZEND_THIS, *st->sock, false);
    }
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, recvfrom) {
    zval *peer;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ZVAL(peer)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    ReadTarget target(*st, kDefaultLength);
    kernel::SocketAddress from;
    ssize_t r = st->sock->recvfrom(target.data(), kDefaultLength, &from, timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, true);
        RETURN_FALSE;
    }
    RETVAL_NEW_STR(target.take(size_t(r)));  // before the assignment below may run PHP code
    zval address;
    address_array(&address, from, AddressLayout::socket);
    ZEND_TRY_ASSIGN_REF_VALUE(peer, &address);
}

PHP_METHOD(Socket, sendto) {
    zend_string *address, *data;
    zend_long port;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(address)
        Z_PARAM_LONG(port)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    ssize_t r = st->sock->sendto(std::string_view(ZSTR_VAL(address), ZSTR_LEN(address)), int(port), ZSTR_VAL(data),
                                 ZSTR_LEN(data));
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, false);
        RETURN_FALSE;
    }
    RETURN_LONG(r);
}

void do_name(INTERNAL_FUNCTION_PARAMETERS, bool peer) {
    ZEND_PARSE_PARAMETERS_NONE();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    kernel::SocketAddress address;
    bool ok = peer ? st->sock->getpeername(address) : st->sock->getsockname(address);
    if (!ok) {
        sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
        RETURN_FALSE;
    }
    address_array(return_value, address, AddressLayout::socket);
}

PHP_METHOD(Socket, getsockname) { do_name(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Socket, getpeername) { do_name(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_METHOD(Socket, getOption) {
    zend_long level, name;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(level)
        Z_PARAM_LONG(name)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    kernel::Socket &sock = *st->sock;
    if (level == SOL_SOCKET && (name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
        double t = sock.timeout(name == SO_RCVTIMEO ? kernel::Socket::Timeout::read : kernel::Socket::Timeout::write);
        if (t < 0) t = 0;
        array_init_size(return_value, 2);
        add_assoc_long(return_value, "sec", static_cast<zend_long>(t));
        add_assoc_long(return_value, "usec", static_cast<zend_long>((t - std::floor(t)) * 1000000));
        return;
    }
    if (level == SOL_SOCKET && name == SO_LINGER) {
        struct linger value{};
        socklen_t len = sizeof value;
        if (!sock.get_option(int(level), int(name), &value, &len)) goto failed;
        array_init_size(return_value, 2);
        add_assoc_long(return_value, "l_onoff", value.l_onoff);
        add_assoc_long(return_value, "l_linger", value.l_linger);
        return;
    }
    {
        int value = 0;
        if (!sock.get_option(int(level), int(name), value)) goto failed;
        RETURN_LONG(value);
    }
failed:
    sync_error(Z_OBJ_P(ZEND_THIS), sock);
    php_error_docref(nullptr, E_WARNING, "Unable to retrieve socket option [%d]: %s", sock.error_code(),
                     sock.error_message());
    RETURN_FALSE;
}

PHP_METHOD(Socket, setOption) {
    zend_long level, name;
    zval *value;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_LONG(level)
        Z_PARAM_LONG(name)
        Z_PARAM_ZVAL(value)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    kernel::Socket &sock = *st->sock;
    bool ok;
    if (level == SOL_SOCKET && (name == SO_LINGER || name == SO_RCVTIMEO || name == SO_SNDTIMEO)) {
        bool linger = name == SO_LINGER;
        const char *k1 = linger ? "l_onoff" : "sec";
        const char *k2 = linger ? "l_linger" : "usec";
        if (Z_TYPE_P(value) != IS_ARRAY) {
            php_error_docref(nullptr, E_WARNING, "no key \"%s\" passed in optval", k1);
            RETURN_FALSE;
        }
        zend_long v1, v2;
        if (!hash_long(Z_ARRVAL_P(value), k1, v1)) {
            php_error_docref(nullptr, E_WARNING, "no key \"%s\" passed in optval", k1);
            RETURN_FALSE;
        }
        if (!hash_long(Z_ARRVAL_P(value), k2, v2)) {
            php_error_docref(nullptr, E_WARNING, "no key \"%s\" passed in optval", k2);
            RETURN_FALSE;
        }
        if (linger) {
            struct linger l{};
            l.l_onoff = int(v1);
            l.l_linger = int(v2);
            ok = sock.set_option(SOL_SOCKET, SO_LINGER, &l, sizeof l);
        } else {
            double seconds = double(v1) + double(v2) / 1000000.0;
            if (name == SO_RCVTIMEO) {
                sock.set_timeout(kernel::Socket::Timeout::read, seconds);
            } else {
                sock.set_timeout(kernel::Socket::Timeout::connect, seconds);
                sock.set_timeout(kernel::Socket::Timeout::write, seconds);
            }
            RETURN_TRUE;
        }
    } else {
        ok = sock.set_option(int(level), int(name), int(zval_get_long(value)));
    }
    if (!ok) {
        sync_error(Z_OBJ_P(ZEND_THIS), sock);
        php_error_docref(nullptr, E_WARNING, "Unable to set socket option [%d]: %s", sock.error_code(),
                         sock.error_message());
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Socket, setProtocol) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (zend_hash_num_elements(settings) == 0) RETURN_FALSE;
    SocketSettings parsed = st->settings;
    if (!parse_settings(settings, parsed)) RETURN_FALSE;
    if (!st->framer.configure(parsed.framing)) {
        php_error_docref(nullptr, E_WARNING, "invalid protocol settings");
        set_error(Z_OBJ_P(ZEND_THIS), st->framer.error());
        RETURN_FALSE;
    }
    st->settings = std::move(parsed);
    apply_socket_options(*st->sock, st->settings);
    RETURN_TRUE;
}

PHP_METHOD(Socket, sslHandshake) {
    ZEND_PARSE_PARAMETERS_NONE();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    enter_io();
    kernel::SocketAddress peer;
    std::string host;
    if (!st->settings.ssl_host_name && st->sock->getpeername(peer)) host = peer.host();
    bool ok = st->sock->tls() ? st->sock->tls_handshake() : start_tls(*st, host);
    if (!ok) {
        io_failed(ZEND_THIS, *st->sock, true);
    }
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, shutdown) {
    zend_long how = SHUT_RDWR;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(how)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    bool ok = st->sock->shutdown(int(how));
    if (!ok) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, cancel) {
    zend_long event = kernel::kEventRead;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(event)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    RETURN_BOOL(st->sock->cancel(int(event)));
}

PHP_METHOD(Socket, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (st->referenced) {
        php_error_docref(nullptr, E_WARNING, "cannot close the referenced resource");
        RETURN_FALSE;
    }
    bool ok = st->sock->close();
    if (!ok) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_BOOL(ok);
}

PHP_METHOD(Socket, isClosed) {
    ZEND_PARSE_PARAMETERS_NONE();
    SocketState *st = state_or_fatal(ZEND_THIS);
    if (!st) RETURN_TRUE;
    RETURN_BOOL(st->sock->is_closed() || !st->sock->valid());
}

// ---- vector I/O: one read (or write) over the items, split (or joined) here ----

constexpr size_t kMaxVectorItems = 1024;  // IOV_MAX on Linux

// The common start of the vector methods: a usable socket inside a coroutine
// and 1..IOV_MAX items (else errCode EINVAL).
SocketState *vector_io_state(zval *self, HashTable *items) {
    SocketState *st = state_or_fatal(self);
    if (!st) return nullptr;
    enter_io();
    uint32_t count = zend_hash_num_elements(items);
    if (count == 0 || count > kMaxVectorItems) {
        set_error(Z_OBJ_P(self), EINVAL);
        return nullptr;
    }
    return st;
}

// The iovec array of one vector call: on the stack for the usual few items,
// from the request heap beyond that.
class IoVectors {
  public:
    explicit IoVectors(uint32_t count)
        : iov_(count <= kInline ? inline_ : static_cast<iovec *>(safe_emalloc(count, sizeof(iovec), 0))) {}
    ~IoVectors() {
        if (iov_ != inline_) efree(iov_);
    }
    IoVectors(const IoVectors &) = delete;
    IoVectors &operator=(const IoVectors &) = delete;
    iovec &operator[](size_t i) { return iov_[i]; }
    iovec *data() { return iov_; }

  private:
    static constexpr uint32_t kInline = 16;
    iovec inline_[kInline];
    iovec *iov_;
};

void do_read_vector(INTERNAL_FUNCTION_PARAMETERS, bool all) {
    HashTable *lengths;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ARRAY_HT(lengths)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = vector_io_state(ZEND_THIS, lengths);
    if (!st) RETURN_FALSE;
    uint32_t count = zend_hash_num_elements(lengths);
    int index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(lengths, item) {
        ZVAL_DEREF(item);
        if (Z_TYPE_P(item) != IS_LONG) {
            zend_throw_exception_ex(socket_exception_ce, EINVAL, "Item #[%d] must be of type int, %s given", index,
                                    zend_zval_type_name(item));
            return;
        }
        if (Z_LVAL_P(item) < 0) {
            zend_throw_exception_ex(socket_exception_ce, EINVAL, "Item #[%d] must be greater than 0", index);
            return;
        }
        ++index;
    }
    ZEND_HASH_FOREACH_END();

    // The result strings are the read buffers: no copy after the read.
    array_init_size(return_value, count);
    IoVectors iov(count);
    index = 0;
    ZEND_HASH_FOREACH_VAL(lengths, item) {
        ZVAL_DEREF(item);
        size_t size = size_t(Z_LVAL_P(item));
        zend_string *buf = zend_string_alloc(size, 0);
        iov[index] = {ZSTR_VAL(buf), size};
        add_next_index_str(return_value, buf);
        ++index;
    }
    ZEND_HASH_FOREACH_END();

    ssize_t r = all ? st->sock->readv_all(iov.data(), int(count), timeout)
                    : st->sock->readv(iov.data(), int(count), timeout);
    if (r < 0) {
        zval_ptr_dtor(return_value);
        ZVAL_UNDEF(return_value);
        io_failed(ZEND_THIS, *st->sock, true);
        RETURN_FALSE;
    }
    sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    // Cut each string to what arrived; drop the items nothing reached.
    size_t left = size_t(r);
    HashTable *result = Z_ARRVAL_P(return_value);
    for (uint32_t i = 0; i < count; ++i) {
        zval *z = zend_hash_index_find(result, i);
        zend_string *buf = Z_STR_P(z);
        if (left == 0 && ZSTR_LEN(buf) > 0) {
            zend_hash_index_del(result, i);
            continue;
        }
        size_t n = std::min(ZSTR_LEN(buf), left);
        left -= n;
        if (n < ZSTR_LEN(buf)) {
            buf = zend_string_truncate(buf, n, 0);
            ZVAL_STR(z, buf);
        }
        ZSTR_VAL(buf)[n] = '\0';
    }
}

void do_write_vector(INTERNAL_FUNCTION_PARAMETERS, bool all) {
    HashTable *items;
    double timeout = 0;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ARRAY_HT(items)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    SocketState *st = vector_io_state(ZEND_THIS, items);
    if (!st) RETURN_FALSE;
    uint32_t count = zend_hash_num_elements(items);
    IoVectors iov(count);
    size_t total = 0;
    int index = 0;
    zval *item;
    ZEND_HASH_FOREACH_VAL(items, item) {
        ZVAL_DEREF(item);
        if (Z_TYPE_P(item) != IS_STRING) {
            zend_throw_exception_ex(socket_exception_ce, EINVAL, "Item #[%d] must be of type string, %s given",
                                    index, zend_zval_type_name(item));
            return;
        }
        if (Z_STRLEN_P(item) == 0) {
            zend_throw_exception_ex(socket_exception_ce, EINVAL, "Item #[%d] cannot be empty string", index);
            return;
        }
        iov[index] = {Z_STRVAL_P(item), Z_STRLEN_P(item)};
        total += Z_STRLEN_P(item);
        ++index;
    }
    ZEND_HASH_FOREACH_END();

    // The array stays referenced by the caller's frame while we are parked.
    ssize_t r = all ? st->sock->writev_all(iov.data(), int(count), timeout)
                    : st->sock->writev(iov.data(), int(count), timeout);
    if (r < 0) {
        io_failed(ZEND_THIS, *st->sock, false);
        RETURN_FALSE;
    }
    if (all && size_t(r) < total) sync_error(Z_OBJ_P(ZEND_THIS), *st->sock);
    RETURN_LONG(r);
}

PHP_METHOD(Socket, readVector) { do_read_vector(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Socket, readVectorAll) { do_read_vector(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }
PHP_METHOD(Socket, writeVector) { do_write_vector(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Socket, writeVectorAll) { do_write_vector(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_FUNCTION(swoole_coroutine_socketpair) {
    zend_long domain, type, protocol;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_LONG(domain)
        Z_PARAM_LONG(type)
        Z_PARAM_LONG(protocol)
    ZEND_PARSE_PARAMETERS_END();
    std::unique_ptr<kernel::Socket> first, second;
    if (!kernel::Socket::make_pair(int(domain), int(type), int(protocol), first, second)) {
        int code = errno;
        kernel::set_last_error(code);
        php_error_docref(nullptr, E_WARNING, "failed to create socket, Error: %s[%d]", strerror(code), code);
        RETURN_FALSE;
    }
    zval a, b;
    wrap_socket(&a, std::move(first), nullptr);
    wrap_socket(&b, std::move(second), nullptr);
    array_init_size(return_value, 2);
    add_next_index_zval(return_value, &a);
    add_next_index_zval(return_value, &b);
}

// ---- arginfo ----

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, domain, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, protocol, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bind, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, address, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_listen, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, backlog, IS_LONG, 0, "512")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_TYPE_MASK_EX(arginfo_accept, 0, 0, Swoole\\Coroutine\\Socket, MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_connect, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_peek, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "65536")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recv, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "65536")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recv_packet, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_send, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_send_file, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_recvfrom, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_INFO(1, peername)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_sendto, 0, 3, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, addr, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_name, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_option, 0, 2, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO(0, level, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, opt_name, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_option, 0, 3, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, level, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, opt_name, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, opt_value, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_protocol, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_shutdown, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, how, IS_LONG, 0, "SHUT_RDWR")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_cancel, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, event, IS_LONG, 0, "SWOOLE_EVENT_READ")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_read_vector, 0, 1, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, io_vector, IS_ARRAY, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_write_vector, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, io_vector, IS_ARRAY, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_socketpair, 0, 3, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, domain, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, type, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, protocol, IS_LONG, 0)
ZEND_END_ARG_INFO()

}  // namespace

// Fills a fresh Socket object around an open kernel socket.
void wrap_socket(zval *out, std::unique_ptr<kernel::Socket> sock, const SocketSettings &settings) {
    object_init_ex(out, socket_ce);
    SocketObject *object = socket_of(Z_OBJ_P(out));
    auto *state = new SocketState();
    state->settings = settings;
    state->configure_framer();
    set_identity(Z_OBJ_P(out), *sock);
    state->sock = std::move(sock);
    object->state = state;
}

void wrap_socket(zval *out, std::unique_ptr<kernel::Socket> sock, const kernel::FramingOptions *options) {
    SocketSettings settings;
    if (options) settings.framing = *options;
    wrap_socket(out, std::move(sock), settings);
}

// Logs the warning 4.8 logs for a length-framed packet over
// package_max_length and returns its text ("" in the other framing modes).
std::string log_packet_too_large(SocketState &state) {
    SocketState *st = &state;
    const kernel::FramingOptions &o = st->settings.framing;
    if (!o.open_length_check || o.package_length_func) return {};
    kernel::LengthType type = kernel::LengthType::from_code(o.package_length_type);
    std::string_view pending = st->framer.pending();
    uint64_t value = 0;
    if (!type.valid() || pending.size() < o.package_length_offset + type.size() ||
        !type.read(pending.data() + o.package_length_offset, value)) {
        return {};
    }
    kernel::SocketAddress peer;
    std::string host;
    int port = 0;
    if (st->sock->getpeername(peer)) {
        host = peer.host();
        port = peer.port();
    }
    char text[512];
    snprintf(text, sizeof text,
             "Socket::recv_packet_with_length_protocol() (ERRNO %d): packet length is too big, remote_addr=%s:%d, "
             "length=%llu",
             int(kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE), host.c_str(), port,
             static_cast<unsigned long long>(value + o.package_body_offset));
    if (!kernel::Logger::instance().is_ignored(kernel::SW_ERROR_PACKAGE_LENGTH_TOO_LARGE)) SW_WARN("%s", text);
    return text;
}

SocketState *socket_state(zend_object *obj) { return socket_of(obj)->state; }

void socket_sync_error(zend_object *obj) {
    SocketState *st = socket_of(obj)->state;
    if (st && st->sock) sync_error(obj, *st->sock);
}

const zend_function_entry socket_methods[] = {
    ZEND_ME(Socket, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, bind, arginfo_bind, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, listen, arginfo_listen, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, accept, arginfo_accept, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, connect, arginfo_connect, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, checkLiveness, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, getOption, arginfo_get_option, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, setOption, arginfo_set_option, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, setProtocol, arginfo_set_protocol, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, sslHandshake, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, sendFile, arginfo_send_file, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, sendto, arginfo_sendto, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recvfrom, arginfo_recvfrom, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recvPacket, arginfo_recv_packet, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recvLine, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recvWithBuffer, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recv, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, recvAll, arginfo_recv, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, send, arginfo_send, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, sendAll, arginfo_send, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, readVector, arginfo_read_vector, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, readVectorAll, arginfo_read_vector, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, writeVector, arginfo_write_vector, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, writeVectorAll, arginfo_write_vector, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, peek, arginfo_peek, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, shutdown, arginfo_shutdown, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, cancel, arginfo_cancel, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, close, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, getpeername, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, getsockname, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(Socket, isClosed, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

const zend_function_entry socket_functions[] = {
    ZEND_FE(swoole_coroutine_socketpair, arginfo_socketpair)
    ZEND_FE_END
};

zend_object *socket_create_object(zend_class_entry *ce) {
    auto *object = static_cast<SocketObject *>(zend_object_alloc(sizeof(SocketObject), ce));
    object->state = nullptr;
    zend_object_std_init(&object->std, ce);
    object_properties_init(&object->std, ce);
    object->std.handlers = &socket_handlers;
    return &object->std;
}

void socket_init_handlers() {
    socket_handlers = std_object_handlers;
    socket_handlers.offset = XtOffsetOf(SocketObject, std);
    socket_handlers.free_obj = socket_free_object;
    socket_handlers.clone_obj = nullptr;
}

}  // namespace swoole::php
