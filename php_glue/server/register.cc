// Registers Swoole\Server (alias swoole_server) with its method table (this
// part's methods plus the tables other files contribute, see php_server.h),
// its properties (§4), the Port and Connection\Iterator classes, and the
// server constants of §8.
#include "server/event_objects.h"
#include "server/php_server.h"

#include <vector>

namespace swoole::php {

ZEND_METHOD(Server, __construct);
ZEND_METHOD(Server, set);
ZEND_METHOD(Server, on);
ZEND_METHOD(Server, getCallback);
ZEND_METHOD(Server, listen);
ZEND_METHOD(Server, start);
ZEND_METHOD(Server, send);
ZEND_METHOD(Server, sendto);
ZEND_METHOD(Server, sendwait);
ZEND_METHOD(Server, sendfile);
ZEND_METHOD(Server, close);
ZEND_METHOD(Server, exist);
ZEND_METHOD(Server, pause);
ZEND_METHOD(Server, resume);
ZEND_METHOD(Server, protect);
ZEND_METHOD(Server, bind);
ZEND_METHOD(Server, getClientInfo);
ZEND_METHOD(Server, getClientList);
ZEND_METHOD(Server, heartbeat);
ZEND_METHOD(Server, stats);
ZEND_METHOD(Server, reload);
ZEND_METHOD(Server, shutdown);
ZEND_METHOD(Server, stop);
ZEND_METHOD(Server, getWorkerId);
ZEND_METHOD(Server, getWorkerPid);
ZEND_METHOD(Server, getWorkerStatus);
ZEND_METHOD(Server, getManagerPid);
ZEND_METHOD(Server, getMasterPid);
ZEND_METHOD(Server, getLastError);
ZEND_METHOD(Server, getSocket);
ZEND_METHOD(Server, tick);
ZEND_METHOD(Server, after);
ZEND_METHOD(Server, clearTimer);
ZEND_METHOD(Server, defer);

void server_init_handlers();
void declare_event_properties(zend_class_entry *server, zend_class_entry *port);

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_void, 0, 0, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, mode, IS_LONG, 0, "SWOOLE_PROCESS")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sock_type, IS_LONG, 0, "SWOOLE_SOCK_TCP")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_set, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_on, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_event_name, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, event_name, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_listen, 0, 0, 3)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, sock_type, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_send, 0, 0, 2)
    ZEND_ARG_INFO(0, fd)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, server_socket, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_sendto, 0, 0, 3)
    ZEND_ARG_TYPE_INFO(0, ip, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, port, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, server_socket, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_sendwait, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_sendfile, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, filename, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, offset, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_close, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reset, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_fd, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_protect, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, is_protected, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_bind, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, uid, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_client_info, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, fd, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reactor_id, IS_LONG, 0, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ignore_error, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_client_list, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, start_fd, IS_LONG, 0, "0")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, find_count, IS_LONG, 0, "10")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_heartbeat, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, ifCloseConnection, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_reload, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, only_reload_taskworker, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_stop, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, workerId, IS_LONG, 0, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, waitEvent, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_worker_id, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, worker_id, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_get_socket, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, port, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_timer, 0, 0, 2)
    ZEND_ARG_TYPE_INFO(0, ms, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
    ZEND_ARG_VARIADIC_TYPE_INFO(0, params, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_clear_timer, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, timer_id, IS_LONG, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_defer, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

const zend_function_entry server_methods[] = {
    ZEND_ME(Server, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, on, arginfo_on, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getCallback, arginfo_event_name, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, listen, arginfo_listen, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Server, addListener, listen, arginfo_listen, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, start, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, send, arginfo_send, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, sendto, arginfo_sendto, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, sendwait, arginfo_sendwait, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, sendfile, arginfo_sendfile, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, close, arginfo_close, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, exist, arginfo_fd, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Server, exists, exist, arginfo_fd, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, pause, arginfo_fd, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, resume, arginfo_fd, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Server, confirm, resume, arginfo_fd, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, protect, arginfo_protect, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, bind, arginfo_bind, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getClientInfo, arginfo_client_info, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Server, connection_info, getClientInfo, arginfo_client_info, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getClientList, arginfo_client_list, ZEND_ACC_PUBLIC)
    ZEND_MALIAS(Server, connection_list, getClientList, arginfo_client_list, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, heartbeat, arginfo_heartbeat, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, stats, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, reload, arginfo_reload, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, shutdown, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, stop, arginfo_stop, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getWorkerId, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getWorkerPid, arginfo_worker_id, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getWorkerStatus, arginfo_worker_id, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getManagerPid, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getMasterPid, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getLastError, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, getSocket, arginfo_get_socket, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, tick, arginfo_timer, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, after, arginfo_timer, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, clearTimer, arginfo_clear_timer, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, defer, arginfo_defer, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

// This file's table followed by the contributed ones; lives until exit
// (the engine keeps the pointer).
std::vector<zend_function_entry> &merged_methods() {
    static std::vector<zend_function_entry> table;
    if (table.empty()) {
        for (const zend_function_entry *t :
             {server_methods, server_task_methods, server_message_methods, server_user_process_methods}) {
            for (const zend_function_entry *e = t; e->fname; ++e) table.push_back(*e);
        }
        table.push_back(zend_function_entry{});
    }
    return table;
}

struct NamedValue {
    const char *name;
    zend_long value;
};

// §8, the server groups (log levels and socket types are registered elsewhere).
const NamedValue kServerConstants[] = {
    {"SWOOLE_BASE", 1}, {"SWOOLE_PROCESS", 2},
    {"SWOOLE_IPC_UNSOCK", 1}, {"SWOOLE_IPC_MSGQUEUE", 2}, {"SWOOLE_IPC_PREEMPTIVE", 3},
    {"SWOOLE_DISPATCH_ROUND", 1}, {"SWOOLE_DISPATCH_FDMOD", 2}, {"SWOOLE_DISPATCH_IDLE_WORKER", 3},
    {"SWOOLE_DISPATCH_IPMOD", 4}, {"SWOOLE_DISPATCH_UIDMOD", 5}, {"SWOOLE_DISPATCH_USERFUNC", 6},
    {"SWOOLE_DISPATCH_STREAM", 7}, {"SWOOLE_DISPATCH_CO_CONN_LB", 8}, {"SWOOLE_DISPATCH_CO_REQ_LB", 9},
    {"SWOOLE_DISPATCH_RESULT_DISCARD_PACKET", -1}, {"SWOOLE_DISPATCH_RESULT_CLOSE_CONNECTION", -2},
    {"SWOOLE_DISPATCH_RESULT_USERFUNC_FALLBACK", -3},
    {"SWOOLE_TASK_TMPFILE", 1}, {"SWOOLE_TASK_SERIALIZE", 2}, {"SWOOLE_TASK_NONBLOCK", 4},
    {"SWOOLE_TASK_CALLBACK", 8}, {"SWOOLE_TASK_WAITALL", 16}, {"SWOOLE_TASK_COROUTINE", 32},
    {"SWOOLE_TASK_PEEK", 64}, {"SWOOLE_TASK_NOREPLY", 128},
    {"SWOOLE_WORKER_BUSY", 1}, {"SWOOLE_WORKER_IDLE", 2}, {"SWOOLE_WORKER_EXIT", 3},
    {"SWOOLE_SERVER_COMMAND_MASTER", 2}, {"SWOOLE_SERVER_COMMAND_REACTOR_THREAD", 4},
    {"SWOOLE_SERVER_COMMAND_EVENT_WORKER", 8}, {"SWOOLE_SERVER_COMMAND_WORKER", 8},
    {"SWOOLE_SERVER_COMMAND_TASK_WORKER", 16}, {"SWOOLE_SERVER_COMMAND_MANAGER", 32},
};

}  // namespace

void register_server_constants(int module_number) {
    for (const NamedValue &c : kServerConstants) {
        if (zend_get_constant_str(c.name, strlen(c.name))) continue;  // another part registered it
        zend_register_long_constant(c.name, strlen(c.name), c.value, CONST_CS | CONST_PERSISTENT, module_number);
    }
}

void register_server_class(int) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY_EX(ce, "Swoole\\Server", sizeof("Swoole\\Server") - 1, merged_methods().data());
    server_ce = zend_register_internal_class(&ce);
    server_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    server_init_handlers();
    zend_declare_property_null(server_ce, ZEND_STRL("stats_timer"), ZEND_ACC_PRIVATE);
    zend_declare_property_null(server_ce, ZEND_STRL("admin_server"), ZEND_ACC_PRIVATE);
    zend_declare_property_string(server_ce, ZEND_STRL("host"), "", ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("port"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("type"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("mode"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(server_ce, ZEND_STRL("ports"), ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("master_pid"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("manager_pid"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("worker_id"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_bool(server_ce, ZEND_STRL("taskworker"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_ce, ZEND_STRL("worker_pid"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_null(server_ce, ZEND_STRL("setting"), ZEND_ACC_PUBLIC);
    zend_declare_property_null(server_ce, ZEND_STRL("connections"), ZEND_ACC_PUBLIC);
    declare_event_properties(server_ce, server_port_ce);
    zend_register_class_alias("swoole_server", server_ce);
}

}  // namespace swoole::php

namespace swoole::php {

// The entry point named in glue.h.
void register_server(int module_number) {
    register_server_constants(module_number);
    register_port_class(module_number);
    register_connection_iterator(module_number);
    register_server_class(module_number);
    register_event_object_classes(module_number);
}

}  // namespace swoole::php
