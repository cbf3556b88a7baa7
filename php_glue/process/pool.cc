// Swoole\Process\Pool (spec process-memory.md §2): a master that forks
// worker_num workers through kernel::ProcessManager and keeps them running.
// A worker runs onWorkerStart, then (by ipc type) reads messages from its own
// pipe, from the SysV queue, or from connections on the pool's listening
// socket (4-byte big-endian length + body, one request per connection), calls
// onMessage for each, and finally onWorkerStop.
#include "process/php_process.h"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "process/listener.h"
#include "process/process_manager.h"

extern "C" {
#include "SAPI.h"
#include "zend_exceptions.h"
}

namespace swoole::php {

zend_class_entry *pool_ce = nullptr;

namespace {

constexpr size_t kMaxPacket = 2 * 1024 * 1024;  // longest request body in socket mode
constexpr size_t kMessageBuffer = 65536;

struct PoolState {
    int worker_num = 0;
    int ipc_type = kIpcNone;
    key_t msgqueue_key = 0;
    bool enable_coroutine = false;
    std::unique_ptr<Callable> on_worker_start, on_worker_stop, on_message, on_start, on_shutdown;
    std::unique_ptr<kernel::ProcessManager> manager;
    std::vector<std::unique_ptr<kernel::UnixPipe>> pipes;  // ipc UNIXSOCK: one per worker
    std::unique_ptr<kernel::MsgQueue> queue;
    int listen_fd = -1;
    bool started = false;     // start() is running (master) or this is a worker
    pid_t master_pid = -1;
    int worker_id = -1;       // in a worker
    bool worker_running = false;
    bool in_message = false;  // socket mode: inside onMessage, write() appends to reply
    std::string reply;
};

struct PoolObject {
    PoolState *state;
    zend_object std;
};

zend_object_handlers pool_handlers;

PoolObject *pool_of(zend_object *obj) {
    return reinterpret_cast<PoolObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(PoolObject, std));
}

PoolState *state_of(zval *self) {
    PoolState *st = pool_of(Z_OBJ_P(self))->state;
    if (UNEXPECTED(!st)) php_error_docref(nullptr, E_ERROR, "you must call Process\\Pool constructor first");
    return st;
}

void close_ipc(PoolState *st) {
    st->pipes.clear();
    if (st->queue) {
        // A private queue (key 0) belongs to this pool only.
        if (st->msgqueue_key == 0) st->queue->destroy();
        st->queue.reset();
    }
    if (st->listen_fd >= 0) ::close(st->listen_fd);
    st->listen_fd = -1;
}

zend_object *create_object(zend_class_entry *ce) {
    auto *obj = static_cast<PoolObject *>(zend_object_alloc(sizeof(PoolObject), ce));
    obj->state = nullptr;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &pool_handlers;
    return &obj->std;
}

void free_object(zend_object *object) {
    PoolObject *obj = pool_of(object);
    if (PoolState *st = obj->state) {
        if (st->worker_id < 0) close_ipc(st);
        else st->pipes.clear();
        delete st;
        obj->state = nullptr;
    }
    zend_object_std_dtor(object);
}

// Calls a pool callback with (pool[, extra]); false when it threw.
bool call(Callable *fn, zval *self, zval *extra) {
    if (!fn) return true;
    zval args[2];
    ZVAL_COPY_VALUE(&args[0], self);
    uint32_t argc = 1;
    if (extra) {
        ZVAL_COPY_VALUE(&args[1], extra);
        argc = 2;
    }
    zval retval;
    fn->call(&retval, argc, args);
    zval_ptr_dtor(&retval);
    return !EG(exception);
}

bool on_message(PoolState *st, zval *self, const char *data, size_t n) {
    zval message;
    ZVAL_STRINGL(&message, data, n);
    bool ok = call(st->on_message.get(), self, &message);
    zval_ptr_dtor(&message);
    return ok;
}

bool read_exact(int fd, char *buf, size_t n) {
    while (n > 0) {
        ssize_t r = ::recv(fd, buf, n, 0);
        if (r > 0) {
            buf += r;
            n -= static_cast<size_t>(r);
        } else if (r < 0 && errno == EINTR) {
            continue;
        } else {
            return false;
        }
    }
    return true;
}

void write_all(int fd, const char *buf, size_t n) {
    while (n > 0) {
        ssize_t r = ::send(fd, buf, n, MSG_NOSIGNAL);
        if (r > 0) {
            buf += r;
            n -= static_cast<size_t>(r);
        } else if (r < 0 && errno == EINTR) {
            continue;
        } else {
            return;
        }
    }
}

// One connection of socket mode: request, onMessage, framed reply, close.
bool serve_connection(PoolState *st, zval *self, int conn) {
    uint32_t header;
    bool ok = true;
    if (read_exact(conn, reinterpret_cast<char *>(&header), sizeof header)) {
        size_t length = ntohl(header);
        if (length > 0 && length <= kMaxPacket) {
            std::string body(length, '\0');
            if (read_exact(conn, body.data(), length)) {
                st->reply.clear();
                st->in_message = true;
                ok = on_message(st, self, body.data(), body.size());
                st->in_message = false;
                uint32_t reply_length = htonl(static_cast<uint32_t>(st->reply.size()));
                if (ok && !st->reply.empty()) {
                    write_all(conn, reinterpret_cast<const char *>(&reply_length), sizeof reply_length);
                    write_all(conn, st->reply.data(), st->reply.size());
                }
                st->reply.clear();
            }
        }
    }
    ::close(conn);
    return ok;
}

// The message loop of a worker, until stop() or a failure.
void message_loop(PoolState *st, zval *self) {
    std::vector<char> buf(kMessageBuffer);
    while (st->worker_running) {
        ssize_t n = -1;
        if (st->ipc_type == kIpcUnixSock) {
            int fd = st->pipes[st->worker_id]->fd(kernel::UnixPipe::worker);
            n = kernel::pipe_read(fd, buf.data(), buf.size(), true, -1);
        } else if (st->ipc_type == kIpcMsgQueue) {
            n = st->queue->pop(0, buf.data(), buf.size());
        } else if (st->ipc_type == kIpcSocket) {
            int conn = ::accept4(st->listen_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (conn < 0) {
                if (errno == EINTR || errno == ECONNABORTED) continue;
                break;
            }
            if (!serve_connection(st, self, conn)) return;
            continue;
        }
        if (n < 0) {
            if (errno == EINTR || errno == E2BIG) continue;
            break;
        }
        if (!on_message(st, self, buf.data(), static_cast<size_t>(n))) return;
    }
}

// A newly forked worker: never returns to the master's code.
void run_worker(zval *self, PoolState *st, int worker_id) {
    process_child_reset();
    st->worker_id = worker_id;
    st->worker_running = true;
    zval id;
    ZVAL_LONG(&id, worker_id);
    if (st->enable_coroutine) {
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], self);
        ZVAL_LONG(&args[1], worker_id);
        zend_fcall_info_cache fcc = st->on_worker_start->fcc();
        PhpCoroutine::create(&fcc, 2, args);
        if (!EG(exception)) PhpCoroutine::run_loop();
    } else if (call(st->on_worker_start.get(), self, &id) && st->ipc_type != kIpcNone) {
        message_loop(st, self);
    }
    if (!EG(exception)) call(st->on_worker_stop.get(), self, &id);
    process_child_finish(0);
}

