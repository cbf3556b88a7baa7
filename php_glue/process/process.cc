// Swoole\Process: construction, start (fork), the pipe (read/write/close,
// timeouts, exportSocket), exec, name, exit, priorities. The SysV queue lives
// in queue.cc, the static helpers in process_static.cc, signals in signal.cc.
#include "process/php_process.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "aio/aio.h"
#include "base/error.h"
#include "socket/php_socket.h"
#include "socket/socket.h"

extern "C" {
#include "SAPI.h"
#include "zend_exceptions.h"
#include "main/php_output.h"
}

namespace swoole::php {

zend_class_entry *process_ce = nullptr;

namespace {

zend_object_handlers process_handlers;
constexpr size_t kDefaultRead = 8192;
constexpr size_t kMaxRead = 65536;

ProcessState *state_of(zval *self) {
    ProcessState *st = process_of(Z_OBJ_P(self))->state;
    if (UNEXPECTED(!st)) {
        php_error_docref(nullptr, E_ERROR, "you must call Process constructor first");
    }
    return st;
}

void update_long(zval *self, const char *name, zend_long value) {
    zend_update_property_long(process_ce, Z_OBJ_P(self), name, strlen(name), value);
}

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<ProcessObject *>(zend_object_alloc(sizeof(ProcessObject), ce));
    obj->state = nullptr;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &process_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    ProcessObject *obj = process_of(object);
    if (ProcessState *st = obj->state) {
        zval_ptr_dtor(&st->exported);
        delete st;
        obj->state = nullptr;
    }
    zend_object_std_dtor(object);
}

ProcessState *new_state(zend_object *object) {
    auto *st = new ProcessState();
    ZVAL_UNDEF(&st->exported);
    process_of(object)->state = st;
    return st;
}

// The pipe end in use, or -1 after the warning "no pipe, cannot <what>".
int pipe_or_warn(ProcessState *st, const char *what) {
    if (st->fd < 0) php_error_docref(nullptr, E_WARNING, "no pipe, cannot %s", what);
    return st->fd;
}

// Must be forked outside any coroutine: the uncatchable Swoole\Error.
void refuse_inside_coroutine() {
    zend_throw_exception(swoole_error_ce, "must be forked outside the coroutine", 0);
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
}

// The child side of start(): set up, run the callback, end the process.
void run_child(zval *self, ProcessState *st) {
    process_child_reset();
    // A socket exported before start() wraps the parent's end.
    zval_ptr_dtor(&st->exported);
    ZVAL_UNDEF(&st->exported);
    st->pid = getpid();
    update_long(self, "pid", st->pid);
    if (st->pipe.is_open()) {
        st->fd = st->pipe.fd(kernel::UnixPipe::worker);
        update_long(self, "pipe", st->fd);
        if (st->redirect_stdio) {
            for (int target : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) ::dup2(st->fd, target);
        }
    }
    zval arg;
    ZVAL_COPY(&arg, self);
    if (st->enable_coroutine) {
        zend_fcall_info_cache fcc = st->callback->fcc();
        PhpCoroutine::create(&fcc, 1, &arg);
        if (!EG(exception)) PhpCoroutine::run_loop();
    } else {
        zval retval;
        st->callback->call(&retval, 1, &arg);
        zval_ptr_dtor(&retval);
    }
    zval_ptr_dtor(&arg);
    process_child_finish(0);
}

}  // namespace

void process_child_finish(int status) {
    if (EG(exception)) {
        if (zend_is_unwind_exit(EG(exception))) return;  // exit() in the callback: it decides the status
        zend_exception_error(EG(exception), E_ERROR);      // reported as uncaught, exit status 255
        zend_bailout();
    }
    EG(exit_status) = status;
    zend_throw_unwind_exit();
}

