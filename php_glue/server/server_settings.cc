// Server::set() (spec server.md §3, §6): the process-level options go to the
// kernel ServerSettings and the ServerState, the port options to ports[0]
// (port.cc), task options to apply_task_settings. Keys 4.8 does not
// know get the E_USER_WARNING "unsupported option [key]"; set() still
// succeeds and keeps them in $setting.
#include "server/php_server.h"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <string_view>

#include "base/log.h"
#include "runtime/runtime.h"

namespace swoole::php {

namespace {

// Option names 4.8 accepts (servers and their ports), besides the families
// of prefixes below.
const char *const kKnownOptions[] = {
    "reactor_num", "worker_num", "max_request", "max_request_grace", "max_conn", "max_connection",
    "dispatch_mode", "dispatch_func", "message_queue_key", "daemonize", "heartbeat_check_interval",
    "heartbeat_idle_time", "package_eof", "package_length_type", "package_length_offset", "package_body_offset",
    "package_body_start", "package_length_func", "package_max_length", "cpu_affinity_ignore", "tcp_defer_accept",
    "user", "group", "chroot", "pid_file", "buffer_input_size", "input_buffer_size", "buffer_output_size",
    "output_buffer_size", "socket_buffer_size", "enable_unsafe_event", "discard_timeout_request",
    "enable_reuse_port", "enable_delay_receive", "reload_async", "max_wait_time", "tcp_fastopen",
    "enable_coroutine", "max_coroutine", "max_coro_num", "hook_flags", "send_yield", "send_timeout",
    "max_queued_bytes", "single_thread", "start_session_id", "event_object", "max_idle_time", "stats_file",
    "admin_server", "trace_flags", "display_errors", "backlog", "tcp_keepidle", "tcp_keepinterval",
    "tcp_keepcount", "tcp_user_timeout", "buffer_high_watermark", "buffer_low_watermark",
    "kernel_socket_recv_buffer_size", "kernel_socket_send_buffer_size", "upload_tmp_dir", "document_root",
    "enable_static_handler", "static_handler_locations", "compression_min_level", "enable_preemptive_scheduler",
    "enable_deadlock_check", "exit_condition", "bind_address", "bind_port", "timeout", "connect_timeout",
    "read_timeout", "write_timeout", "max_concurrency",
};
// Option families 4.8 accepts by prefix (ssl_method, removed in 4.5.4, is not one).
const char *const kKnownPrefixes[] = {"open_", "ssl_", "http_", "http2_", "websocket_", "task_", "log_", "aio_", "socket_", "dns_"};

bool known_option(std::string_view key) {
    if (key == "ssl_method") return false;
    for (const char *name : kKnownOptions) {
        if (key == name) return true;
    }
    for (const char *prefix : kKnownPrefixes) {
        if (key.substr(0, strlen(prefix)) == prefix) return true;
    }
    return false;
}


int cpu_count() {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 1;
}

constexpr zend_long kSessionListSize = 1 << 20;  // 4.8's cap of max_connection
constexpr zend_long kDefaultMaxConn = 100000;
constexpr int kMaxReactorPerCpu = 4;

// The descriptor limit of this process (RLIMIT_NOFILE, soft).
zend_long max_sockets() {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return kSessionListSize;
    return static_cast<zend_long>(rl.rlim_cur);
}

// set(['max_conn' => n]): 0 means the default; above the session list size
// or the descriptor limit it is cut, with the warnings 4.8 logs.
void set_max_conn(ServerState &st, zend_long n) {
    st.max_conn_set = n > 0;
    if (n <= 0) n = std::min(kDefaultMaxConn, max_sockets());
    if (n > kSessionListSize) {
        n = kSessionListSize;
        SW_WARN("Server::set_max_connection(): max_connection is exceed the SW_SESSION_LIST_SIZE, it's reset to %ld",
                static_cast<long>(kSessionListSize));
    }
    zend_long limit = max_sockets();
    if (n > limit) {
        n = limit;
        SW_WARN("Server::set_max_connection(): max_connection is exceed the maximum value, it's reset to %ld",
                static_cast<long>(limit));
    }
    st.server->settings.max_conn = n;
}

// dispatch_func (PROCESS mode): runs on a master reactor thread while the
// kernel holds its dispatch mutex, so no other PHP code runs meanwhile. An
// exception is reported as a warning and the event dropped: a fatal error
// must not unwind a reactor thread.
int call_dispatch_func(void *ctx, kernel::Server &server, int64_t session, int event, std::string_view data) {
    auto &st = *static_cast<ServerState *>(ctx);
    zval args[4];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], session);
    ZVAL_LONG(&args[2], event);
    uint32_t argc = 3;
    if (st.dispatch_func_wants_data) {
        ZVAL_STRINGL_FAST(&args[3], data.data(), data.size());
        argc = 4;
    }
    zval retval;
    st.dispatch_func->call(&retval, argc, args);
    if (argc == 4) zval_ptr_dtor(&args[3]);
    if (EG(exception)) {
        zend_exception_error(EG(exception), E_WARNING);
        zend_clear_exception();
        zval_ptr_dtor(&retval);
        return -1;
    }
    zend_long target = zval_get_long(&retval);
    zval_ptr_dtor(&retval);
    if (target >= server.settings.worker_num) {
        php_error_docref(nullptr, E_WARNING, "invalid target worker-id[" ZEND_LONG_FMT "]", target);
        return -1;
    }
    return target < -3 ? -1 : static_cast<int>(target);
}