void set_workers_property(zval *self, bool to_array) {
    zval value;
    if (to_array) {
        array_init(&value);
    } else {
        ZVAL_NULL(&value);
    }
    zend_update_property(pool_ce, Z_OBJ_P(self), ZEND_STRL("workers"), &value);
    zval_ptr_dtor(&value);
}

bool prepare_ipc(PoolState *st) {
    if (st->ipc_type == kIpcUnixSock) {
        for (int i = 0; i < st->worker_num; ++i) {
            auto pipe = std::make_unique<kernel::UnixPipe>();
            if (!pipe->open(SOCK_DGRAM)) return false;
            st->pipes.push_back(std::move(pipe));
        }
    } else if (st->ipc_type == kIpcMsgQueue) {
        st->queue = std::make_unique<kernel::MsgQueue>();
        if (!st->queue->open(st->msgqueue_key)) return false;
    }
    return true;
}

}  // namespace

ZEND_METHOD(Pool, __construct) {
    zend_long worker_num, ipc_type = kIpcNone, msgqueue_key = 0;
    bool enable_coroutine = false;
    ZEND_PARSE_PARAMETERS_START(1, 4)
        Z_PARAM_LONG(worker_num)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(ipc_type)
        Z_PARAM_LONG(msgqueue_key)
        Z_PARAM_BOOL(enable_coroutine)
    ZEND_PARSE_PARAMETERS_END();
    if (strcmp(sapi_module.name, "cli") != 0) {
        php_error_docref(nullptr, E_ERROR, "%s can only be used in PHP CLI mode", ZSTR_VAL(pool_ce->name));
        RETURN_THROWS();
    }
    if (worker_num <= 0) {
        zend_throw_exception(swoole_exception_ce, "invalid worker_num", 0);
        RETURN_THROWS();
    }
    if (ipc_type < kIpcNone || ipc_type > kIpcSocket) {
        zend_throw_exception(swoole_exception_ce, "failed to create process pool", 0);
        RETURN_THROWS();
    }
    if (pool_of(Z_OBJ_P(ZEND_THIS))->state) {
        php_error_docref(nullptr, E_ERROR, "Constructor of %s can only be called once", ZSTR_VAL(pool_ce->name));
        RETURN_THROWS();
    }
    if (enable_coroutine && (ipc_type == kIpcMsgQueue || ipc_type == kIpcSocket)) {
        php_error_docref(nullptr, E_NOTICE,
                         "%s object's ipc_type will be reset to SWOOLE_IPC_UNIXSOCK after enable coroutine",
                         ZSTR_VAL(pool_ce->name));
        ipc_type = kIpcUnixSock;
    }
    auto *st = new PoolState();
    st->worker_num = static_cast<int>(worker_num);
    st->ipc_type = static_cast<int>(ipc_type);
    st->msgqueue_key = static_cast<key_t>(msgqueue_key);
    st->enable_coroutine = enable_coroutine;
    pool_of(Z_OBJ_P(ZEND_THIS))->state = st;
}