void process_make_borrowed(zval *out, pid_t pid, int id, int fd, int pipe_type) {
    object_init_ex(out, process_ce);
    ProcessState *st = new_state(Z_OBJ_P(out));
    st->pid = pid;
    st->fd = fd;
    st->pipe_type = fd >= 0 ? pipe_type : 0;
    if (pid > 0) update_long(out, "pid", pid);
    update_long(out, "id", id);
    if (fd >= 0) update_long(out, "pipe", fd);
}

// ---- methods ----

ZEND_METHOD(Process, __construct) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    bool redirect = false, enable_coroutine = false;
    zend_long pipe_type = SOCK_DGRAM;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_FUNC(fci, fcc)
        Z_PARAM_OPTIONAL
        Z_PARAM_BOOL(redirect)
        Z_PARAM_LONG(pipe_type)
        Z_PARAM_BOOL(enable_coroutine)
    ZEND_PARSE_PARAMETERS_END();
    if (strcmp(sapi_module.name, "cli") != 0) {
        php_error_docref(nullptr, E_ERROR, "%s can only be used in PHP CLI mode", ZSTR_VAL(process_ce->name));
        RETURN_THROWS();
    }
    if (process_of(Z_OBJ_P(ZEND_THIS))->state) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once", ZSTR_VAL(process_ce->name));
        RETURN_THROWS();
    }
    if (kernel::Aio::worker_count() > 0) {
        php_error_docref(nullptr, E_ERROR, "unable to create %s with async-io threads", ZSTR_VAL(process_ce->name));
        RETURN_THROWS();
    }
    if (redirect) pipe_type = SOCK_STREAM;
    if (pipe_type != 0 && pipe_type != SOCK_STREAM) pipe_type = SOCK_DGRAM;
    ProcessState *st = new_state(Z_OBJ_P(ZEND_THIS));
    st->callback = std::make_unique<Callable>(fci, fcc);
    st->redirect_stdio = redirect;
    st->enable_coroutine = enable_coroutine;
    st->pipe_type = static_cast<int>(pipe_type);
    if (pipe_type != 0) {
        if (!st->pipe.open(static_cast<int>(pipe_type))) {
            zend_throw_exception(swoole_exception_ce, "failed to create unix soccket", errno);
            RETURN_THROWS();
        }
        st->fd = st->pipe.fd(kernel::UnixPipe::master);
        update_long(ZEND_THIS, "pipe", st->fd);
    }
    zend_update_property(process_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("callback"), st->callback->value());
}

ZEND_METHOD(Process, start) {
    ZEND_PARSE_PARAMETERS_NONE();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (PhpCoroutine::inside()) refuse_inside_coroutine();
    if (!st->callback) RETURN_FALSE;
    if (st->pid > 0 && st->pid != getpid() && ::kill(st->pid, 0) == 0) {
        php_error_docref(nullptr, E_WARNING, "process has already been started");
        RETURN_FALSE;
    }
    // What PHP buffered must not be written twice (once by each process).
    fflush(nullptr);
    pid_t pid = ::fork();
    if (pid < 0) {
        php_error_docref(nullptr, E_WARNING, "fork() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    if (pid == 0) {
        run_child(ZEND_THIS, st);
        return;
    }
    st->pid = pid;
    update_long(ZEND_THIS, "pid", pid);
    RETURN_LONG(pid);
}

ZEND_METHOD(Process, set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (zval *v = zend_hash_str_find(settings, ZEND_STRL("enable_coroutine"))) st->enable_coroutine = zend_is_true(v);
}

ZEND_METHOD(Process, name) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    zval fn, arg;
    ZVAL_STRING(&fn, "swoole_set_process_name");
    ZVAL_STR_COPY(&arg, name);
    call_user_function(nullptr, nullptr, &fn, return_value, 1, &arg);
    zval_ptr_dtor(&fn);
    zval_ptr_dtor(&arg);
}

