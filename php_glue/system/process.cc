// System::exec, wait, waitPid, waitSignal, waitEvent: child processes and
// signals through the kernel's ChildWatcher / wait_signal, fds through
// Coroutine::wait_fd.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "aio/child.h"
#include "base/error.h"
#include "coroutine/php_coroutine.h"
#include "reactor/reactor.h"
#include "system/system.h"

extern "C" {
// The header declares the Socket object's layout only when built into PHP's
// own tree; the layout is what we need (no symbol of ext/sockets is used).
#ifndef HAVE_SOCKETS
#define HAVE_SOCKETS 1
#endif
#include "ext/sockets/php_sockets.h"
#include "zend_smart_str.h"
}

extern char **environ;

namespace swoole::php {

using kernel::ChildExit;
using kernel::ChildWatcher;
using kernel::Coroutine;
using kernel::WaitResult;

namespace {

// Spawns /bin/sh -c cmd with stdout (and stderr) on a pipe; -1 on failure.
pid_t spawn_shell(const char *cmd, bool with_stderr, int *read_fd) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return -1;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    if (with_stderr) posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // The shell starts as from a fresh process: no signal blocked, and the
    // signals PHP ignores (SIGPIPE) back to their defaults.
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    char sh[] = "sh", dash_c[] = "-c";
    char *argv[] = {sh, dash_c, const_cast<char *>(cmd), nullptr};
    pid_t pid = -1;
    int rc = posix_spawn(&pid, "/bin/sh", &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    ::close(fds[1]);
    if (rc != 0) {
        ::close(fds[0]);
        errno = rc;
        return -1;
    }
    *read_fd = fds[0];
    return pid;
}

void return_child_exit(zval *return_value, const ChildExit &exit) {
    array_init_size(return_value, 3);
    add_assoc_long(return_value, "pid", exit.pid);
    add_assoc_long(return_value, "code", exit.code);
    add_assoc_long(return_value, "signal", exit.signal);
}

void wait_child(zval *return_value, pid_t pid, double timeout) {
    ChildExit exit;
    WaitResult r = ChildWatcher::wait(pid, timeout, exit);
    if (r == WaitResult::ready) {
        return_child_exit(return_value, exit);
        return;
    }
    system_wait_failed(r);
    RETURN_FALSE;
}

// The fd behind a stream or socket resource, an ext/sockets Socket, an object
// with an int fd property (Swoole\Coroutine\Socket, clients), or an int.
int fd_of(zval *zv) {
    switch (Z_TYPE_P(zv)) {
        case IS_LONG:
            return Z_LVAL_P(zv) < 0 ? -1 : static_cast<int>(Z_LVAL_P(zv));
        case IS_RESOURCE: {
            php_stream *stream = static_cast<php_stream *>(
                zend_fetch_resource2_ex(zv, nullptr, php_file_le_stream(), php_file_le_pstream()));
            if (!stream) return -1;
            int fd = -1;
            if (php_stream_cast(stream, PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL,
                                reinterpret_cast<void **>(&fd), 0) != SUCCESS) {
                return -1;
            }
            return fd;
        }
        case IS_OBJECT: {
            zend_object *obj = Z_OBJ_P(zv);
            if (zend_string_equals_literal_ci(obj->ce->name, "Socket")) {
                return socket_from_obj(obj)->bsd_socket;
            }
            zval rv;
            zval *fd = zend_read_property(obj->ce, obj, ZEND_STRL("fd"), 1, &rv);
            if (fd && Z_TYPE_P(fd) == IS_LONG) return static_cast<int>(Z_LVAL_P(fd));
            return -1;
        }
        default:
            return -1;
    }
}

// Whether epoll accepts fd (it refuses regular files and devices without poll support).
bool pollable(int fd) {
    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) return true;
    epoll_event ev{};
    ev.events = EPOLLIN;
    bool ok = epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0;
    ::close(ep);
    return ok;
}

}  // namespace

