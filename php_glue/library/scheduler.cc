// Swoole\Coroutine\Scheduler (alias Co\Scheduler): tasks queued with add() and
// parallel() become coroutines, in queue order, when start() runs; start() then
// runs the event loop until everything has finished. Native (as in Swoole) so
// that it can tell whether an event loop exists and its warnings name the method.
//
// Unlike Swoole 4.8, start() with nothing queued fails before any loop exists,
// so a later Co\run() or start() still works.
#include <new>
#include <vector>

#include "callable.h"
#include "coroutine/php_coroutine.h"
#include "library/library.h"

extern "C" {
#include "zend_closures.h"
#include "zend_interfaces.h"
}

namespace swoole::php {
namespace {

zend_class_entry *scheduler_ce = nullptr;
zend_object_handlers scheduler_handlers;

// One add() (copies = 1) or parallel() (copies = n).
struct SchedulerTask {
    Callable *fn;      // keeps the callable (closure, bound object) alive
    uint32_t argc;
    zval *argv;        // emalloc'd copies of the extra arguments
    zend_long copies;
};

struct SchedulerObject {
    std::vector<SchedulerTask> *tasks;
    bool running;  // inside start()
    zend_object std;
};

SchedulerObject *scheduler_of(zend_object *object) {
    return reinterpret_cast<SchedulerObject *>(reinterpret_cast<char *>(object) - XtOffsetOf(SchedulerObject, std));
}

void release_callable(SchedulerTask &task) {
    delete task.fn;
    task.fn = nullptr;
}

void release_args(SchedulerTask &task) {
    for (uint32_t i = 0; i < task.argc; i++) zval_ptr_dtor(&task.argv[i]);
    if (task.argv) efree(task.argv);
    task.argv = nullptr;
    task.argc = 0;
}

void clear_tasks(SchedulerObject *s) {
    for (SchedulerTask &task : *s->tasks) {
        release_callable(task);
        release_args(task);
    }
    s->tasks->clear();
}

zend_object *scheduler_create(zend_class_entry *ce) {
    auto *s = static_cast<SchedulerObject *>(zend_object_alloc(sizeof(SchedulerObject), ce));
    s->tasks = new std::vector<SchedulerTask>();
    s->running = false;
    zend_object_std_init(&s->std, ce);
    object_properties_init(&s->std, ce);
    s->std.handlers = &scheduler_handlers;
    return &s->std;
}

void scheduler_free(zend_object *object) {
    SchedulerObject *s = scheduler_of(object);
    if (s->tasks) {
        clear_tasks(s);
        delete s->tasks;
        s->tasks = nullptr;
    }
    zend_object_std_dtor(object);
}

// The queued callables and arguments, so the cycle collector sees through a
// scheduler whose tasks refer back to it.
HashTable *scheduler_get_gc(zend_object *object, zval **table, int *n) {
    SchedulerObject *s = scheduler_of(object);
    zend_get_gc_buffer *buffer = zend_get_gc_buffer_create();
    if (s->tasks) {
        for (SchedulerTask &task : *s->tasks) {
            if (task.fn) zend_get_gc_buffer_add_zval(buffer, task.fn->value());
            for (uint32_t i = 0; i < task.argc; i++) zend_get_gc_buffer_add_zval(buffer, &task.argv[i]);
        }
    }
    zend_get_gc_buffer_use(buffer, table, n);
    return zend_std_get_properties(object);
}

// The scheduler's class name as seen by the user (Co\Scheduler is the same class).
const char *class_name(zval *self) { return ZSTR_VAL(Z_OBJCE_P(self)->name); }

bool refuse_while_running(SchedulerObject *s, zval *self, const char *method) {
    if (!s->running) return false;
    php_error_docref(nullptr, E_WARNING, "scheduler is running, unable to execute %s->%s", class_name(self), method);
    return true;
}

void queue_task(SchedulerObject *s, const zend_fcall_info &fci, const zend_fcall_info_cache &fcc, zval *args,
                uint32_t argc, zend_long copies) {
    SchedulerTask task{new Callable(fci, fcc), argc, nullptr, copies};
    if (argc > 0) {
        task.argv = static_cast<zval *>(safe_emalloc(argc, sizeof(zval), 0));
        for (uint32_t i = 0; i < argc; i++) ZVAL_COPY_DEREF(&task.argv[i], &args[i]);
    }
    s->tasks->push_back(task);
}

// Starts one coroutine of a task; false if it could not be created.
bool start_one(SchedulerTask &task) {
    if (!(task.fn->fcc().function_handler)) {
        // A __call/__callStatic trampoline: resolved anew for every call.
        zend_fcall_info_cache fcc;
        if (!zend_is_callable_ex(task.fn->value(), nullptr, 0, nullptr, &fcc, nullptr)) return false;
        if (PhpCoroutine::create(&fcc, task.argc, task.argv) >= 0) return true;  // the call consumed it
        zend_release_fcall_info_cache(&fcc);
        return false;
    }
    zend_fcall_info_cache fcc = task.fn->fcc();
    return PhpCoroutine::create(&fcc, task.argc, task.argv) >= 0;
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_add, 0, 1, _IS_BOOL, 1)
ZEND_ARG_TYPE_INFO(0, func, IS_CALLABLE, 0)
ZEND_ARG_VARIADIC_TYPE_INFO(0, param, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_parallel, 0, 2, _IS_BOOL, 1)
ZEND_ARG_TYPE_INFO(0, n, IS_LONG, 0)
ZEND_ARG_TYPE_INFO(0, func, IS_CALLABLE, 0)
ZEND_ARG_VARIADIC_TYPE_INFO(0, param, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, _IS_BOOL, 1)
ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get_options, 0, 0, IS_ARRAY, 1)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_start, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

// add(callable $func, mixed ...$param): null once queued, false while running.
PHP_METHOD(Scheduler, add) {
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    zval *args = nullptr;
    uint32_t argc = 0;
    ZEND_PARSE_PARAMETERS_START(1, -1)
    Z_PARAM_FUNC(fci, fcc)
    Z_PARAM_VARIADIC('*', args, argc)
    ZEND_PARSE_PARAMETERS_END();
    SchedulerObject *s = scheduler_of(Z_OBJ_P(ZEND_THIS));
    if (refuse_while_running(s, ZEND_THIS, "add")) RETURN_FALSE;
    queue_task(s, fci, fcc, args, argc, 1);
}

// parallel(int $n, callable $func, mixed ...$param): $n copies of one task.
PHP_METHOD(Scheduler, parallel) {
    zend_long copies = 0;
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    zval *args = nullptr;
    uint32_t argc = 0;
    ZEND_PARSE_PARAMETERS_START(2, -1)
    Z_PARAM_LONG(copies)
    Z_PARAM_FUNC(fci, fcc)
    Z_PARAM_VARIADIC('*', args, argc)
    ZEND_PARSE_PARAMETERS_END();
    SchedulerObject *s = scheduler_of(Z_OBJ_P(ZEND_THIS));
    if (refuse_while_running(s, ZEND_THIS, "parallel")) RETURN_FALSE;
    queue_task(s, fci, fcc, args, argc, copies);
}

// set(array $settings): the same options as Co::set(), through it.
PHP_METHOD(Scheduler, set) {
    zval *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_ARRAY(settings)
    ZEND_PARSE_PARAMETERS_END();
    auto *coroutine_ce =
        static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine")));
    if (!coroutine_ce) RETURN_FALSE;
    zval retval;
    ZVAL_UNDEF(&retval);
    zend_call_method(nullptr, coroutine_ce, nullptr, ZEND_STRL("set"), &retval, 1, settings, nullptr);
    zval_ptr_dtor(&retval);
}

// getOptions(): what Co::getOptions() returns (null before the first set).
PHP_METHOD(Scheduler, getOptions) {
    ZEND_PARSE_PARAMETERS_NONE();
    HashTable *options = PhpCoroutine::options();
    if (!options) RETURN_NULL();
    RETURN_ARR(zend_array_dup(options));
}

PHP_METHOD(Scheduler, start) {
    ZEND_PARSE_PARAMETERS_NONE();
    SchedulerObject *s = scheduler_of(Z_OBJ_P(ZEND_THIS));
    if (PhpCoroutine::has_reactor() || PhpCoroutine::inside()) {
        php_error_docref(nullptr, E_WARNING, "eventLoop has already been created. unable to start %s",
                         class_name(ZEND_THIS));
        RETURN_FALSE;
    }
    if (s->running) {
        php_error_docref(nullptr, E_WARNING, "scheduler is started, unable to execute %s->start",
                         class_name(ZEND_THIS));
        RETURN_FALSE;
    }
    if (s->tasks->empty()) {
        php_error_docref(nullptr, E_WARNING, "no coroutine task");
        RETURN_FALSE;
    }

    // The tasks stay in the object until the loop ends (no C++ temporaries:
    // a fatal error in a coroutine unwinds by longjmp). A closure is released
    // as soon as its coroutines exist, since their frames hold it; a method
    // callable keeps its object alive until the end, since frames do not.
    s->running = true;
    for (size_t i = 0; i < s->tasks->size(); i++) {
        SchedulerTask &task = (*s->tasks)[i];
        for (zend_long n = 0; n < task.copies; n++) {
            if (!start_one(task)) break;
            PhpCoroutine::check_bailout();
        }
        release_args(task);
        zval *value = task.fn->value();
        if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == zend_ce_closure) release_callable(task);
    }
    PhpCoroutine::run_loop();
    PhpCoroutine::release_reactor();
    clear_tasks(s);
    s->running = false;
    RETURN_TRUE;
}

