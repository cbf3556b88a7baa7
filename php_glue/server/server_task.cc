// Swoole\Server's task API (spec server.md §3 task, taskwait, taskWaitMulti,
// taskCo, finish; §6 task_* options; §7 onTask/onFinish) over the kernel's
// TaskIpc, and the final class Swoole\Server\Task (the object form of a task
// for task_enable_coroutine / task_use_object).
#include "server/server_task.h"

#include "server/event_objects.h"

extern "C" {
#include "ext/standard/php_var.h"
}

#include <unistd.h>

#include <cstring>
#include <string>

#include "base/error.h"
#include "coroutine/coroutine.h"

namespace swoole::php {

zend_class_entry *server_task_ce = nullptr;

namespace {

using kernel::TaskInfo;
using kernel::TaskIpc;

zend_object_handlers task_handlers;

struct TaskObject {
    TaskInfo info;
    bool has_info;
    zend_object std;
};

TaskObject *task_of(zend_object *obj) {
    return reinterpret_cast<TaskObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(TaskObject, std));
}

zend_object *create_task(zend_class_entry *ce) {
    auto *obj = static_cast<TaskObject *>(zend_object_alloc(sizeof(TaskObject), ce));
    new (&obj->info) TaskInfo();
    obj->has_info = false;
    zend_object_std_init(&obj->std, ce);
    object_properties_init(&obj->std, ce);
    obj->std.handlers = &task_handlers;
    return &obj->std;
}

// data is moved into the object.
void make_task_object(const TaskInfo &info, zval *data, zval *out) {
    object_init_ex(out, server_task_ce);
    TaskObject *t = task_of(Z_OBJ_P(out));
    t->info = info;
    t->has_info = true;
    zend_object *o = Z_OBJ_P(out);
    zend_update_property(server_task_ce, o, ZEND_STRL("data"), data);
    zend_update_property_double(server_task_ce, o, ZEND_STRL("dispatch_time"), info.dispatch_time);
    zend_update_property_long(server_task_ce, o, ZEND_STRL("id"), info.id);
    zend_update_property_long(server_task_ce, o, ZEND_STRL("worker_id"), info.src_worker_id);
    zend_update_property_long(server_task_ce, o, ZEND_STRL("flags"), info.flags);
}

// A result for `info`; false after the warning when no reply is possible.
bool finish_task(ServerState &st, const TaskInfo &info, zval *data) {
    if (info.flags & kernel::kTaskNoreply) {
        php_error_docref(nullptr, E_WARNING, "Server::finish() can only be used in the worker process");
        return false;
    }
    PackedValue packed;
    if (!packed.pack(data)) return false;
    return st.server->task_ipc().finish(info, packed.view(), packed.flags());
}

bool in_task_worker(ServerState &st) { return st.server->running() && st.server->is_task_worker(); }

// ---- kernel events

Callable *g_coroutine_task_fn = nullptr;  // handed to the coroutine runner (it starts at once)
std::string_view g_coroutine_task_file;    // its payload file, when not read yet

void on_task(void *ctx, kernel::Server &, const TaskInfo &info, std::string_view data) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::task)].get();
    if (!fn) {
        if (!info.spilled_path.empty()) ::unlink(std::string(info.spilled_path).c_str());
        return;
    }
    TaskGlue &g = task_glue();
    zval value;
    if (g.task_enable_coroutine) {
        // A payload file is read by the coroutine, on the aio pool (__runtask).
        if (info.spilled_path.empty()) {
            unpack_value(data, info.flags, &value);
        } else {
            ZVAL_NULL(&value);
        }
        TaskInfo kept = info;
        kept.spilled_path = {};
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        make_task_object(kept, &value, &args[1]);
        zend_fcall_info_cache fcc{};
        fcc.function_handler =
            static_cast<zend_function *>(zend_hash_str_find_ptr(&server_task_ce->function_table, ZEND_STRL("__runtask")));
        fcc.called_scope = server_task_ce;
        g_coroutine_task_fn = fn;
        g_coroutine_task_file = info.spilled_path;
        PhpCoroutine::create(&fcc, 2, args);
        g_coroutine_task_fn = nullptr;
        g_coroutine_task_file = {};
        zval_ptr_dtor(&args[1]);
        zval_ptr_dtor(&value);
        PhpCoroutine::check_bailout();
        return;
    }
    unpack_value(data, info.flags, &value);
    zval retval;
    if (g.task_use_object) {
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        make_task_object(info, &value, &args[1]);
        fn->call(&retval, 2, args);
        zval_ptr_dtor(&args[1]);
    } else {
        zval args[4];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        ZVAL_LONG(&args[1], info.id);
        ZVAL_LONG(&args[2], info.src_worker_id);
        ZVAL_COPY_VALUE(&args[3], &value);
        fn->call(&retval, 4, args);
    }
    zval_ptr_dtor(&value);
    if (EG(exception)) {
        zval_ptr_dtor(&retval);
        // exit() in onTask ends the task worker with that status (the manager
        // reports a non-zero one through onWorkerError and forks a new one).
        if (zend_is_unwind_exit(EG(exception))) _exit(EG(exit_status));
        zend_exception_error(EG(exception), E_ERROR);
        return;
    }
    // A non-null return value is the task's result.
    if (!Z_ISUNDEF(retval) && Z_TYPE(retval) != IS_NULL) finish_task(st, info, &retval);
    zval_ptr_dtor(&retval);
}

