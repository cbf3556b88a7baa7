// The methods of Swoole\Server that act on connections (spec server.md §3):
// send, sendto, sendfile, sendwait, close, exist, pause/resume, protect, bind,
// getClientInfo, getClientList, heartbeat. Each checks "server is not running"
// first, then hands the session id to the kernel server, which sets the
// spec's error codes (1005, 1003, 1009, 1203, ...).
#include "server/php_server.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "base/error.h"

namespace swoole::php {

namespace {

std::string_view view_of(zend_string *s) { return {ZSTR_VAL(s), ZSTR_LEN(s)}; }

// The listener a datagram goes out of: the one whose fd is server_socket, or
// the first of that type.
const kernel::ListenPort *dgram_listener(kernel::Server &server, kernel::SocketType type, zend_long server_socket) {
    for (auto &p : server.ports()) {
        if (p->type() != type) continue;
        if (server_socket < 0 || p->fd() == server_socket) return p.get();
    }
    return nullptr;
}

bool send_datagram(kernel::Server &server, std::string_view host, int port, std::string_view data,
                   zend_long server_socket) {
    kernel::SocketType type;
    int family;
    const char *name;
    if (!host.empty() && host[0] == '/') {
        type = kernel::kSockUnixDgram;
        family = AF_UNIX;
        name = "UnixDgram";
    } else if (host.find(':') != std::string_view::npos) {
        type = kernel::kSockUdp6;
        family = AF_INET6;
        name = "UDP6";
    } else {
        type = kernel::kSockUdp;
        family = AF_INET;
        name = "UDP";
    }
    const kernel::ListenPort *lp = dgram_listener(server, type, server_socket);
    if (!lp) {
        php_error_docref(nullptr, E_WARNING, "%s listener has to be added before executing sendto", name);
        return false;
    }
    kernel::SocketAddress addr;
    if (!addr.assign(family, host, port)) {
        php_error_docref(nullptr, E_WARNING, "invalid address[%.*s]", static_cast<int>(host.size()), host.data());
        return false;
    }
    return server.sendto(addr, data, lp);
}

bool valid_fd(zend_long fd) {
    if (fd > 0) return true;
    php_error_docref(nullptr, E_WARNING, "invalid fd[" ZEND_LONG_FMT "]", fd);
    kernel::set_last_error(kernel::SW_ERROR_SESSION_INVALID_ID);
    return false;
}

}  // namespace

ZEND_METHOD(Server, send) {
    zval *zfd;
    zend_string *data;
    zend_long server_socket = -1;
    ZEND_PARSE_PARAMETERS_START(2, 3)
        Z_PARAM_ZVAL(zfd)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(server_socket)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data is empty");
        RETURN_FALSE;
    }
    if (Z_TYPE_P(zfd) == IS_STRING && Z_STRLEN_P(zfd) > 0 && Z_STRVAL_P(zfd)[0] == '/') {
        RETURN_BOOL(send_datagram(*st->server, std::string_view(Z_STRVAL_P(zfd), Z_STRLEN_P(zfd)), 0, view_of(data),
                                  server_socket));
    }
    zend_long fd = zval_get_long(zfd);
    if (!valid_fd(fd)) RETURN_FALSE;
    RETURN_BOOL(st->server->send(fd, view_of(data)));
}

ZEND_METHOD(Server, sendto) {
    zend_string *ip, *data;
    zend_long port, server_socket = -1;
    ZEND_PARSE_PARAMETERS_START(3, 4)
        Z_PARAM_STR(ip)
        Z_PARAM_LONG(port)
        Z_PARAM_STR(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(server_socket)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data is empty");
        RETURN_FALSE;
    }
    RETURN_BOOL(send_datagram(*st->server, view_of(ip), static_cast<int>(port), view_of(data), server_socket));
}

ZEND_METHOD(Server, sendwait) {
    zend_long fd;
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(fd)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (st->server->settings.mode != kernel::ServerMode::base || st->server->worker_id() < 0 ||
        st->server->is_task_worker()) {
        php_error_docref(nullptr, E_WARNING, "can't sendwait");
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "data is empty");
        RETURN_FALSE;
    }
    if (!valid_fd(fd)) RETURN_FALSE;
    RETURN_BOOL(st->server->send_wait(fd, view_of(data)));
}