ZEND_METHOD(Pool, set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (zval *v = zend_hash_str_find(settings, ZEND_STRL("enable_coroutine"))) {
        st->enable_coroutine = zend_is_true(v);
        if (st->enable_coroutine && (st->ipc_type == kIpcMsgQueue || st->ipc_type == kIpcSocket)) {
            st->ipc_type = kIpcUnixSock;
        }
    }
}

ZEND_METHOD(Pool, on) {
    zend_string *name;
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_STR(name)
        Z_PARAM_FUNC(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (st->started) {
        php_error_docref(nullptr, E_WARNING, "process pool is started. unable to set event callback now");
        RETURN_FALSE;
    }
    std::unique_ptr<Callable> *slot = nullptr;
    if (zend_string_equals_literal_ci(name, "WorkerStart")) {
        slot = &st->on_worker_start;
    } else if (zend_string_equals_literal_ci(name, "WorkerStop")) {
        slot = &st->on_worker_stop;
    } else if (zend_string_equals_literal_ci(name, "Message")) {
        if (st->enable_coroutine) {
            php_error_docref(nullptr, E_NOTICE, "cannot set onMessage event with enable_coroutine");
            RETURN_FALSE;
        }
        if (st->ipc_type == kIpcNone) {
            php_error_docref(nullptr, E_WARNING, "cannot set onMessage event with ipc_type=0");
            RETURN_FALSE;
        }
        slot = &st->on_message;
    } else if (zend_string_equals_literal_ci(name, "Start")) {
        slot = &st->on_start;
    } else if (zend_string_equals_literal_ci(name, "Shutdown")) {
        slot = &st->on_shutdown;
    } else {
        php_error_docref(nullptr, E_WARNING, "unknown event type[%s]", ZSTR_VAL(name));
        RETURN_FALSE;
    }
    *slot = std::make_unique<Callable>(fci, fcc);
    RETURN_TRUE;
}

ZEND_METHOD(Pool, listen) {
    zend_string *host;
    zend_long port = 0, backlog = 2048;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_STR(host)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(port)
        Z_PARAM_LONG(backlog)
    ZEND_PARSE_PARAMETERS_END();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (st->started) {
        php_error_docref(nullptr, E_WARNING, "process pool is started. unable to listen");
        RETURN_FALSE;
    }
    if (st->ipc_type != kIpcSocket) {
        php_error_docref(nullptr, E_WARNING, "unsupported ipc type[%d]", st->ipc_type);
        RETURN_FALSE;
    }
    std::string_view address(ZSTR_VAL(host), ZSTR_LEN(host));
    bool is_unix = address.substr(0, 5) == "unix:";
    if (is_unix) {
        address.remove_prefix(5);
        while (address.size() > 1 && address[0] == '/' && address[1] == '/') address.remove_prefix(1);
    }
    int fd = kernel::listen_stream(address, static_cast<int>(port), static_cast<int>(backlog), is_unix);
    if (fd < 0) {
        php_error_docref(nullptr, E_WARNING, "failed to listen on %s:" ZEND_LONG_FMT ", Error: %s[%d]", ZSTR_VAL(host),
                         port, strerror(errno), errno);
        RETURN_FALSE;
    }
    if (st->listen_fd >= 0) ::close(st->listen_fd);
    st->listen_fd = fd;
    RETURN_TRUE;
}

ZEND_METHOD(Pool, write) {
    zend_string *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_STR(data)
    ZEND_PARSE_PARAMETERS_END();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (st->ipc_type != kIpcSocket) {
        php_error_docref(nullptr, E_WARNING, "unsupported ipc type[%d]", st->ipc_type);
        RETURN_FALSE;
    }
    if (ZSTR_LEN(data) == 0 || !st->in_message) RETURN_FALSE;
    st->reply.append(ZSTR_VAL(data), ZSTR_LEN(data));
    RETURN_TRUE;
}

ZEND_METHOD(Pool, start) {
    ZEND_PARSE_PARAMETERS_NONE();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) RETURN_FALSE;
    if (PhpCoroutine::inside()) {
        zend_throw_exception(swoole_error_ce, "must be forked outside the coroutine", 0);
        zend_exception_error(EG(exception), E_ERROR);
        zend_bailout();
    }
    if (st->started) {
        php_error_docref(nullptr, E_WARNING, "process pool is already running");
        RETURN_FALSE;
    }
    if (st->ipc_type == kIpcNone || st->enable_coroutine) {
        if (!st->on_worker_start) {
            php_error_docref(nullptr, E_ERROR, "require onWorkerStart callback");
            RETURN_FALSE;
        }
    } else if (!st->on_message) {
        php_error_docref(nullptr, E_ERROR, "require onMessage callback");
        RETURN_FALSE;
    }
    if (st->ipc_type == kIpcSocket && st->listen_fd < 0) {
        php_error_docref(nullptr, E_WARNING, "no listening socket, call listen() first");
        RETURN_FALSE;
    }
    if (!prepare_ipc(st)) {
        php_error_docref(nullptr, E_WARNING, "failed to create the ipc of the pool, Error: %s[%d]", strerror(errno),
                         errno);
        close_ipc(st);
        RETURN_FALSE;
    }
    st->started = true;
    st->master_pid = getpid();
    zend_update_property_long(pool_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("master_pid"), st->master_pid);
    set_workers_property(ZEND_THIS, true);
    fflush(nullptr);
    if (!call(st->on_start.get(), ZEND_THIS, nullptr)) {
        st->started = false;
        close_ipc(st);
        return;
    }
    st->manager = std::make_unique<kernel::ProcessManager>(st->worker_num);
    kernel::ProcessManager::Role role = st->manager->start();
    if (role.kind == kernel::ProcessManager::Role::master) role = st->manager->run();
    if (role.kind == kernel::ProcessManager::Role::worker) {
        run_worker(ZEND_THIS, st, role.worker_id);
        return;
    }
    bool failed = role.kind == kernel::ProcessManager::Role::error;
    if (failed) php_error_docref(nullptr, E_WARNING, "failed to start the workers, Error: %s[%d]", strerror(errno), errno);
    st->manager.reset();
    call(st->on_shutdown.get(), ZEND_THIS, nullptr);
    close_ipc(st);
    st->started = false;
    if (failed) RETURN_FALSE;
    RETURN_NULL();
}

