// Registers Swoole\Process (alias swoole_process), Swoole\Process\Pool (alias
// swoole_process_pool), their constants, SWOOLE_IPC_* and, when ext-pcntl
// does not provide them, the signal and priority constants.
#include "process/php_process.h"

#include <sys/resource.h>

#include <csignal>

namespace swoole::php {

// process.cc, queue.cc, signal.cc, process_static.cc
ZEND_METHOD(Process, __construct);
ZEND_METHOD(Process, start);
ZEND_METHOD(Process, set);
ZEND_METHOD(Process, name);
ZEND_METHOD(Process, exec);
ZEND_METHOD(Process, write);
ZEND_METHOD(Process, read);
ZEND_METHOD(Process, setTimeout);
ZEND_METHOD(Process, setBlocking);
ZEND_METHOD(Process, close);
ZEND_METHOD(Process, exit);
ZEND_METHOD(Process, exportSocket);
ZEND_METHOD(Process, setPriority);
ZEND_METHOD(Process, getPriority);
ZEND_METHOD(Process, useQueue);
ZEND_METHOD(Process, statQueue);
ZEND_METHOD(Process, freeQueue);
ZEND_METHOD(Process, push);
ZEND_METHOD(Process, pop);
ZEND_METHOD(Process, signal);
ZEND_METHOD(Process, alarm);
ZEND_METHOD(Process, kill);
ZEND_METHOD(Process, wait);
ZEND_METHOD(Process, daemon);
ZEND_METHOD(Process, setAffinity);
// pool.cc
ZEND_METHOD(Pool, __construct);
ZEND_METHOD(Pool, set);
ZEND_METHOD(Pool, on);
ZEND_METHOD(Pool, listen);
ZEND_METHOD(Pool, write);
ZEND_METHOD(Pool, start);
ZEND_METHOD(Pool, getProcess);
ZEND_METHOD(Pool, shutdown);
ZEND_METHOD(Pool, stop);
ZEND_METHOD(Pool, detach);

void process_init_handlers();
zend_object *process_create_object(zend_class_entry *ce);
void pool_init_handlers();
zend_object *pool_create_object(zend_class_entry *ce);

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_process_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, redirect_stdin_and_stdout, _IS_BOOL, 0, "false")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, pipe_type, IS_LONG, 0, "2")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, enable_coroutine, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_start, 0, 0, MAY_BE_LONG | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_set, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_name, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, process_name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_exec, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, exec_file, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, args, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_write, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_read, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, size, IS_LONG, 0, "8192")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_timeout, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_set_blocking, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, blocking, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_close, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, which, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_exit, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, exit_code, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_none, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_priority, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, which, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, priority, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_get_priority, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, which, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_use_queue, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, key, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "2")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, capacity, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_stat_queue, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool_none, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_push, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_pop, 0, 0, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, size, IS_LONG, 0, "65536")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_signal, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, signal_no, IS_LONG, 0)
    ZEND_ARG_TYPE_MASK(0, callback, MAY_BE_CALLABLE | MAY_BE_LONG | MAY_BE_NULL, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_alarm, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, usec, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_kill, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, pid, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, signal_no, IS_LONG, 0, "SIGTERM")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_wait, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, blocking, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_daemon, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, nochdir, _IS_BOOL, 0, "true")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, noclose, _IS_BOOL, 0, "true")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, pipes, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set_affinity, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, cpu_settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

const zend_function_entry process_methods[] = {
    ZEND_ME(Process, __construct, arginfo_process_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, start, arginfo_start, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, name, arginfo_name, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, exec, arginfo_exec, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, write, arginfo_write, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, read, arginfo_read, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, setTimeout, arginfo_set_timeout, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, setBlocking, arginfo_set_blocking, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, close, arginfo_close, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, exit, arginfo_exit, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, exportSocket, arginfo_none, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, setPriority, arginfo_set_priority, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, getPriority, arginfo_get_priority, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, useQueue, arginfo_use_queue, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, statQueue, arginfo_stat_queue, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, freeQueue, arginfo_bool_none, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, push, arginfo_push, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, pop, arginfo_pop, ZEND_ACC_PUBLIC)
    ZEND_ME(Process, signal, arginfo_signal, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Process, alarm, arginfo_alarm, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Process, kill, arginfo_kill, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Process, wait, arginfo_wait, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Process, daemon, arginfo_daemon, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Process, setAffinity, arginfo_set_affinity, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_FE_END
};

ZEND_BEGIN_ARG_INFO_EX(arginfo_pool_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, worker_num, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ipc_type, IS_LONG, 0, "SWOOLE_IPC_NONE")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, msgqueue_key, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, enable_coroutine, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_pool_on, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_pool_listen, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, backlog, IS_LONG, 0, "2048")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_pool_write, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_pool_start, 0, 0, _IS_BOOL, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_pool_get_process, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, worker_id, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()