ZEND_METHOD(System, exec) {
    zend_string *cmd;
    bool get_error_stream = false;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_STR(cmd)
    Z_PARAM_OPTIONAL
    Z_PARAM_BOOL(get_error_stream)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    if (kernel::signal_has_listener(SIGCHLD)) {
        php_error_docref(nullptr, E_WARNING, "The signal [SIGCHLD] is registered, cannot execute swoole_coroutine_exec");
        RETURN_FALSE;
    }
    int fd = -1;
    pid_t pid = spawn_shell(ZSTR_VAL(cmd), get_error_stream, &fd);
    if (pid < 0) {
        php_error_docref(nullptr, E_WARNING, "Unable to execute '%s'", ZSTR_VAL(cmd));
        RETURN_FALSE;
    }
    ChildWatcher::reserve(pid);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);

    smart_str output = {};
    WaitResult r = WaitResult::ready;
    for (;;) {
        smart_str_alloc(&output, 8192, 0);
        ssize_t n = ::read(fd, ZSTR_VAL(output.s) + ZSTR_LEN(output.s), 8192);
        if (n > 0) {
            ZSTR_LEN(output.s) += n;
            continue;
        }
        if (n == 0) break;
        if (errno == EINTR) continue;
        if (errno != EAGAIN) break;
        r = Coroutine::wait_fd(fd, kernel::kEventRead, -1);
        if (r != WaitResult::ready) break;
    }
    ::close(fd);
    if (r != WaitResult::ready) {
        ChildWatcher::abandon(pid);
        smart_str_free(&output);
        system_wait_failed(r);
        RETURN_FALSE;
    }
    ChildExit exit;
    r = ChildWatcher::wait(pid, -1, exit);
    if (r != WaitResult::ready) {
        if (r != WaitResult::error) ChildWatcher::abandon(pid);
        smart_str_free(&output);
        system_wait_failed(r);
        RETURN_FALSE;
    }
    array_init_size(return_value, 3);
    add_assoc_long(return_value, "code", exit.code);
    add_assoc_long(return_value, "signal", exit.signal);
    if (output.s) {
        add_assoc_str(return_value, "output", smart_str_extract(&output));
    } else {
        add_assoc_stringl(return_value, "output", "", 0);
    }
}

ZEND_METHOD(System, wait) {
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    wait_child(return_value, -1, timeout);
}

ZEND_METHOD(System, waitPid) {
    zend_long pid;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_LONG(pid)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    wait_child(return_value, pid > 0 ? static_cast<pid_t>(pid) : -1, timeout);
}

ZEND_METHOD(System, waitSignal) {
    zend_long signo;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_LONG(signo)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    if (signo <= 0 || signo >= NSIG || signo == SIGKILL || signo == SIGSTOP) {
        php_error_docref(nullptr, E_WARNING, "Invalid signal [" ZEND_LONG_FMT "]", signo);
        errno = EINVAL;
        RETURN_FALSE;
    }
    int sig = static_cast<int>(signo);
    if (kernel::signal_waited(sig)) {
        php_error_docref(nullptr, E_WARNING, "Signal can only be monitored by one coroutine");
        errno = EBUSY;
        RETURN_FALSE;
    }
    if (kernel::signal_has_listener(sig)) {
        php_error_docref(nullptr, E_WARNING, "Unable to wait signal, async signal listener has been registered");
        errno = EBUSY;
        RETURN_FALSE;
    }
    WaitResult r = kernel::wait_signal(sig, timeout);
    if (r == WaitResult::ready) RETURN_TRUE;
    system_wait_failed(r);
    RETURN_FALSE;
}

ZEND_METHOD(System, waitEvent) {
    zval *socket;
    zend_long events = kernel::kEventRead;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 3)
    Z_PARAM_ZVAL(socket)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(events)
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    int fd = fd_of(socket);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "fd must be a stream or socket resource, a Socket object or an int");
        errno = EBADF;
        RETURN_FALSE;
    }
    int wanted = static_cast<int>(events) & (kernel::kEventRead | kernel::kEventWrite);
    if (wanted == 0) {
        php_error_docref(nullptr, E_WARNING, "events must be SWOOLE_EVENT_READ and/or SWOOLE_EVENT_WRITE");
        errno = EINVAL;
        RETURN_FALSE;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0) {
        errno = EBADF;
        kernel::set_last_error(EBADF);
        RETURN_FALSE;
    }
    // Files that the loop cannot poll (regular files, directories, some
    // devices) are always ready, as poll(2) reports them.
    if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode) && !pollable(fd)) RETURN_LONG(wanted);
    WaitResult r = Coroutine::wait_fd(fd, wanted, timeout < 0 ? -1 : timeout);
    if (r != WaitResult::ready) {
        if (r == WaitResult::error) errno = EBADF;
        system_wait_failed(r);
        RETURN_FALSE;
    }
    // Which of the wanted events are ready now.
    pollfd p{fd, 0, 0};
    if (wanted & kernel::kEventRead) p.events |= POLLIN;
    if (wanted & kernel::kEventWrite) p.events |= POLLOUT;
    int ready = 0;
    if (::poll(&p, 1, 0) > 0) {
        if ((wanted & kernel::kEventRead) && (p.revents & (POLLIN | POLLHUP | POLLERR))) ready |= kernel::kEventRead;
        if ((wanted & kernel::kEventWrite) && (p.revents & (POLLOUT | POLLERR))) ready |= kernel::kEventWrite;
    }
    RETURN_LONG(ready ? ready : wanted);
}

}  // namespace swoole::php