ZEND_METHOD(Pool, getProcess) {
    zend_long worker_id = -1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(worker_id)
    ZEND_PARSE_PARAMETERS_END();
    PoolState *st = state_of(ZEND_THIS);
    if (!st || !st->started || !st->manager) RETURN_FALSE;
    if (worker_id < 0) worker_id = st->worker_id;
    if (worker_id < 0) RETURN_FALSE;
    if (worker_id >= st->worker_num) {
        php_error_docref(nullptr, E_WARNING, "invalid worker_id[" ZEND_LONG_FMT "]", worker_id);
        RETURN_FALSE;
    }
    zval rv;
    zval *workers = zend_read_property(pool_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("workers"), true, &rv);
    if (Z_TYPE_P(workers) != IS_ARRAY) {
        set_workers_property(ZEND_THIS, true);
        workers = zend_read_property(pool_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("workers"), true, &rv);
    }
    if (zval *cached = zend_hash_index_find(Z_ARRVAL_P(workers), worker_id)) RETURN_COPY(cached);
    int id = static_cast<int>(worker_id);
    pid_t pid = id == st->worker_id ? getpid() : st->manager->worker_pid(id);
    int fd = -1;
    if (st->ipc_type == kIpcUnixSock) {
        // Its own end in the worker itself; the master end (delivering to it) elsewhere.
        fd = st->pipes[id]->fd(id == st->worker_id ? kernel::UnixPipe::worker : kernel::UnixPipe::master);
    }
    zval process;
    process_make_borrowed(&process, pid, id, fd, SOCK_DGRAM);
    SEPARATE_ARRAY(workers);
    add_index_zval(workers, worker_id, &process);
    RETURN_COPY(&process);
}