// sendfile: the checks (spec server.md) happen here, in the calling worker;
// the kernel queues the file range and writes it with sendfile(2).
ZEND_METHOD(Server, sendfile) {
    zend_long fd, offset = 0, length = 0;
    zend_string *file;
    ZEND_PARSE_PARAMETERS_START(2, 4)
        Z_PARAM_LONG(fd)
        Z_PARAM_STR(file)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(offset)
        Z_PARAM_LONG(length)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (st->server->worker_id() < 0) {
        php_error_docref(nullptr, E_WARNING, "can't sendfile[%s] to the connections in master process",
                         ZSTR_VAL(file));
        kernel::set_last_error(kernel::SW_ERROR_SERVER_SEND_IN_MASTER);
        RETURN_FALSE;
    }
    if (ZSTR_LEN(file) >= PATH_MAX) {
        php_error_docref(nullptr, E_WARNING, "sendfile name[%.8s...] length %zu is exceed the max name len %d",
                         ZSTR_VAL(file), ZSTR_LEN(file), PATH_MAX - 1);
        RETURN_FALSE;
    }
    if (!valid_fd(fd)) RETURN_FALSE;
    kernel::ClientInfo ci;
    kernel::set_last_error(0);
    if (!st->server->client_info(fd, ci)) {
        if (kernel::last_error() == 0) kernel::set_last_error(kernel::SW_ERROR_SESSION_NOT_EXIST);
        RETURN_FALSE;
    }
    if (ci.ssl) {
        php_error_docref(nullptr, E_WARNING, "SSL session#" ZEND_LONG_FMT " cannot use sendfile", fd);
        kernel::set_last_error(kernel::SW_ERROR_SSL_CANNOT_USE_SENFILE);
        RETURN_FALSE;
    }
    struct stat sb;
    if (::stat(ZSTR_VAL(file), &sb) != 0) {
        php_error_docref(nullptr, E_WARNING, "stat(%s) failed, Error: %s[%d]", ZSTR_VAL(file), strerror(errno), errno);
        RETURN_FALSE;
    }
    if (!S_ISREG(sb.st_mode)) {
        php_error_docref(nullptr, E_WARNING, "the file[%s] is not a regular file", ZSTR_VAL(file));
        kernel::set_last_error(kernel::SW_ERROR_SERVER_IS_NOT_REGULAR_FILE);
        RETURN_FALSE;
    }
    if (offset < 0 || offset >= sb.st_size) {
        php_error_docref(nullptr, E_WARNING, "file[offset=" ZEND_LONG_FMT "] is empty", offset);
        RETURN_FALSE;
    }
    size_t count = length <= 0 || offset + length > sb.st_size ? static_cast<size_t>(sb.st_size - offset)
                                                                : static_cast<size_t>(length);
    if (::access(ZSTR_VAL(file), R_OK) != 0) {
        php_error_docref(nullptr, E_WARNING, "open(%s) failed, Error: %s[%d]", ZSTR_VAL(file), strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_BOOL(st->server->send_file(fd, ZSTR_VAL(file), offset, count));
}

ZEND_METHOD(Server, close) {
    zend_long fd;
    bool reset = false;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(fd)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(reset)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->close(fd, reset));
}

ZEND_METHOD(Server, exist) {
    zend_long fd;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(fd)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->exist(fd));
}

ZEND_METHOD(Server, pause) {
    zend_long fd;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(fd)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->pause(fd));
}

ZEND_METHOD(Server, resume) {
    zend_long fd;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(fd)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->resume(fd));
}

ZEND_METHOD(Server, protect) {
    zend_long fd;
    bool value = true;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_LONG(fd)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(value)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->protect(fd, value));
}

ZEND_METHOD(Server, bind) {
    zend_long fd, uid;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(fd)
        Z_PARAM_LONG(uid)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (uid > static_cast<zend_long>(UINT32_MAX) || uid < INT32_MIN) {
        php_error_docref(nullptr, E_WARNING, "uid can not be greater than %u or less than %d", UINT32_MAX, INT32_MIN);
        RETURN_FALSE;
    }
    RETURN_BOOL(st->server->bind_uid(fd, static_cast<uint32_t>(uid)));
}

// getClientInfo's array, keys in 4.8's order.
void client_info_array(const kernel::ClientInfo &ci, zval *out) {
    array_init_size(out, 18);
    if (ci.uid_bound) add_assoc_long(out, "uid", ci.uid);
    if (ci.worker_id > 0) add_assoc_long(out, "worker_id", ci.worker_id);
    add_assoc_long(out, "server_port", ci.server_port);
    add_assoc_long(out, "server_fd", ci.server_fd);
    add_assoc_long(out, "socket_fd", ci.socket_fd);
    add_assoc_long(out, "socket_type", ci.socket_type);
    add_assoc_long(out, "remote_port", ci.remote_port);
    add_assoc_stringl(out, "remote_ip", ci.remote_ip.data(), ci.remote_ip.size());
    add_assoc_long(out, "reactor_id", ci.reactor_id);
    add_assoc_long(out, "connect_time", static_cast<zend_long>(ci.connect_time));
    add_assoc_long(out, "last_time", static_cast<zend_long>(ci.last_recv_time));
    add_assoc_double(out, "last_recv_time", ci.last_recv_time);
    add_assoc_double(out, "last_send_time", ci.last_send_time);
    add_assoc_double(out, "last_dispatch_time", ci.last_dispatch_time);
    add_assoc_long(out, "close_errno", ci.close_errno);
    add_assoc_long(out, "recv_queued_bytes", static_cast<zend_long>(ci.recv_queued_bytes));
    add_assoc_long(out, "send_queued_bytes", static_cast<zend_long>(ci.send_queued_bytes));
}

ZEND_METHOD(Server, getClientInfo) {
    zend_long fd, reactor_id = -1;
    bool ignore_error = false;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_LONG(fd)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(reactor_id)
        Z_PARAM_BOOL(ignore_error)
    ZEND_PARSE_PARAMETERS_END();
    (void)reactor_id;
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    kernel::ClientInfo ci;
    if (!st->server->client_info(fd, ci, ignore_error)) RETURN_FALSE;
    client_info_array(ci, return_value);
}

ZEND_METHOD(Server, getClientList) {
    zend_long start = 0, count = 10;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(start)
        Z_PARAM_LONG(count)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (count > 100) {
        php_error_docref(nullptr, E_WARNING, "swoole connection list max_find_count=100");
        RETURN_FALSE;
    }
    std::vector<kernel::SessionId> ids;
    if (count <= 0 || !st->server->client_list(start, static_cast<size_t>(count), ids)) RETURN_FALSE;
    array_init_size(return_value, static_cast<uint32_t>(ids.size()));
    for (kernel::SessionId id : ids) add_next_index_long(return_value, id);
}

ZEND_METHOD(Server, heartbeat) {
    bool close_them = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(close_them)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    std::vector<kernel::SessionId> idle;
    if (!st->server->heartbeat(close_them, &idle)) RETURN_FALSE;
    array_init_size(return_value, static_cast<uint32_t>(idle.size()));
    for (kernel::SessionId id : idle) add_next_index_long(return_value, id);
}

}  // namespace swoole::php