void on_finish(void *ctx, kernel::Server &, const TaskInfo &info, std::string_view data) {
    auto &st = *static_cast<ServerState *>(ctx);
    TaskGlue &g = task_glue();
    std::unique_ptr<Callable> own;
    if (info.flags & kernel::kTaskCallback) {
        auto it = g.finish_callbacks.find(info.id);
        if (it != g.finish_callbacks.end()) {
            own = std::move(it->second);
            g.finish_callbacks.erase(it);
        }
    }
    Callable *fn = own ? own.get() : st.callbacks[static_cast<int>(ServerEvent::finish)].get();
    if (!fn) {
        php_error_docref(nullptr, E_WARNING, "require onFinish callback");
        return;
    }
    zval result;
    unpack_value(data, info.flags, &result);
    if (event_object_enabled(st)) {
        zval args[2];
        ZVAL_COPY_VALUE(&args[0], &st.self);
        make_task_result_object(&args[1], info.id, info.task_worker_id, info.dispatch_time, &result);
        zval_ptr_dtor(&result);
        dispatch_event(st, fn, 2, args);
        zval_ptr_dtor(&args[1]);
        return;
    }
    zval args[3];
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], info.id);
    ZVAL_COPY_VALUE(&args[2], &result);
    dispatch_event(st, fn, 3, args);
    zval_ptr_dtor(&args[2]);
}

void call_manager_event(ServerState &st, ServerEvent ev) {
    Callable *fn = st.callbacks[static_cast<int>(ev)].get();
    if (!fn) return;
    zval retval;
    fn->call(&retval, 1, &st.self);
    zval_ptr_dtor(&retval);
    if (EG(exception)) zend_exception_error(EG(exception), E_ERROR);
}

void on_worker_exit(void *ctx, kernel::Server &, int worker_id) {
    auto &st = *static_cast<ServerState *>(ctx);
    Callable *fn = st.callbacks[static_cast<int>(ServerEvent::worker_exit)].get();
    if (!fn) return;
    zval args[2], retval;
    ZVAL_COPY_VALUE(&args[0], &st.self);
    ZVAL_LONG(&args[1], worker_id);
    fn->call(&retval, 2, args);
    zval_ptr_dtor(&retval);
    if (EG(exception)) zend_exception_error(EG(exception), E_ERROR);
}

// ---- argument checks shared by the methods