ZEND_METHOD(Pool, shutdown) {
    ZEND_PARSE_PARAMETERS_NONE();
    PoolState *st = state_of(ZEND_THIS);
    if (!st || st->master_pid <= 0 || !st->started) RETURN_FALSE;
    RETURN_BOOL(kernel::ProcessManager::request_shutdown(st->master_pid));
}

ZEND_METHOD(Pool, stop) {
    ZEND_PARSE_PARAMETERS_NONE();
    PoolState *st = state_of(ZEND_THIS);
    if (!st) return;
    st->worker_running = false;
    if (st->enable_coroutine && PhpCoroutine::has_reactor()) PhpCoroutine::reactor().stop();
}

ZEND_METHOD(Pool, detach) {
    ZEND_PARSE_PARAMETERS_NONE();
    PoolState *st = state_of(ZEND_THIS);
    if (!st || st->worker_id < 0) RETURN_FALSE;
    RETURN_BOOL(kernel::ProcessManager::request_detach(st->master_pid, st->worker_id));
}

void pool_init_handlers() {
    memcpy(&pool_handlers, &std_object_handlers, sizeof pool_handlers);
    pool_handlers.offset = XtOffsetOf(PoolObject, std);
    pool_handlers.free_obj = free_object;
    pool_handlers.clone_obj = nullptr;
}

zend_object *pool_create_object(zend_class_entry *ce) { return create_object(ce); }

}  // namespace swoole::php