const zend_function_entry scheduler_methods[] = {
    PHP_ME(Scheduler, add, arginfo_add, ZEND_ACC_PUBLIC)
    PHP_ME(Scheduler, parallel, arginfo_parallel, ZEND_ACC_PUBLIC)
    PHP_ME(Scheduler, set, arginfo_set, ZEND_ACC_PUBLIC)
    PHP_ME(Scheduler, getOptions, arginfo_get_options, ZEND_ACC_PUBLIC)
    PHP_ME(Scheduler, start, arginfo_start, ZEND_ACC_PUBLIC)
    PHP_FE_END
};

}  // namespace

void register_scheduler(int module_number) {
    zend_class_entry ce;
    INIT_NS_CLASS_ENTRY(ce, "Swoole\\Coroutine", "Scheduler", scheduler_methods);
    scheduler_ce = zend_register_internal_class(&ce);
    scheduler_ce->ce_flags |= ZEND_ACC_FINAL | ZEND_ACC_NOT_SERIALIZABLE;
    scheduler_ce->create_object = scheduler_create;

    memcpy(&scheduler_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
    scheduler_handlers.offset = XtOffsetOf(SchedulerObject, std);
    scheduler_handlers.free_obj = scheduler_free;
    scheduler_handlers.get_gc = scheduler_get_gc;
    scheduler_handlers.clone_obj = nullptr;

    if (ini().use_shortname) zend_register_class_alias("Co\\Scheduler", scheduler_ce);
}

}  // namespace swoole::php