// taskwait/taskWaitMulti/taskCo: only in an event worker.
bool require_event_worker(ServerState &st, const char *method) {
    int id = st.server->worker_id();
    if (id >= 0 && id < st.server->settings.worker_num) return true;
    php_error_docref(nullptr, E_WARNING, "%s method can only be used in the worker process", method);
    return false;
}

bool require_task_workers(ServerState &st) {
    if (st.server->settings.task.worker_num > 0) return true;
    php_error_docref(nullptr, E_WARNING, "task method can't be executed without task worker");
    return false;
}

bool check_dst(ServerState &st, zend_long dst) {
    int n = st.server->settings.task.worker_num;
    if (dst < n && dst >= -1) return true;
    php_error_docref(nullptr, E_WARNING, "worker_id must be less than task_worker_num[%d]", n);
    return false;
}

// Packs every value of `tasks` (in order) for wait_multi.
struct PackedList {
    std::vector<std::unique_ptr<PackedValue>> values;
    std::vector<std::string_view> views;
    std::vector<uint32_t> flags;
    bool pack(HashTable *tasks) {
        zval *v;
        ZEND_HASH_FOREACH_VAL(tasks, v) {
            auto p = std::make_unique<PackedValue>();
            if (!p->pack(v)) return false;
            views.push_back(p->view());
            flags.push_back(p->flags());
            values.push_back(std::move(p));
        }
        ZEND_HASH_FOREACH_END();
        return true;
    }
};

// taskWaitMulti / taskCo.
void wait_multi(INTERNAL_FUNCTION_PARAMETERS, bool co) {
    HashTable *tasks;
    double timeout = 0.5;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ARRAY_HT(tasks)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (co) PhpCoroutine::require_coroutine();
    if (!require_running(*st)) RETURN_FALSE;
    if (!require_task_workers(*st)) RETURN_FALSE;
    if (!require_event_worker(*st, co ? "taskCo" : "taskWaitMulti")) RETURN_FALSE;
    uint32_t n = zend_hash_num_elements(tasks);
    if (n > TaskIpc::kMaxConcurrent) {
        php_error_docref(nullptr, E_WARNING, "too many concurrent tasks");
        RETURN_FALSE;
    }
    array_init_size(return_value, n);
    if (n == 0) return;
    PackedList list;
    if (!list.pack(tasks)) {
        zval_ptr_dtor(return_value);
        RETURN_FALSE;
    }
    std::vector<TaskIpc::Result> results(n);
    st->server->task_ipc().wait_multi(list.views.data(), list.flags.data(), n, timeout, results.data(),
                                      co ? kernel::kTaskCoroutine : kernel::kTaskWaitall);
    for (uint32_t i = 0; i < n; ++i) {
        if (!results[i].done) continue;
        zval v;
        unpack_value(results[i].data, results[i].flags, &v);
        add_index_zval(return_value, i, &v);
    }
    // taskCo: the missing ones are false, after the others.
    if (co) {
        for (uint32_t i = 0; i < n; ++i) {
            if (!results[i].done) add_index_bool(return_value, i, false);
        }
    }
}

}  // namespace

TaskGlue &task_glue() {
    static TaskGlue glue;
    return glue;
}

bool PackedValue::pack(zval *value) {
    ZVAL_DEREF(value);
    if (Z_TYPE_P(value) == IS_STRING) {
        view_ = std::string_view(Z_STRVAL_P(value), Z_STRLEN_P(value));
        flags_ = 0;
        return true;
    }
    php_serialize_data_t hash;
    PHP_VAR_SERIALIZE_INIT(hash);
    php_var_serialize(&buf_, value, &hash);
    PHP_VAR_SERIALIZE_DESTROY(hash);
    if (EG(exception) || !buf_.s) return false;
    view_ = std::string_view(ZSTR_VAL(buf_.s), ZSTR_LEN(buf_.s));
    flags_ = kernel::kTaskSerialize;
    return true;
}