bool set_dispatch_func(ServerState &st, zval *value) {
    zend_fcall_info fci;
    zend_fcall_info_cache fcc;
    zend_string *name = nullptr;
    if (zend_fcall_info_init(value, 0, &fci, &fcc, &name, nullptr) != SUCCESS) {
        php_error_docref(nullptr, E_ERROR, "function '%s' is not callable", name ? ZSTR_VAL(name) : "unknown");
        if (name) zend_string_release(name);
        return false;
    }
    if (name) zend_string_release(name);
    st.dispatch_func = std::make_unique<Callable>(fci, fcc);
    st.dispatch_func_wants_data = fcc.function_handler && fcc.function_handler->common.num_args >= 4;
    kernel::ServerSettings &k = st.server->settings;
    k.dispatch_func = call_dispatch_func;
    k.dispatch_ctx = &st;
    k.dispatch_mode = 6;  // SWOOLE_DISPATCH_USERFUNC
    return true;
}

}  // namespace

void warn_unsupported_options(HashTable *settings) {
    zend_string *key;
    ZEND_HASH_FOREACH_STR_KEY(settings, key) {
        if (key && !known_option(std::string_view(ZSTR_VAL(key), ZSTR_LEN(key)))) {
            zend_error(E_USER_WARNING, "unsupported option [%s]", ZSTR_VAL(key));
        }
    }
    ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(Server, set) {
    HashTable *ht;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(ht)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_not_running(*st, "unable to execute Swoole\\Server->set")) RETURN_FALSE;
    warn_unsupported_options(ht);
    kernel::ServerSettings &k = st->server->settings;
    zend_long n;
    if (read_long(ht, "worker_num", n)) {
        int cpus = cpu_count();
        if (n <= 0) n = cpus;
        if (n > cpus * 1000) {
            php_error_docref(nullptr, E_WARNING, "worker_num cannot exceed %d", cpus * 1000);
            n = cpus * 1000;
        }
        k.worker_num = static_cast<int>(n);
    }
    if (read_long(ht, "max_request", n)) k.max_request = static_cast<int>(std::max<zend_long>(n, 0));
    if (read_long(ht, "max_conn", n) || read_long(ht, "max_connection", n)) set_max_conn(*st, n);
    if (read_long(ht, "heartbeat_check_interval", n)) {
        k.heartbeat_check_interval = static_cast<int>(std::max<zend_long>(n, 0));
    }
    if (read_long(ht, "buffer_output_size", n) || read_long(ht, "output_buffer_size", n)) {
        k.buffer_output_size = n > 0 ? static_cast<size_t>(n) : UINT32_MAX;
    }
    read_bool(ht, "enable_reuse_port", k.enable_reuse_port);
    read_bool(ht, "enable_delay_receive", k.enable_delay_receive);
    if (read_long(ht, "max_wait_time", n)) k.max_wait_time = static_cast<int>(std::max<zend_long>(n, 0));
    if (read_long(ht, "start_session_id", n)) k.start_session_id = std::max<zend_long>(n, 0);
    if (read_long(ht, "reactor_num", n)) k.reactor_num = static_cast<int>(std::max<zend_long>(n, 0));
    if (read_long(ht, "dispatch_mode", n)) {
        if (n < 1 || n > 9) {
            php_error_docref(nullptr, E_WARNING, "invalid dispatch_mode[" ZEND_LONG_FMT "]", n);
        } else {
            k.dispatch_mode = static_cast<int>(n);
        }
    }
    if (zval *v = setting_find(ht, "dispatch_func"); v && !set_dispatch_func(*st, v)) RETURN_FALSE;
    read_bool(ht, "enable_unsafe_event", k.enable_unsafe_event);
    read_bool(ht, "discard_timeout_request", k.discard_timeout_request);
    read_bool(ht, "enable_coroutine", st->enable_coroutine);
    // send_yield: on by default (it applies to coroutines only); 2/4 only.
    if (read_bool(ht, "send_yield", k.send_yield) && k.send_yield && k.dispatch_mode != 2 && k.dispatch_mode != 4) {
        php_error_docref(nullptr, E_WARNING, "'send_yield' option can only be set when using dispatch_mode=2/4");
        k.send_yield = false;
    }
    if (zval *v = setting_find(ht, "send_timeout")) k.send_timeout = std::max(0.0, zval_get_double(v));
    if (read_long(ht, "max_coroutine", n) || read_long(ht, "max_coro_num", n)) {
        kernel::Coroutine::set_max_count(n > 0 ? static_cast<size_t>(n) : 0);
    }
    // Recorded like Co::set's: applied when a worker starts its coroutines.
    if (read_long(ht, "hook_flags", st->hook_flags)) runtime::record_hook_flags(st->hook_flags);
    if (read_long(ht, "log_level", n)) kernel::Logger::instance().set_level(static_cast<int>(n));
    if (read_string(ht, "log_file", st->log_file) && !kernel::Logger::instance().set_file(st->log_file)) {
        php_error_docref(nullptr, E_WARNING, "open(%s) failed, Error: %s[%d]", st->log_file.c_str(), strerror(errno),
                         errno);
    }
    read_string(ht, "pid_file", st->pid_file);
    read_bool(ht, "daemonize", st->daemonize);
    read_string(ht, "user", st->user);
    read_string(ht, "group", st->group);
    read_string(ht, "chroot", st->chroot);
    if (!apply_task_settings(*st, ht)) RETURN_FALSE;
    PortState &primary = *port_of(Z_OBJ(st->ports[0]))->state;
    if (!port_apply_settings(primary, ht)) RETURN_FALSE;
    merge_setting(server_ce, Z_OBJ_P(ZEND_THIS), ht);
    merge_setting(server_port_ce, Z_OBJ(st->ports[0]), ht);
    RETURN_TRUE;
}

