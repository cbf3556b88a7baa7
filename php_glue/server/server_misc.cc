// The rest of Swoole\Server's methods (spec server.md §3): listen/addListener,
// stats, process control (reload, shutdown, stop), worker and pid queries,
// getLastError, getSocket, and the Timer/Event aliases (tick, after, defer,
// clearTimer).
#include "server/php_server.h"

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include "base/error.h"
#include "client/php_client.h"
#include "timer/php_timer.h"

namespace swoole::php {

ZEND_METHOD(Server, listen) {
    zend_string *host;
    zend_long port, sock_type;
    ZEND_PARSE_PARAMETERS_START(3, 3)
        Z_PARAM_STR(host)
        Z_PARAM_LONG(port)
        Z_PARAM_LONG(sock_type)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_not_running(*st, "can't add listener")) RETURN_FALSE;
    kernel::ListenPort *lp = st->server->add_port(static_cast<kernel::SocketType>(sock_type & ~kSslFlag),
                                                  std::string_view(ZSTR_VAL(host), ZSTR_LEN(host)),
                                                  static_cast<int>(port));
    if (!lp) RETURN_FALSE;
    zval port_obj;
    make_port_object(*st, lp, static_cast<int>(sock_type), &port_obj);
    st->ports.push_back(port_obj);
    zval rv;
    zval *ports = zend_read_property(server_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("ports"), 1, &rv);
    if (Z_TYPE_P(ports) == IS_ARRAY) {
        SEPARATE_ARRAY(ports);
        Z_ADDREF(port_obj);
        add_next_index_zval(ports, &port_obj);
    }
    RETURN_COPY(&port_obj);
}

ZEND_METHOD(Server, stats) {
    ZEND_PARSE_PARAMETERS_NONE();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    kernel::Server &server = *st->server;
    const kernel::ServerStats &s = server.stats();
    // The descriptor range of this process's connections.
    zend_long min_fd = 0, max_fd = 0;
    std::vector<kernel::SessionId> ids;
    if (server.client_list(0, SIZE_MAX, ids)) {
        for (kernel::SessionId id : ids) {
            if (kernel::Connection *c = server.find(id)) {
                if (min_fd == 0 || c->fd < min_fd) min_fd = c->fd;
                max_fd = std::max<zend_long>(max_fd, c->fd);
            }
        }
    }
    array_init_size(return_value, 26);
    add_assoc_long(return_value, "start_time", s.start_time.load());
    add_assoc_long(return_value, "connection_num", s.connection_num.load());
    add_assoc_long(return_value, "abort_count", s.abort_count.load());
    add_assoc_long(return_value, "accept_count", s.accept_count.load());
    add_assoc_long(return_value, "close_count", s.close_count.load());
    add_assoc_long(return_value, "worker_num", server.settings.worker_num);
    add_assoc_long(return_value, "task_worker_num", st->task_worker_num);
    add_assoc_long(return_value, "user_worker_num", st->user_worker_num);
    add_assoc_long(return_value, "idle_worker_num", s.idle_worker_num.load());
    add_assoc_long(return_value, "dispatch_count", server.worker_stats().dispatch_count);
    add_assoc_long(return_value, "request_count", s.request_count.load());
    add_assoc_long(return_value, "response_count", s.response_count.load());
    add_assoc_long(return_value, "total_recv_bytes", s.total_recv_bytes.load());
    add_assoc_long(return_value, "total_send_bytes", s.total_send_bytes.load());
    add_assoc_long(return_value, "pipe_packet_msg_id", 0);  // BASE: no worker pipes
    add_assoc_long(return_value, "session_round", s.last_session_id.load());
    add_assoc_long(return_value, "min_fd", min_fd);
    add_assoc_long(return_value, "max_fd", max_fd);
    if (server.worker_id() >= 0) {
        const kernel::WorkerStats &w = server.worker_stats();
        add_assoc_long(return_value, "worker_request_count", w.request_count);
        add_assoc_long(return_value, "worker_response_count", w.response_count);
        add_assoc_long(return_value, "worker_dispatch_count", w.dispatch_count);
    }
    if (st->task_worker_num > 0) {
        add_assoc_long(return_value, "task_idle_worker_num", st->task_worker_num);
        add_assoc_long(return_value, "tasking_num", 0);
    }
    add_assoc_long(return_value, "coroutine_num", static_cast<zend_long>(kernel::Coroutine::count()));
    add_assoc_long(return_value, "coroutine_peek_num", static_cast<zend_long>(PhpCoroutine::peak()));
}