void unpack_value(std::string_view data, uint32_t flags, zval *out) {
    if (!(flags & kernel::kTaskSerialize)) {
        ZVAL_STRINGL(out, data.data(), data.size());
        return;
    }
    ZVAL_UNDEF(out);
    php_unserialize_data_t hash;
    PHP_VAR_UNSERIALIZE_INIT(hash);
    auto *p = reinterpret_cast<const unsigned char *>(data.data());
    bool ok = php_var_unserialize(out, &p, p + data.size(), &hash);
    PHP_VAR_UNSERIALIZE_DESTROY(hash);
    if (!ok) {
        zval_ptr_dtor(out);
        ZVAL_FALSE(out);
    }
}

bool apply_task_settings(ServerState &st, HashTable *ht) {
    kernel::TaskSettings &t = st.server->settings.task;
    TaskGlue &g = task_glue();
    zval *v;
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_worker_num")))) {
        zend_long n = zval_get_long(v);
        st.task_worker_num = n > 0 ? static_cast<int>(std::min<zend_long>(n, 65535)) : 0;
        t.worker_num = st.task_worker_num;
    }
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_ipc_mode")))) {
        zend_long m = zval_get_long(v);
        t.ipc_mode = m >= 1 && m <= 3 ? static_cast<int>(m) : 1;
    }
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_max_request")))) {
        t.max_request = static_cast<int>(std::max<zend_long>(zval_get_long(v), 0));
    }
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_tmpdir")))) {
        zend_string *s = zval_get_string(v);
        t.tmpdir.assign(ZSTR_VAL(s), ZSTR_LEN(s));
        zend_string_release(s);
    }
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("message_queue_key")))) {
        t.message_queue_key = static_cast<key_t>(zval_get_long(v));
    }
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_enable_coroutine")))) g.task_enable_coroutine = zend_is_true(v);
    t.load_in_coroutine = g.task_enable_coroutine;
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_use_object")))) g.task_use_object = zend_is_true(v);
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("task_object")))) g.task_use_object = zend_is_true(v);
    if ((v = zend_hash_str_find_deref(ht, ZEND_STRL("reload_async")))) st.server->settings.reload_async = zend_is_true(v);
    return true;
}

bool prepare_task_start(ServerState &st) {
    kernel::TaskSettings &t = st.server->settings.task;
    t.worker_num = st.task_worker_num;
    if (st.task_worker_num > 0 && !st.callbacks[static_cast<int>(ServerEvent::task)]) {
        php_error_docref(nullptr, E_ERROR,
                         "failed to start server. Error: Server::start_check(): onTask event callback must be set");
        return false;
    }
    if (st.task_worker_num > 0 && task_glue().task_enable_coroutine && t.ipc_mode != 1) {
        php_error_docref(nullptr, E_ERROR,
                         "failed to start server. Error: Server::start_check(): "
                         "task_enable_coroutine is not supported with task_ipc_mode %d",
                         t.ipc_mode);
        return false;
    }
    kernel::ServerEvents &ev = st.server->events();
    ev.on_task = on_task;
    ev.on_finish = on_finish;
    ev.on_worker_exit = on_worker_exit;
    ev.on_before_reload = [](void *ctx, kernel::Server &) {
        call_manager_event(*static_cast<ServerState *>(ctx), ServerEvent::before_reload);
    };
    ev.on_after_reload = [](void *ctx, kernel::Server &) {
        call_manager_event(*static_cast<ServerState *>(ctx), ServerEvent::after_reload);
    };
    attach_message_events(ev);
    attach_user_process_events(st, ev);
    return true;
}

// ---- Server methods