// start(): the limits that depend on several options (4.8 checks them when
// the server is created): max_conn must leave room for the workers' pipes and
// the listeners, reactor_num is cut at 4 x CPU and at worker_num.
void check_start_limits(ServerState &st) {
    kernel::ServerSettings &k = st.server->settings;
    zend_long limit = max_sockets();
    if (!st.max_conn_set) k.max_conn = std::min<zend_long>(kDefaultMaxConn, limit);
    int last_fd = st.server->ports().empty() ? 0 : st.server->ports().back()->fd();
    zend_long minimum = static_cast<zend_long>(k.worker_num + st.task_worker_num) * 2 + 32 + std::max(last_fd, 0);
    if (k.max_conn < minimum) {
        k.max_conn = limit;
        SW_WARN("Server::create(): max_connection must be bigger than %ld, it's reset to %ld", static_cast<long>(minimum),
                static_cast<long>(limit));
    }
    int max_reactor = cpu_count() * kMaxReactorPerCpu;
    if (k.reactor_num > max_reactor) {
        SW_WARN("Server::create(): serv->reactor_num == %d, Too many threads, reset to max value %d", k.reactor_num,
                max_reactor);
        k.reactor_num = max_reactor;
    }
    if (k.reactor_num > k.worker_num) k.reactor_num = k.worker_num;
}

bool apply_master_options(ServerState &st) {
    check_start_limits(st);
    if (st.daemonize) {
        if (::daemon(1, 1) != 0) {
            php_error_docref(nullptr, E_WARNING, "daemon() failed, Error: %s[%d]", strerror(errno), errno);
            return false;
        }
        // stdout/stderr go to the log file (or nowhere).
        const char *target = st.log_file.empty() ? "/dev/null" : st.log_file.c_str();
        int fd = ::open(target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
        if (fd >= 0) {
            ::dup2(fd, STDOUT_FILENO);
            ::dup2(fd, STDERR_FILENO);
            ::close(fd);
        }
        int null_fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (null_fd >= 0) {
            ::dup2(null_fd, STDIN_FILENO);
            ::close(null_fd);
        }
    }
    if (!st.pid_file.empty()) {
        int fd = ::open(st.pid_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            php_error_docref(nullptr, E_WARNING, "open(%s) failed, Error: %s[%d]", st.pid_file.c_str(),
                             strerror(errno), errno);
        } else {
            char buf[32];
            int len = snprintf(buf, sizeof buf, "%d", static_cast<int>(getpid()));
            ssize_t w = ::write(fd, buf, static_cast<size_t>(len));
            (void)w;
            ::close(fd);
        }
    }
    return true;
}

void remove_pid_file(ServerState &st) {
    if (!st.pid_file.empty()) ::unlink(st.pid_file.c_str());
}

void apply_worker_options(ServerState &st) {
    if (geteuid() != 0) return;  // only root can change identity
    gid_t gid = 0;
    uid_t uid = 0;
    bool has_group = false, has_user = false;
    if (!st.group.empty()) {
        if (struct group *g = ::getgrnam(st.group.c_str())) {
            gid = g->gr_gid;
            has_group = true;
        } else {
            SW_WARN("unknown group [%s]", st.group.c_str());
        }
    }
    if (!st.user.empty()) {
        if (struct passwd *p = ::getpwnam(st.user.c_str())) {
            uid = p->pw_uid;
            has_user = true;
        } else {
            SW_WARN("unknown user [%s]", st.user.c_str());
        }
    }
    if (!st.chroot.empty() && (::chroot(st.chroot.c_str()) != 0 || ::chdir("/") != 0)) {
        SW_WARN("chroot(%s) failed, Error: %s[%d]", st.chroot.c_str(), strerror(errno), errno);
    }
    if (has_group && ::setgid(gid) != 0) SW_WARN("setgid(%d) failed, Error: %s[%d]", gid, strerror(errno), errno);
    if (has_user && ::setuid(uid) != 0) SW_WARN("setuid(%d) failed, Error: %s[%d]", uid, strerror(errno), errno);
}

}  // namespace swoole::php
