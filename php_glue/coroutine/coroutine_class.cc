// Swoole\Coroutine (Co): the static API over the PHP coroutine core, plus
// Co\Context and Co\Iterator.
#include <cmath>
#include <ctime>

#include "coroutine/php_coroutine.h"
#include "coroutine/task.h"
#include "system/system.h"
#include "runtime/runtime.h"

#include "base/error.h"
#include "base/log.h"

extern "C" {
#include "ext/spl/spl_array.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
}

namespace swoole::php {
using namespace swoole::kernel;  // error codes (SW_ERROR_*)

zend_class_entry *coroutine_ce = nullptr;
zend_class_entry *coroutine_context_ce = nullptr;
zend_class_entry *coroutine_iterator_ce = nullptr;

namespace {

int64_t now_ms() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return int64_t(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// go() / Co::create(): fn and its arguments, by value.
void create_coroutine(INTERNAL_FUNCTION_PARAMETERS) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(1, -1)
    Z_PARAM_FUNC(fci, fcc)
    Z_PARAM_VARIADIC('*', fci.params, fci.param_count)
    ZEND_PARSE_PARAMETERS_END();
    int64_t cid = PhpCoroutine::create(&fcc, fci.param_count, fci.params);
    if (cid < 0) RETURN_FALSE;
    RETURN_LONG(cid);
}

void defer_call(INTERNAL_FUNCTION_PARAMETERS) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_FUNC(fci, fcc)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    PhpCoroutine::defer(fci, fcc);
}

// The id argument of the introspection methods: 0 means the current coroutine.
int64_t target_cid(zend_long cid) { return cid == 0 ? PhpCoroutine::cid() : cid; }

void apply_option(zend_string *key, zval *value) {
    auto is = [key](const char *name) { return zend_string_equals_cstr(key, name, strlen(name)); };
    if (is("max_coroutine") || is("max_coro_num")) {
        zend_long max = zval_get_long(value);
        kernel::Coroutine::set_max_count(max <= 0 ? 0 : static_cast<size_t>(max));
    } else if (is("stack_size") || is("c_stack_size")) {
        // Negative values become huge unsigned ones, clamped to the maximum.
        kernel::Coroutine::set_stack_size(static_cast<size_t>(zval_get_long(value)));
    } else if (is("log_level")) {
        kernel::Logger::instance().set_level(static_cast<int>(zval_get_long(value)));
    } else if (is("exit_condition")) {
        if (Z_TYPE_P(value) != IS_NULL && !zend_is_callable(value, 0, nullptr)) {
            zend_string *name = zval_get_string(value);
            php_error_docref(nullptr, E_ERROR, "exit_condition '%s' is not callable", ZSTR_VAL(name));
            zend_string_release(name);
        }
    } else if (is("hook_flags")) {
        runtime::record_hook_flags(zval_get_long(value));  // applied when the runtime activates
    } else if (is("log_file")) {
        zend_string *path = zval_get_string(value);
        kernel::Logger::instance().set_file(ZSTR_VAL(path));
        zend_string_release(path);
    }
}

// ---- arginfo ----

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_create, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
ZEND_ARG_TYPE_INFO(0, func, IS_CALLABLE, 0)
ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_defer, 0, 1, IS_VOID, 0)
ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, IS_VOID, 0)
ZEND_ARG_TYPE_INFO(0, options, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_options, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_array, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_exists, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, cid, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_long, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_get_pcid, 0, 0, MAY_BE_LONG | MAY_BE_FALSE)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_get_context, 0, 0, Swoole\\Coroutine\\Context, 1)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_cid_bool, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, cid, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_join, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, cid_array, IS_ARRAY, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_list, 0, 0, Swoole\\Coroutine\\Iterator, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_backtrace, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "DEBUG_BACKTRACE_PROVIDE_OBJECT")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_print_backtrace, 0, 0, MAY_BE_VOID | MAY_BE_FALSE)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_LONG, 0, "0")
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, limit, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_elapsed, 0, 0, IS_LONG, 0)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_stack_usage, 0, 0, MAY_BE_LONG | MAY_BE_FALSE)
ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, cid, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sleep, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, seconds, IS_DOUBLE, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_run, 0, 1, _IS_BOOL, 0)
ZEND_ARG_TYPE_INFO(0, fn, IS_CALLABLE, 0)
ZEND_ARG_VARIADIC_TYPE_INFO(0, args, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_INFO_EX(arginfo_void, 0, 0, 0)
ZEND_END_ARG_INFO()

// ---- Swoole\Coroutine ----

PHP_METHOD(Coroutine, __construct) {
    zend_throw_error(nullptr, "The object of %s can not be created for security reasons", ZSTR_VAL(coroutine_ce->name));
}

PHP_METHOD(Coroutine, create) { create_coroutine(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
PHP_METHOD(Coroutine, defer) { defer_call(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

PHP_METHOD(Coroutine, set) {
    HashTable *options;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY_HT(options)
    ZEND_PARSE_PARAMETERS_END();
    HashTable *stored = PhpCoroutine::options_for_update();
    zend_string *key;
    zend_ulong index;
    zval *value;
    ZEND_HASH_FOREACH_KEY_VAL(options, index, key, value) {
        Z_TRY_ADDREF_P(value);
        if (key) {
            zend_hash_update(stored, key, value);
            apply_option(key, value);
        } else {
            zend_hash_index_update(stored, index, value);
        }
    }
    ZEND_HASH_FOREACH_END();
}

PHP_METHOD(Coroutine, getOptions) {
    ZEND_PARSE_PARAMETERS_NONE();
    HashTable *options = PhpCoroutine::options();
    if (!options) RETURN_NULL();
    RETURN_ARR(zend_array_dup(options));
}

PHP_METHOD(Coroutine, stats) {
    ZEND_PARSE_PARAMETERS_NONE();
    array_init(return_value);
    kernel::Reactor *reactor = PhpCoroutine::has_reactor() ? &PhpCoroutine::reactor() : nullptr;
    add_assoc_long(return_value, "event_num", reactor ? static_cast<zend_long>(reactor->fd_count()) : 0);
    add_assoc_long(return_value, "signal_listener_num", 0);
    add_assoc_long(return_value, "aio_task_num", 0);
    add_assoc_long(return_value, "aio_worker_num", 0);
    add_assoc_long(return_value, "aio_queue_size", 0);
    add_assoc_long(return_value, "c_stack_size", static_cast<zend_long>(kernel::Coroutine::stack_size()));
    add_assoc_long(return_value, "coroutine_num", static_cast<zend_long>(kernel::Coroutine::count()));
    add_assoc_long(return_value, "coroutine_peak_num", static_cast<zend_long>(PhpCoroutine::peak()));
    add_assoc_long(return_value, "coroutine_last_cid", kernel::Coroutine::last_id());
}

PHP_METHOD(Coroutine, exists) {
    zend_long cid;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(kernel::Coroutine::get(cid) != nullptr);
}

PHP_METHOD(Coroutine, getCid) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_LONG(PhpCoroutine::cid());
}

PHP_METHOD(Coroutine, getPcid) {
    zend_long cid = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Coroutine *co = kernel::Coroutine::get(target_cid(cid));
    if (!co) RETURN_FALSE;
    RETURN_LONG(co->parent_id());
}

PHP_METHOD(Coroutine, getContext) {
    zend_long cid = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    PhpTask *task = PhpCoroutine::task(cid == 0 ? PhpCoroutine::cid() : cid);
    if (!task) {
        kernel::set_last_error(SW_ERROR_CO_NOT_EXISTS);
        RETURN_NULL();
    }
    if (task->context_closed) {
        php_error_docref(nullptr, E_WARNING, "Context of this coroutine has been destroyed");
        RETURN_NULL();
    }
    if (!task->context) {
        zval context;
        object_init_ex(&context, coroutine_context_ce);
        task->context = Z_OBJ(context);
    }
    GC_ADDREF(task->context);
    RETURN_OBJ(task->context);
}

PHP_METHOD(Coroutine, yield) {
    ZEND_PARSE_PARAMETERS_NONE();
    PhpCoroutine::require_coroutine();
    auto *task = static_cast<PhpTask *>(kernel::Coroutine::current()->task);
    task->user_yield = true;
    kernel::WaitResult result = kernel::Coroutine::park();
    task->user_yield = false;
    if (result == kernel::WaitResult::canceled) {
        kernel::set_last_error(SW_ERROR_CO_CANCELED);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Coroutine, resume) {
    zend_long cid;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Coroutine *co = cid > 0 ? kernel::Coroutine::get(cid) : nullptr;
    auto *task = co ? static_cast<PhpTask *>(co->task) : nullptr;
    if (!task || !task->user_yield) {
        php_error_docref(nullptr, E_WARNING, "can not resume the coroutine which is in IO operation or non-existent");
        RETURN_FALSE;
    }
    // A fatal error in the resumed coroutine continues through the return hook.
    kernel::Coroutine::wake(co);
    RETURN_TRUE;
}

PHP_METHOD(Coroutine, cancel) {
    zend_long cid;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_BOOL(kernel::Coroutine::cancel(cid));
}

PHP_METHOD(Coroutine, isCanceled) {
    ZEND_PARSE_PARAMETERS_NONE();
    PhpCoroutine::require_coroutine();
    RETURN_BOOL(kernel::Coroutine::current()->is_canceled());
}

// A join's timeout: wakes the joiner, which then sees targets still running.
void join_timeout(kernel::TimerId, void *arg) {
    auto *wait = static_cast<JoinWait *>(arg);
    if (wait->woken) return;
    wait->woken = true;
    kernel::Coroutine::wake(wait->cid);
}

PHP_METHOD(Coroutine, join) {
    HashTable *cids;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 2)
    Z_PARAM_ARRAY_HT(cids)
    Z_PARAM_OPTIONAL
    Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::require_coroutine();
    int64_t self = PhpCoroutine::cid();
    std::vector<PhpTask *> targets;
    zval *item;
    ZEND_HASH_FOREACH_VAL(cids, item) {
        int64_t cid = zval_get_long(item);
        if (cid == self) {
            php_error_docref(nullptr, E_WARNING, "can not join self");
            kernel::set_last_error(SW_ERROR_WRONG_OPERATION);
            RETURN_FALSE;
        }
        PhpTask *task = PhpCoroutine::task(cid);
        if (!task) continue;  // finished or unknown: nothing to wait for
        if (task->join) {
            kernel::set_last_error(SW_ERROR_CO_HAS_BEEN_BOUND);
            RETURN_FALSE;
        }
        targets.push_back(task);
    }
    ZEND_HASH_FOREACH_END();
    if (targets.empty()) {
        kernel::set_last_error(SW_ERROR_INVALID_PARAMS);
        RETURN_FALSE;
    }
    JoinWait wait{self, static_cast<int>(targets.size()), false};
    for (PhpTask *task : targets) task->join = &wait;
    kernel::TimerId timer = 0;
    if (timeout > 0) {
        timer = PhpCoroutine::reactor().after(static_cast<uint64_t>(std::ceil(timeout * 1000)), join_timeout, &wait);
    }
    kernel::WaitResult result = kernel::Coroutine::park();
    if (timer > 0) PhpCoroutine::reactor().clear(timer);
    if (wait.remaining > 0) {
        // Timed out or canceled: the targets are free to be joined again.
        ZEND_HASH_FOREACH_VAL(cids, item) {
            PhpTask *task = PhpCoroutine::task(zval_get_long(item));
            if (task && task->join == &wait) task->join = nullptr;
        }
        ZEND_HASH_FOREACH_END();
        kernel::set_last_error(result == kernel::WaitResult::canceled ? SW_ERROR_CO_CANCELED : SW_ERROR_CO_TIMEDOUT);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

PHP_METHOD(Coroutine, list) {
    ZEND_PARSE_PARAMETERS_NONE();
    zval cids;
    array_init(&cids);
    for (int64_t cid : PhpCoroutine::list()) add_next_index_long(&cids, cid);
    object_init_ex(return_value, coroutine_iterator_ce);
    zend_call_known_instance_method_with_1_params(coroutine_iterator_ce->constructor, Z_OBJ_P(return_value), nullptr,
                                                  &cids);
    zval_ptr_dtor(&cids);
}

PHP_METHOD(Coroutine, getBackTrace) {
    zend_long cid = 0, options = DEBUG_BACKTRACE_PROVIDE_OBJECT, limit = 0;
    ZEND_PARSE_PARAMETERS_START(0, 3)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    Z_PARAM_LONG(options)
    Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();
    PhpCoroutine::backtrace(cid, return_value, static_cast<int>(options), limit);
}

PHP_METHOD(Coroutine, printBackTrace) {
    zend_long cid = 0, options = 0, limit = 0;
    ZEND_PARSE_PARAMETERS_START(0, 3)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    Z_PARAM_LONG(options)
    Z_PARAM_LONG(limit)
    ZEND_PARSE_PARAMETERS_END();
    zval trace;
    if (!PhpCoroutine::backtrace(cid, &trace, static_cast<int>(options), limit)) RETURN_FALSE;
    zend_string *text = zend_trace_to_string(Z_ARRVAL(trace), false);
    ZEND_WRITE(ZSTR_VAL(text), ZSTR_LEN(text));
    zend_string_release(text);
    zval_ptr_dtor(&trace);
}

PHP_METHOD(Coroutine, getElapsed) {
    zend_long cid = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    kernel::Coroutine *co = kernel::Coroutine::get(target_cid(cid));
    RETURN_LONG(co ? now_ms() - co->created_ms() : -1);
}

PHP_METHOD(Coroutine, getStackUsage) {
    zend_long cid = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
    Z_PARAM_OPTIONAL
    Z_PARAM_LONG(cid)
    ZEND_PARSE_PARAMETERS_END();
    int64_t target = target_cid(cid);
    if (cid == 0 || target == PhpCoroutine::cid()) {
        VmState live;  // the running context's stack is in the executor globals
        live.vm_stack = EG(vm_stack);
        live.vm_stack_top = EG(vm_stack_top);
        RETURN_LONG(static_cast<zend_long>(vm_stack_usage(&live)));
    }
    PhpTask *task = PhpCoroutine::task(target);
    if (!task) {
        kernel::set_last_error(SW_ERROR_CO_NOT_EXISTS);
        RETURN_FALSE;
    }
    RETURN_LONG(static_cast<zend_long>(vm_stack_usage(&task->vm)));
}

PHP_METHOD(Coroutine, sleep) {
    double seconds;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_DOUBLE(seconds)
    ZEND_PARSE_PARAMETERS_END();
    if (seconds < 0.001) {
        php_error_docref(nullptr, E_WARNING, "Timer must be greater than or equal to 0.001");
        RETURN_FALSE;
    }
    PhpCoroutine::require_coroutine();
    PhpCoroutine::reactor();
    if (kernel::Coroutine::sleep(seconds) == kernel::WaitResult::canceled) {
        kernel::set_last_error(SW_ERROR_CO_CANCELED);
        RETURN_FALSE;
    }
    RETURN_TRUE;
}

// Switch preemption off/on for the current coroutine; true if the state changed.
void set_preemption(INTERNAL_FUNCTION_PARAMETERS, bool off) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Coroutine *co = kernel::Coroutine::current();
    auto *task = co ? static_cast<PhpTask *>(co->task) : nullptr;
    if (!task || task->preemption_off == off) RETURN_FALSE;
    task->preemption_off = off;
    RETURN_TRUE;
}

PHP_METHOD(Coroutine, enableScheduler) { set_preemption(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }
PHP_METHOD(Coroutine, disableScheduler) { set_preemption(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

const zend_function_entry coroutine_methods[] = {
    PHP_ME(Coroutine, enableScheduler, arginfo_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, disableScheduler, arginfo_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, __construct, arginfo_void, ZEND_ACC_PUBLIC)
    PHP_ME(Coroutine, create, arginfo_create, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, defer, arginfo_defer, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, set, arginfo_set, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getOptions, arginfo_get_options, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, stats, arginfo_array, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, exists, arginfo_exists, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getCid, arginfo_long, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_MALIAS(Coroutine, getuid, getCid, arginfo_long, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getPcid, arginfo_get_pcid, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getContext, arginfo_get_context, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, yield, arginfo_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_MALIAS(Coroutine, suspend, yield, arginfo_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, resume, arginfo_cid_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, cancel, arginfo_cid_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, isCanceled, arginfo_bool, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, join, arginfo_join, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, list, arginfo_list, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_MALIAS(Coroutine, listCoroutines, list, arginfo_list, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getBackTrace, arginfo_backtrace, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, printBackTrace, arginfo_print_backtrace, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getElapsed, arginfo_elapsed, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, getStackUsage, arginfo_stack_usage, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Coroutine, sleep, arginfo_sleep, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_FE_END
};

// ---- functions ----

PHP_FUNCTION(swoole_coroutine_create) { create_coroutine(INTERNAL_FUNCTION_PARAM_PASSTHRU); }
PHP_FUNCTION(swoole_coroutine_defer) { defer_call(INTERNAL_FUNCTION_PARAM_PASSTHRU); }

// Co\run(): a fresh event loop for fn, run until everything has finished.
PHP_FUNCTION(swoole_coroutine_run) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    ZEND_PARSE_PARAMETERS_START(1, -1)
    Z_PARAM_FUNC(fci, fcc)
    Z_PARAM_VARIADIC('*', fci.params, fci.param_count)
    ZEND_PARSE_PARAMETERS_END();
    if (PhpCoroutine::has_reactor() || PhpCoroutine::inside()) {
        php_error_docref(nullptr, E_WARNING,
                         "eventLoop has already been created. unable to start Swoole\\Coroutine\\Scheduler");
        RETURN_FALSE;
    }
    runtime::activate(true);  // HOOK_ALL unless hook_flags was set
    if (PhpCoroutine::create(&fcc, fci.param_count, fci.params) < 0) {
        PhpCoroutine::release_reactor();
        RETURN_FALSE;
    }
    PhpCoroutine::run_loop();
    PhpCoroutine::release_reactor();
    RETURN_TRUE;
}

const zend_function_entry coroutine_functions[] = {
    ZEND_FE(swoole_coroutine_create, arginfo_create)
    ZEND_FE(swoole_coroutine_defer, arginfo_defer)
    ZEND_NS_FALIAS("Swoole\\Coroutine", run, swoole_coroutine_run, arginfo_run)
    ZEND_FE_END
};

const zend_function_entry shortname_functions[] = {
    ZEND_FALIAS(go, swoole_coroutine_create, arginfo_create)
    ZEND_FALIAS(defer, swoole_coroutine_defer, arginfo_defer)
    ZEND_NS_FALIAS("Co", run, swoole_coroutine_run, arginfo_run)
    ZEND_FE_END
};

}  // namespace

void register_coroutine_exit(int module_number);  // exit.cc

void register_coroutine(int module_number) {
    PhpCoroutine::install();

    zend_class_entry ce;
    INIT_NS_CLASS_ENTRY(ce, "Swoole", "Coroutine", coroutine_methods);
    coroutine_ce = zend_register_internal_class(&ce);
    coroutine_ce->ce_flags |= ZEND_ACC_FINAL;
    // Every System helper is also a static method of Swoole\Coroutine.
    zend_register_functions(coroutine_ce, system_methods, &coroutine_ce->function_table, MODULE_PERSISTENT);

    INIT_NS_CLASS_ENTRY(ce, "Swoole\\Coroutine", "Context", nullptr);
    coroutine_context_ce = zend_register_internal_class_ex(&ce, spl_ce_ArrayObject);
    coroutine_context_ce->ce_flags |= ZEND_ACC_ALLOW_DYNAMIC_PROPERTIES;
    INIT_NS_CLASS_ENTRY(ce, "Swoole\\Coroutine", "Iterator", nullptr);
    coroutine_iterator_ce = zend_register_internal_class_ex(&ce, spl_ce_ArrayIterator);

    zend_register_functions(nullptr, coroutine_functions, nullptr, MODULE_PERSISTENT);
    if (ini().use_shortname) {
        zend_register_class_alias("Co", coroutine_ce);
        zend_register_class_alias("Co\\Context", coroutine_context_ce);
        zend_register_class_alias("Co\\Iterator", coroutine_iterator_ce);
        zend_register_functions(nullptr, shortname_functions, nullptr, MODULE_PERSISTENT);
    }
    register_coroutine_exit(module_number);
}

void coroutine_request_end() { PhpCoroutine::request_end(); }

}  // namespace swoole::php