ZEND_METHOD(Server, task) {
    zval *data;
    zend_long dst = -1;
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_ZVAL(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(dst)
        Z_PARAM_FUNC_OR_NULL(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (!require_task_workers(*st)) RETURN_FALSE;
    if (in_task_worker(*st)) {
        php_error_docref(nullptr, E_WARNING, "Server->task() cannot use in the task-worker");
        RETURN_FALSE;
    }
    if (!check_dst(*st, dst)) RETURN_FALSE;
    PackedValue packed;
    if (!packed.pack(data)) RETURN_FALSE;
    bool callback = ZEND_FCI_INITIALIZED(fci);
    uint32_t flags = kernel::kTaskNonblock | (callback ? static_cast<uint32_t>(kernel::kTaskCallback) : 0u);
    int64_t id = st->server->task_ipc().dispatch(packed.view(), packed.flags(), static_cast<int>(dst), flags);
    if (id < 0) RETURN_FALSE;
    if (callback) task_glue().finish_callbacks[id] = std::make_unique<Callable>(fci, fcc);
    RETURN_LONG(id);
}

ZEND_METHOD(Server, taskwait) {
    zval *data;
    double timeout = 0.5;
    zend_long dst = -1;
    ZEND_PARSE_PARAMETERS_START(1, 3)
        Z_PARAM_ZVAL(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
        Z_PARAM_LONG(dst)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (!require_task_workers(*st)) RETURN_FALSE;
    if (!require_event_worker(*st, "taskwait")) RETURN_FALSE;
    if (!check_dst(*st, dst)) RETURN_FALSE;
    PackedValue packed;
    if (!packed.pack(data)) RETURN_FALSE;
    TaskIpc::Result result;
    if (!st->server->task_ipc().wait(packed.view(), packed.flags(), timeout, static_cast<int>(dst), result)) RETURN_FALSE;
    unpack_value(result.data, result.flags, return_value);
}

ZEND_METHOD(Server, taskWaitMulti) { wait_multi(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }

ZEND_METHOD(Server, taskCo) { wait_multi(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

ZEND_METHOD(Server, finish) {
    zval *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(data)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_running(*st)) RETURN_FALSE;
    if (task_glue().task_enable_coroutine) {
        php_error_docref(nullptr, E_ERROR,
                         "please use %s->finish instead when task_enable_coroutine is enable",
                         ZSTR_VAL(server_task_ce->name));
        RETURN_THROWS();
    }
    const TaskInfo *task = st->server->task_ipc().current_task();
    if (!in_task_worker(*st) || !task) {
        php_error_docref(nullptr, E_WARNING, "Server::finish() can only be used in the task worker, inside onTask");
        RETURN_FALSE;
    }
    RETURN_BOOL(finish_task(*st, *task, data));
}

// ---- Swoole\Server\Task

ZEND_METHOD(Server_Task, finish) {
    zval *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(data)
    ZEND_PARSE_PARAMETERS_END();
    TaskObject *t = task_of(Z_OBJ_P(ZEND_THIS));
    ServerState *st = current_server();
    if (!t->has_info || !st || !in_task_worker(*st)) {
        php_error_docref(nullptr, E_WARNING, "server is not running");
        RETURN_FALSE;
    }
    RETURN_BOOL(finish_task(*st, t->info, data));
}

ZEND_METHOD(Server_Task, pack) {
    zval *data;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(data)
    ZEND_PARSE_PARAMETERS_END();
    // The payload a task carries for this value: the string itself, or its
    // serialized form (what task() sends with SWOOLE_TASK_SERIALIZE).
    PackedValue packed;
    if (!packed.pack(data)) RETURN_FALSE;
    RETURN_STRINGL(packed.view().data(), packed.view().size());
}

// The body of a task_enable_coroutine coroutine: onTask($server, $task), then
// a non-null return value is the task's result.
ZEND_METHOD(Server_Task, __runtask) {
    zval *server, *task;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_ZVAL(server)
        Z_PARAM_ZVAL(task)
    ZEND_PARSE_PARAMETERS_END();
    Callable *fn = g_coroutine_task_fn;
    std::string file(g_coroutine_task_file);  // before the first park: the view is the caller's
    g_coroutine_task_fn = nullptr;
    g_coroutine_task_file = {};
    ServerState *st = current_server();
    if (!fn || !st) {
        if (!file.empty()) ::unlink(file.c_str());
        RETURN_NULL();
    }
    if (!file.empty()) {
        std::string bytes;
        if (!kernel::load_spilled_async(file, bytes)) {
            int e = errno;
            php_error_docref(nullptr, E_WARNING, "cannot read the task payload file %s, Error: %s[%d]", file.c_str(),
                             strerror(e), e);
            RETURN_NULL();
        }
        zval value;
        unpack_value(bytes, task_of(Z_OBJ_P(task))->info.flags, &value);
        zend_update_property(server_task_ce, Z_OBJ_P(task), ZEND_STRL("data"), &value);
        zval_ptr_dtor(&value);
    }
    zval args[2], retval;
    ZVAL_COPY_VALUE(&args[0], server);
    ZVAL_COPY_VALUE(&args[1], task);
    fn->call(&retval, 2, args);
    if (!EG(exception) && !Z_ISUNDEF(retval) && Z_TYPE(retval) != IS_NULL) {
        finish_task(*st, task_of(Z_OBJ_P(task))->info, &retval);
    }
    zval_ptr_dtor(&retval);
}

namespace {

ZEND_BEGIN_ARG_INFO_EX(arginfo_task, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, taskWorkerIndex, IS_LONG, 0, "-1")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, finishCallback, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_taskwait, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, taskWorkerIndex, IS_LONG, 0, "-1")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_task_multi, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, tasks, IS_ARRAY, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "0.5")
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_finish, 0, 0, 1)
    ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
ZEND_END_ARG_INFO()
ZEND_BEGIN_ARG_INFO_EX(arginfo_runtask, 0, 0, 2)
    ZEND_ARG_INFO(0, server)
    ZEND_ARG_INFO(0, task)
ZEND_END_ARG_INFO()

const zend_function_entry task_methods[] = {
    ZEND_ME(Server_Task, finish, arginfo_finish, ZEND_ACC_PUBLIC)
    ZEND_ME(Server_Task, pack, arginfo_finish, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    ZEND_ME(Server_Task, __runtask, arginfo_runtask, ZEND_ACC_PRIVATE | ZEND_ACC_STATIC)
    ZEND_FE_END
};

}  // namespace

const zend_function_entry server_task_methods[] = {
    ZEND_ME(Server, task, arginfo_task, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, taskwait, arginfo_taskwait, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, taskWaitMulti, arginfo_task_multi, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, taskCo, arginfo_task_multi, ZEND_ACC_PUBLIC)
    ZEND_ME(Server, finish, arginfo_finish, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

void register_server_task(int) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Server\\Task", task_methods);
    server_task_ce = zend_register_internal_class(&ce);
    server_task_ce->ce_flags |= ZEND_ACC_FINAL;
    server_task_ce->create_object = create_task;
    memcpy(&task_handlers, &std_object_handlers, sizeof task_handlers);
    task_handlers.offset = XtOffsetOf(TaskObject, std);
    task_handlers.clone_obj = nullptr;
    zend_declare_property_null(server_task_ce, ZEND_STRL("data"), ZEND_ACC_PUBLIC);
    zend_declare_property_double(server_task_ce, ZEND_STRL("dispatch_time"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_task_ce, ZEND_STRL("id"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_task_ce, ZEND_STRL("worker_id"), -1, ZEND_ACC_PUBLIC);
    zend_declare_property_long(server_task_ce, ZEND_STRL("flags"), 0, ZEND_ACC_PUBLIC);
    zend_register_class_alias("swoole_server_task", server_task_ce);
}

void server_task_request_end() {
    TaskGlue &g = task_glue();
    g.finish_callbacks.clear();
    for (zval &p : g.processes) zval_ptr_dtor(&p);
    g.processes.clear();
    g.task_enable_coroutine = false;
    g.task_use_object = false;
}

}  // namespace swoole::php