ZEND_METHOD(Process, exec) {
    zend_string *path;
    HashTable *args;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(path)
        Z_PARAM_ARRAY_HT(args)
    ZEND_PARSE_PARAMETERS_END();
    if (ZSTR_LEN(path) == 0) {
        php_error_docref(nullptr, E_WARNING, "exec file name is empty");
        RETURN_FALSE;
    }
    std::vector<zend_string *> strings;
    std::vector<char *> argv;
    argv.push_back(ZSTR_VAL(path));
    zval *value;
    ZEND_HASH_FOREACH_VAL(args, value) {
        zend_string *s = zval_get_string(value);
        strings.push_back(s);
        argv.push_back(ZSTR_VAL(s));
    } ZEND_HASH_FOREACH_END();
    argv.push_back(nullptr);
    fflush(nullptr);
    ::execv(ZSTR_VAL(path), argv.data());
    int err = errno;
    for (zend_string *s : strings) zend_string_release(s);
    php_error_docref(nullptr, E_WARNING, "execv(%s) failed, Error: %s[%d]", ZSTR_VAL(path), strerror(err), err);
    RETURN_FALSE;
}

ZEND_METHOD(Process, write) {
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (ZSTR_LEN(data) == 0) {
        php_error_docref(nullptr, E_WARNING, "the data to send is empty");
        RETURN_FALSE;
    }
    int fd = pipe_or_warn(st, "write into pipe");
    if (fd < 0) RETURN_FALSE;
    if (!st->blocking && PhpCoroutine::has_reactor()) {
        // Inside a loop a non-blocking pipe never says EAGAIN: the rest waits in the queue.
        if (!st->writer) st->writer = std::make_unique<PipeWriter>(fd, st->pipe_type == SOCK_DGRAM);
        if (st->writer->write(ZSTR_VAL(data), ZSTR_LEN(data))) RETURN_LONG(ZSTR_LEN(data));
        php_error_docref(nullptr, E_WARNING, "write() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    ssize_t n = kernel::pipe_write(fd, ZSTR_VAL(data), ZSTR_LEN(data), st->blocking, st->timeout);
    if (n < 0) {
        if (errno != EINTR) {
            php_error_docref(nullptr, E_WARNING, "write() failed, Error: %s[%d]", strerror(errno), errno);
        }
        RETURN_FALSE;
    }
    RETURN_LONG(n);
}

ZEND_METHOD(Process, read) {
    zend_long size = kDefaultRead;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(size)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    int fd = pipe_or_warn(st, "read from pipe");
    if (fd < 0) RETURN_FALSE;
    size_t want = size <= 0 ? kDefaultRead : size > static_cast<zend_long>(kMaxRead) ? kMaxRead : size_t(size);
    zend_string *buf = zend_string_alloc(want, 0);
    ssize_t n = kernel::pipe_read(fd, ZSTR_VAL(buf), want, st->blocking, st->timeout);
    if (n < 0) {
        int err = errno;
        zend_string_efree(buf);
        if (err != EINTR) php_error_docref(nullptr, E_WARNING, "read() failed, Error: %s[%d]", strerror(err), err);
        errno = err;
        RETURN_FALSE;
    }
    if (static_cast<size_t>(n) < want / 2) buf = zend_string_truncate(buf, n, 0);
    ZSTR_LEN(buf) = n;
    ZSTR_VAL(buf)[n] = '\0';
    RETURN_NEW_STR(buf);
}

ZEND_METHOD(Process, setTimeout) {
    double seconds;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_DOUBLE(seconds)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st || pipe_or_warn(st, "setTimeout the pipe") < 0) RETURN_FALSE;
    st->timeout = seconds;
    RETURN_TRUE;
}

ZEND_METHOD(Process, setBlocking) {
    bool blocking;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_BOOL(blocking)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    int fd = pipe_or_warn(st, "setBlocking the pipe");
    if (fd < 0) RETURN_FALSE;
    st->blocking = blocking;
    int flags = fcntl(fd, F_GETFL);
    fcntl(fd, F_SETFL, blocking ? (flags & ~O_NONBLOCK) : (flags | O_NONBLOCK));
}

ZEND_METHOD(Process, close) {
    zend_long which = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(which)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (pipe_or_warn(st, "close the pipe") < 0) RETURN_FALSE;
    if (which != kPipeRead) st->writer.reset();  // queued writes cannot go out any more
    switch (which) {
    case kPipeRead:
        RETURN_BOOL(::shutdown(st->fd, SHUT_RD) == 0);
    case kPipeWrite:
        RETURN_BOOL(::shutdown(st->fd, SHUT_WR) == 0);
    case kPipeMaster:
    case kPipeWorker: {
        auto end = which == kPipeMaster ? kernel::UnixPipe::master : kernel::UnixPipe::worker;
        if (!st->pipe.is_open() || st->pipe.fd(end) < 0) RETURN_FALSE;
        if (st->fd == st->pipe.fd(end)) st->fd = -1;
        st->pipe.close(end);
        RETURN_TRUE;
    }
    default:
        if (st->pipe.is_open()) {
            st->pipe.close_all();
        } else {
            ::close(st->fd);  // a borrowed end: closed for this process only
        }
        st->fd = -1;
        RETURN_TRUE;
    }
}

ZEND_METHOD(Process, exit) {
    zend_long status = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(status)
    ZEND_PARSE_PARAMETERS_END();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (st->pid != getpid()) {
        php_error_docref(nullptr, E_WARNING, "not current process");
        RETURN_FALSE;
    }
    if (status < 0 || status > 255) {
        php_error_docref(nullptr, E_WARNING, "exit ret_code range is [>0 and <255]");
        status = 1;
    }
    // No PHP shutdown: only what PHP holds in its output buffers goes out.
    php_output_end_all();
    fflush(nullptr);
    _exit(static_cast<int>(status));
}

ZEND_METHOD(Process, exportSocket) {
    ZEND_PARSE_PARAMETERS_NONE();
    ProcessState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (!Z_ISUNDEF(st->exported)) RETURN_COPY(&st->exported);
    if (st->fd < 0) {
        php_error_docref(nullptr, E_WARNING, "no pipe, cannot export stream");
        RETURN_FALSE;
    }
    // Its own descriptor of the same pipe end: the socket object closes it.
    int fd = ::dup(st->fd);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "dup() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    int type = st->pipe_type ? st->pipe_type : SOCK_DGRAM;
    wrap_socket(&st->exported, std::make_unique<kernel::Socket>(fd, AF_UNIX, type, 0), nullptr);
    RETURN_COPY(&st->exported);
}

ZEND_METHOD(Process, setPriority) {
    zend_long which, priority;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(which)
        Z_PARAM_LONG(priority)
    ZEND_PARSE_PARAMETERS_END();
    if (::setpriority(static_cast<int>(which), 0, static_cast<int>(priority)) != 0) {
        php_error_docref(nullptr, E_WARNING, "setpriority() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

ZEND_METHOD(Process, getPriority) {
    zend_long which;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(which)
    ZEND_PARSE_PARAMETERS_END();
    errno = 0;
    int prio = ::getpriority(static_cast<int>(which), 0);
    if (prio == -1 && errno != 0) {
        php_error_docref(nullptr, E_WARNING, "getpriority() failed, Error: %s[%d]", strerror(errno), errno);
        RETURN_FALSE;
    }
    RETURN_LONG(prio);
}

void process_init_handlers() {
    memcpy(&process_handlers, &std_object_handlers, sizeof process_handlers);
    process_handlers.offset = XtOffsetOf(ProcessObject, std);
    process_handlers.free_obj = free_object;
    process_handlers.clone_obj = nullptr;
}

zend_object *process_create_object(zend_class_entry *ce) { return create_object(ce); }

}  // namespace swoole::php