const zend_function_entry pool_methods[] = {
    ZEND_ME(Pool, __construct, arginfo_pool_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, on, arginfo_pool_on, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, listen, arginfo_pool_listen, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, write, arginfo_pool_write, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, start, arginfo_pool_start, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, getProcess, arginfo_pool_get_process, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, shutdown, arginfo_bool_none, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, stop, arginfo_none, ZEND_ACC_PUBLIC)
    ZEND_ME(Pool, detach, arginfo_bool_none, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

struct NamedValue {
    const char *name;
    long value;
};

#define SW_NAMED(n) {#n, n}
// What ext-pcntl would define, for when it is not loaded.
const NamedValue kSignalConstants[] = {
    SW_NAMED(SIGHUP), SW_NAMED(SIGINT), SW_NAMED(SIGQUIT), SW_NAMED(SIGILL), SW_NAMED(SIGTRAP),
    SW_NAMED(SIGABRT), SW_NAMED(SIGBUS), SW_NAMED(SIGFPE), SW_NAMED(SIGKILL), SW_NAMED(SIGUSR1),
    SW_NAMED(SIGSEGV), SW_NAMED(SIGUSR2), SW_NAMED(SIGPIPE), SW_NAMED(SIGALRM), SW_NAMED(SIGTERM),
    SW_NAMED(SIGSTKFLT), SW_NAMED(SIGCHLD), SW_NAMED(SIGCONT), SW_NAMED(SIGSTOP), SW_NAMED(SIGTSTP),
    SW_NAMED(SIGTTIN), SW_NAMED(SIGTTOU), SW_NAMED(SIGURG), SW_NAMED(SIGXCPU), SW_NAMED(SIGXFSZ),
    SW_NAMED(SIGVTALRM), SW_NAMED(SIGPROF), SW_NAMED(SIGWINCH), SW_NAMED(SIGIO), SW_NAMED(SIGPWR),
    SW_NAMED(SIGSYS), {"SIG_IGN", 1}, SW_NAMED(PRIO_PROCESS), SW_NAMED(PRIO_PGRP), SW_NAMED(PRIO_USER),
};
#undef SW_NAMED

bool pcntl_loaded() { return zend_hash_str_exists(&module_registry, ZEND_STRL("pcntl")); }

}  // namespace

void register_process_class(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Process", process_methods);
    process_ce = zend_register_internal_class_ex(&ce, nullptr);
    process_ce->create_object = process_create_object;
    process_init_handlers();
    zend_register_class_alias_ex(ZEND_STRL("swoole_process"), process_ce, true);
    zend_declare_class_constant_long(process_ce, ZEND_STRL("IPC_NOWAIT"), kIpcNowait);
    zend_declare_class_constant_long(process_ce, ZEND_STRL("PIPE_MASTER"), kPipeMaster);
    zend_declare_class_constant_long(process_ce, ZEND_STRL("PIPE_WORKER"), kPipeWorker);
    zend_declare_class_constant_long(process_ce, ZEND_STRL("PIPE_READ"), kPipeRead);
    zend_declare_class_constant_long(process_ce, ZEND_STRL("PIPE_WRITE"), kPipeWrite);
    zend_declare_property_null(process_ce, ZEND_STRL("pipe"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(process_ce, ZEND_STRL("msgQueueId"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(process_ce, ZEND_STRL("msgQueueKey"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(process_ce, ZEND_STRL("pid"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(process_ce, ZEND_STRL("id"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(process_ce, ZEND_STRL("callback"), ZEND_ACC_PRIVATE);
}

void register_pool_class(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Process\\Pool", pool_methods);
    pool_ce = zend_register_internal_class_ex(&ce, nullptr);
    pool_ce->create_object = pool_create_object;
    pool_init_handlers();
    zend_register_class_alias_ex(ZEND_STRL("swoole_process_pool"), pool_ce, true);
    zend_declare_property_long(pool_ce, ZEND_STRL("master_pid"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_null(pool_ce, ZEND_STRL("workers"), ZEND_ACC_PUBLIC);
}

void register_process(int module_number) {
    REGISTER_LONG_CONSTANT("SWOOLE_IPC_NONE", kIpcNone, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("SWOOLE_IPC_UNIXSOCK", kIpcUnixSock, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("SWOOLE_IPC_MSGQUEUE", kIpcMsgQueue, CONST_CS | CONST_PERSISTENT);
    REGISTER_LONG_CONSTANT("SWOOLE_IPC_SOCKET", kIpcSocket, CONST_CS | CONST_PERSISTENT);
    if (!pcntl_loaded()) {
        for (const NamedValue &c : kSignalConstants) {
            zend_register_long_constant(c.name, strlen(c.name), c.value, CONST_CS | CONST_PERSISTENT, module_number);
        }
    }
    register_process_class(module_number);
    register_pool_class(module_number);
}

}  // namespace swoole::php