ZEND_METHOD(Server, reload) {
    bool only_task = false;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(only_task)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (!st->server->reload(only_task)) {
        php_error_docref(nullptr, E_WARNING, "failed to reload the server, Error: %s[%d]",
                         kernel::error_text(kernel::last_error()), kernel::last_error());
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

ZEND_METHOD(Server, shutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    RETURN_BOOL(st->server->shutdown());
}

ZEND_METHOD(Server, stop) {
    zend_long worker_id = -1;
    bool wait_event = false;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(worker_id)
        Z_PARAM_BOOL(wait_event)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    int self = st->server->worker_id();
    if ((worker_id == -1 || worker_id == self) && !wait_event) {
        if (self < 0) RETURN_FALSE;
        st->server->stop_worker();
        RETURN_TRUE;
    }
    if (worker_id == -1) worker_id = self;
    // Another worker (or wait_event): SIGTERM lets it finish and exit.
    pid_t pid = worker_id >= 0 && worker_id <= INT32_MAX ? st->server->worker_pid(static_cast<int>(worker_id)) : -1;
    if (pid <= 0) RETURN_FALSE;
    if (::kill(pid, SIGTERM) != 0) {
        php_error_docref(nullptr, E_WARNING, "failed to kill(%d, SIGTERM), Error: %s[%d]", static_cast<int>(pid),
                         strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

ZEND_METHOD(Server, getWorkerId) {
    ZEND_PARSE_PARAMETERS_NONE();
    ServerState *st = server_state(ZEND_THIS);
    int id = st->server->running() ? st->server->worker_id() : -1;
    if (id < 0) RETURN_FALSE;
    RETURN_LONG(id);
}

// The worker a query is about: -1 = the current one; -1 back when none.
static int target_worker(ServerState &st, zend_long worker_id) {
    if (worker_id == -1) return st.server->running() ? st.server->worker_id() : -1;
    return worker_id >= 0 && worker_id <= INT32_MAX ? static_cast<int>(worker_id) : -1;
}

ZEND_METHOD(Server, getWorkerPid) {
    zend_long worker_id = -1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(worker_id)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    int id = target_worker(*st, worker_id);
    if (id < 0 || !st->server->running()) RETURN_FALSE;
    if (id == st->server->worker_id()) RETURN_LONG(getpid());
    pid_t pid = st->server->worker_pid(id);
    if (pid <= 0) RETURN_FALSE;
    RETURN_LONG(pid);
}

ZEND_METHOD(Server, getWorkerStatus) {
    zend_long worker_id = -1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(worker_id)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    int id = target_worker(*st, worker_id);
    if (id < 0) RETURN_FALSE;
    int status = st->server->worker_status(id);
    if (status < 0) RETURN_FALSE;
    RETURN_LONG(status);
}

ZEND_METHOD(Server, getManagerPid) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(server_state(ZEND_THIS)->server->manager_pid());
}

ZEND_METHOD(Server, getMasterPid) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(server_state(ZEND_THIS)->server->master_pid());
}

ZEND_METHOD(Server, getLastError) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(kernel::last_error());
}

ZEND_METHOD(Server, getSocket) {
    zend_long port = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    for (auto &p : st->server->ports()) {
        if ((port == 0 && p->index() == 0) || p->port() == port) {
            if (!ext_socket_from_fd(p->fd(), return_value)) RETURN_FALSE;
            return;
        }
    }
    RETURN_FALSE;
}

ZEND_METHOD(Server, tick) { timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

ZEND_METHOD(Server, after) { timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }

ZEND_METHOD(Server, clearTimer) {
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(timer_clear(id));
}

ZEND_METHOD(Server, defer) {
    zval *cb;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(cb)
    ZEND_PARSE_PARAMETERS_END();
    // Event::defer does the work (and its checks).
    zval fn, retval;
    ZVAL_STRINGL(&fn, "swoole_event_defer", sizeof("swoole_event_defer") - 1);
    call_user_function(nullptr, nullptr, &fn, &retval, 1, cb);
    zval_ptr_dtor(&fn);
    RETURN_COPY_VALUE(&retval);
}

}  // namespace swoole::php
