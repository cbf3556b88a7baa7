// The PHP coroutine core: creation, the switch hook that swaps VM state,
// defers, the request's event loop and how a fatal error inside a coroutine
// reaches the main context.
#include "coroutine/php_coroutine.h"

#include <event2/event.h>
#include <unistd.h>

#include <algorithm>
#include <deque>
#include <cinttypes>
#include <functional>
#include <memory>

#include "base/error.h"
#include "coroutine/task.h"
#include "reactor/thread_loop.h"
#include "runtime/runtime.h"

extern "C" {
#include "zend_exceptions.h"
#include "zend_builtin_functions.h"
#include "ext/standard/basic_functions.h"
#include "zend_closures.h"
}

namespace swoole::php {
using kernel::SW_ERROR_CO_NOT_EXISTS;
using kernel::SW_ERROR_CO_OUT_OF_COROUTINE;

namespace {

// A new coroutine's first VM stack page is small (an idle coroutine should cost
// little, and PHP's allocator packs pages this small together); deeper calls
// get pages of the larger size, so a loop of calls does not keep crossing a
// page boundary.
constexpr size_t kVmStackFirstPage = 2 * 1024;
constexpr size_t kVmStackGrowPage = 16 * 1024;

struct CreateArgs {
    zend_fcall_info_cache *fcc;
    uint32_t argc;
    zval *argv;
};

VmState g_main_state;          // the main context's state while a coroutine runs
bool g_bailout_pending = false;  // a coroutine hit a fatal error
bool g_loop_running = false;
bool g_shutdown_registered = false;
size_t g_peak = 0;  // most coroutines alive at once in this request
bool g_shutdown_loop_done = false;  // the implicit end-of-script loop has run
kernel::Reactor *g_reactor = nullptr;  // the thread's loop while this request uses it
HashTable *g_options = nullptr;

PhpTask *task_of(kernel::Coroutine *co) { return co ? static_cast<PhpTask *>(co->task) : nullptr; }

VmState *state_of(kernel::Coroutine *co) {
    if (!co) return &g_main_state;
    PhpTask *task = task_of(co);
    return task ? &task->vm : nullptr;  // nullptr: not started or already ended
}

bool g_preemption = false;  // the preemptive scheduler runs for this loop

void on_switch(kernel::Coroutine *from, kernel::Coroutine *to) {
    if (VmState *state = state_of(from)) state->save();
    if (VmState *state = state_of(to)) state->restore();
    if (g_preemption) preemption_note_switch(to != nullptr);
}

// Control came back to a context after a coroutine it resumed yielded or ended.
void on_return() {
    if (!g_bailout_pending) return;
    if (kernel::Coroutine::current() || !g_loop_running) {
        zend_bailout();  // continues in this context's zend_try
    }
    // The main context inside the event loop: leave the loop, then bail out.
    if (g_reactor) {
        g_reactor->stop();
        event_base_loopbreak(g_reactor->base());
    }
}

void call_defers(PhpTask *task, zval *retval) {
    while (!task->defers.empty()) {
        std::unique_ptr<Callable> fn = std::move(task->defers.back());
        task->defers.pop_back();
        zval result;
        // The function's return value is the argument; none when it threw.
        fn->call(&result, retval ? 1 : 0, retval);
        zval_ptr_dtor(&result);
    }
}

// A deferred wake-up of a parked coroutine, its id in the context pointer.
void wake_by_id(void *arg) { kernel::Coroutine::wake(static_cast<int64_t>(reinterpret_cast<intptr_t>(arg))); }

void release_context(PhpTask *task) {
    if (!task->context) return;
    task->context_closed = true;
    zend_object *context = task->context;
    task->context = nullptr;
    OBJ_RELEASE(context);
}

void finish_join(PhpTask *task) {
    JoinWait *join = task->join;
    if (!join) return;
    task->join = nullptr;
    if (--join->remaining == 0 && !join->woken) {
        join->woken = true;
        // Wake the joiner from the loop, not from inside this ending coroutine
        // (the id travels in the context pointer: no allocation).
        PhpCoroutine::reactor().defer(wake_by_id, reinterpret_cast<void *>(static_cast<intptr_t>(join->cid)));
    }
}

// max_concurrency: top-level coroutines (pcid -1) beyond the limit wait here,
// in creation order, until a running one ends.
size_t g_top_level_running = 0;
std::deque<int64_t> g_top_level_waiting;

zend_long max_concurrency() {
    zval *v = PhpCoroutine::option("max_concurrency");
    return v ? zval_get_long(v) : 0;
}

// The call a queued coroutine makes later: its own copy of the arguments, which
// otherwise live on the creator's stack only until this coroutine first yields.
struct DeferredStart {
    zend_fcall_info_cache fcc;
    std::vector<zval> argv;
    explicit DeferredStart(const CreateArgs &args) : fcc(*args.fcc), argv(args.argv, args.argv + args.argc) {
        for (zval &v : argv) Z_TRY_ADDREF(v);
        if (fcc.object) GC_ADDREF(fcc.object);
        if (fcc.function_handler->common.fn_flags & ZEND_ACC_CLOSURE) {
            GC_ADDREF(ZEND_CLOSURE_OBJECT(fcc.function_handler));
        }
    }
    ~DeferredStart() {
        for (zval &v : argv) zval_ptr_dtor(&v);
        if (fcc.object) OBJ_RELEASE(fcc.object);
        if (fcc.function_handler->common.fn_flags & ZEND_ACC_CLOSURE) {
            OBJ_RELEASE(ZEND_CLOSURE_OBJECT(fcc.function_handler));
        }
    }
};

void top_level_ended() {
    --g_top_level_running;
    if (g_top_level_waiting.empty()) return;
    int64_t next = g_top_level_waiting.front();
    g_top_level_waiting.pop_front();
    ++g_top_level_running;
    PhpCoroutine::reactor().defer(wake_by_id, reinterpret_cast<void *>(static_cast<intptr_t>(next)));
}

void coroutine_main(void *arg) {
    auto *args = static_cast<CreateArgs *>(arg);
    kernel::Coroutine *co = kernel::Coroutine::current();
    bool top_level = co->parent_id() == kernel::Coroutine::kNoId;
    std::unique_ptr<DeferredStart> deferred;
    if (top_level) {
        zend_long limit = max_concurrency();
        if (limit > 0 && g_top_level_running >= static_cast<size_t>(limit)) {
            deferred = std::make_unique<DeferredStart>(*args);
            g_top_level_waiting.push_back(co->id());
            kernel::Coroutine::park();  // counted as running by whoever wakes it
        } else {
            ++g_top_level_running;
        }
    }
    CreateArgs own_args = deferred ? CreateArgs{&deferred->fcc, static_cast<uint32_t>(deferred->argv.size()),
                                                deferred->argv.data()}
                                   : *args;
    args = &own_args;
    PhpTask *task = new PhpTask();
    co->task = task;

    vm_stack_start(kVmStackFirstPage);
    EG(vm_stack_page_size) = kVmStackGrowPage;
    // A frame without a function under the coroutine's first call: with no frame
    // at all, PHP would report an exception from the call as uncaught at once,
    // before the coroutine's defers could run.
    zend_execute_data bottom;
    memset(&bottom, 0, sizeof bottom);
    EG(current_execute_data) = &bottom;
    EG(jit_trace_num) = 0;
    EG(fake_scope) = nullptr;
    EG(error_handling) = EH_NORMAL;
    EG(exception_class) = nullptr;

    JMP_BUF bailout;
    JMP_BUF *outer_bailout = EG(bailout);
    EG(bailout) = &bailout;
    if (SETJMP(bailout) == 0) {
        zval retval;
        ZVAL_UNDEF(&retval);
        zend_fcall_info_cache *fcc = args->fcc;
        // The caller may drop the object of an [$object, 'method'] callable while
        // this coroutine is suspended: hold it for the call.
        zend_object *object = fcc->object;
        if (object) GC_ADDREF(object);
        zend_call_known_function(fcc->function_handler, object, fcc->called_scope, &retval, args->argc, args->argv,
                                 nullptr);
        if (object) OBJ_RELEASE(object);
        args = nullptr;  // lives on the creator's stack, valid only until the first yield
        bool threw = EG(exception) != nullptr;
        if (Z_ISUNDEF(retval)) ZVAL_NULL(&retval);
        // Defers run also after an exception; they must not see it pending.
        zend_object *exception = EG(exception);
        if (exception) {
            EG(exception) = nullptr;
        }
        call_defers(task, threw ? nullptr : &retval);
        if (exception) {
            if (EG(exception)) zend_exception_set_previous(EG(exception), exception);
            else EG(exception) = exception;
        }
        release_context(task);
        zval_ptr_dtor(&retval);
        if (EG(exception)) {
            // Uncaught in a coroutine: a fatal error with the coroutine's trace.
            zend_exception_error(EG(exception), E_ERROR);
            zend_bailout();
        }
    } else {
        g_bailout_pending = true;
    }
    EG(bailout) = outer_bailout;
    deferred.reset();
    if (top_level) top_level_ended();
    finish_join(task);
    vm_stack_free();
    co->task = nullptr;
    delete task;
}

// Runs the loop at the end of the script, like an implicit Event::wait(), from
// a shutdown function so it runs before objects are destroyed.
void register_implicit_loop() {
    if (g_shutdown_registered) return;
    g_shutdown_registered = true;
    // Swoole\Event::rshutdown (event/event.cc) skips the loop after a fatal error.
    php_shutdown_function_entry entry;
    memset(&entry, 0, sizeof entry);
    zval name;
    ZVAL_STRING(&name, "Swoole\\Event::rshutdown");
    if (zend_fcall_info_init(&name, 0, &entry.fci, &entry.fci_cache, nullptr, nullptr) == SUCCESS) {
        Z_TRY_ADDREF(entry.fci.function_name);
        register_user_shutdown_function("swoole_event_rshutdown", sizeof("swoole_event_rshutdown") - 1, &entry);
    }
    zval_ptr_dtor(&name);
}

}  // namespace

int64_t PhpCoroutine::create(zend_fcall_info_cache *fcc, uint32_t argc, zval *argv) {
    if (g_shutdown_loop_done && !inside()) {
        // The loop already ran its last time: nothing would ever resume it.
        php_error_docref(nullptr, E_ERROR, "can not use coroutine in __destruct after php_request_shutdown");
        return -1;
    }
    if (kernel::Coroutine::count() >= kernel::Coroutine::max_count()) {
        php_error_docref(nullptr, E_WARNING, "exceed max number of coroutine %zu", kernel::Coroutine::count());
        return -1;
    }
    if (!inside()) {
        reactor();  // the loop must exist (and run at script end)
        runtime::activate(false);  // the hook_flags option takes effect with the first coroutine
    }
    CreateArgs args{fcc, argc, argv};
    size_t alive = kernel::Coroutine::count() + 1;
    int64_t cid = kernel::Coroutine::create(coroutine_main, &args);
    if (cid < 0) {
        php_error_docref(nullptr, E_WARNING, "create coroutine failed: %s", strerror(errno));
        return cid;
    }
    if (alive > g_peak) g_peak = alive;
    return cid;
}

void PhpCoroutine::require_coroutine() {
    if (inside()) return;
    zend_throw_exception(swoole_error_ce, "API must be called in the coroutine", SW_ERROR_CO_OUT_OF_COROUTINE);
    // Reported at once as uncaught: a try/catch around the call does not catch it.
    zend_exception_error(EG(exception), E_ERROR);
    zend_bailout();
}

kernel::Reactor &PhpCoroutine::reactor() {
    if (!g_reactor) {
        g_reactor = &kernel::thread_reactor();
        runtime_guard_enable();
        if (preemption_wanted()) {
            g_preemption = true;
            preemption_start();
        }
        register_implicit_loop();
    }
    return *g_reactor;
}

bool PhpCoroutine::has_reactor() { return g_reactor != nullptr; }
size_t PhpCoroutine::peak() { return g_peak; }

void PhpCoroutine::check_bailout() { on_return(); }

HashTable *PhpCoroutine::options() { return g_options; }

zval *PhpCoroutine::option(const char *name) {
    return g_options ? zend_hash_str_find(g_options, name, strlen(name)) : nullptr;
}

bool PhpCoroutine::defer(const zend_fcall_info &fci, const zend_fcall_info_cache &fcc) {
    PhpTask *task = task_of(kernel::Coroutine::current());
    if (!task) return false;
    task->defers.push_back(std::make_unique<Callable>(fci, fcc));
    return true;
}

}  // namespace swoole::php

namespace swoole::php {

namespace {

bool option_enabled(const char *name, bool fallback) {
    zval *v = PhpCoroutine::option(name);
    return v ? zend_is_true(v) : fallback;
}

zend_long option_long(const char *name, zend_long fallback) {
    zval *v = PhpCoroutine::option(name);
    return v ? zval_get_long(v) : fallback;
}

// The deadlock report: the loop ended while coroutines are still parked and
// nothing is left that could wake them.
void report_deadlock() {
    size_t count = kernel::Coroutine::count();
    php_printf("\n===================================================================\n"
               " [FATAL ERROR]: all coroutines (count: %zu) are asleep - deadlock!\n"
               "===================================================================\n",
               count);
    if (option_enabled("deadlock_check_disable_trace", false)) return;
    zend_long limit = option_long("deadlock_check_limit", 32);
    zend_long depth = option_long("deadlock_check_depth", 32);
    std::vector<int64_t> cids = PhpCoroutine::list();
    zend_long shown = 0;
    for (int64_t cid : cids) {
        if (limit > 0 && shown++ >= limit) break;
        php_printf("\n [Coroutine-%" PRId64 "]\n"
                   "--------------------------------------------------------------------\n",
                   cid);
        zval trace;
        PhpCoroutine::backtrace(cid, &trace, DEBUG_BACKTRACE_IGNORE_ARGS, depth);
        if (Z_TYPE(trace) == IS_ARRAY) {
            zend_string *text = zend_trace_to_string(Z_ARRVAL(trace), false);
            php_printf("%s", ZSTR_VAL(text));
            zend_string_release(text);
        }
        zval_ptr_dtor(&trace);
    }
    php_printf("\n");
}

}  // namespace

// exit_condition: asked only once nothing is left; false keeps the loop going.
static bool exit_condition_says_wait() {
    zval *condition = PhpCoroutine::option("exit_condition");
    if (!condition || Z_TYPE_P(condition) == IS_NULL) return false;
    zval result;
    if (call_user_function(nullptr, nullptr, condition, &result, 0, nullptr) != SUCCESS) return false;
    bool wait = Z_TYPE(result) == IS_FALSE;
    zval_ptr_dtor(&result);
    return wait && !EG(exception);
}

void PhpCoroutine::run_loop() {
    if (!g_reactor || g_loop_running) return;
    g_loop_running = true;
    for (;;) {
        g_reactor->run();
        if (g_bailout_pending || !exit_condition_says_wait()) break;
        // Nothing registered and told to wait: only a signal can end this.
        while (!g_reactor->has_work() && !g_bailout_pending) ::pause();
    }
    g_loop_running = false;
    if (EG(flags) & EG_FLAGS_IN_SHUTDOWN) g_shutdown_loop_done = true;
    if (g_bailout_pending) zend_bailout();
    if (kernel::Coroutine::count() > 0 && option_enabled("enable_deadlock_check", true)) report_deadlock();
}

void PhpCoroutine::release_reactor() {
    if (g_loop_running || !g_reactor) return;
    kernel::release_thread_reactor();
    g_reactor = nullptr;
    runtime_guard_disable();
    runtime::deactivate();  // hooks end with the loop
    preemption_stop();
    g_preemption = false;
}

std::vector<int64_t> PhpCoroutine::list() {
    std::vector<int64_t> cids = kernel::Coroutine::ids();
    std::sort(cids.begin(), cids.end(), std::greater<>());  // newest first, as Swoole lists them
    return cids;
}

bool PhpCoroutine::backtrace(int64_t cid, zval *out, int options, zend_long limit) {
    ZVAL_FALSE(out);
    kernel::Coroutine *current = kernel::Coroutine::current();
    if (cid == 0 || (current && cid == current->id())) {
        // Like debug_backtrace(): leave out the frame of the method asking.
        zend_fetch_debug_backtrace(out, 1, options, limit);
        return true;
    }
    PhpTask *task = task_of(kernel::Coroutine::get(cid));
    if (!task) {
        kernel::set_last_error(SW_ERROR_CO_NOT_EXISTS);
        return false;
    }
    // Walk the parked coroutine's frames, which stay in its own VM stack.
    zend_execute_data *saved = EG(current_execute_data);
    EG(current_execute_data) = task->vm.execute_data;
    zend_fetch_debug_backtrace(out, 0, options, limit);
    EG(current_execute_data) = saved;
    return true;
}

PhpTask *PhpCoroutine::task(int64_t cid) {
    return task_of(cid == 0 ? kernel::Coroutine::current() : kernel::Coroutine::get(cid));
}

bool preemption_wanted() {
    zval *v = PhpCoroutine::option("enable_preemptive_scheduler");
    return v ? zend_is_true(v) : ini().enable_preemptive_scheduler;
}

void PhpCoroutine::install() {
    preemption_install();
    kernel::Coroutine::set_switch_hook(on_switch);
    kernel::Coroutine::set_return_hook(on_return);
}

namespace {
// A deadlocked coroutine at the end of the request: free its VM stack and what
// its task holds; the frames on that stack are abandoned with it.
void discard_task(kernel::Coroutine *co) {
    PhpTask *task = task_of(co);
    if (!task) return;
    for (zend_vm_stack page = task->vm.vm_stack; page;) {
        zend_vm_stack prev = page->prev;
        efree(page);
        page = prev;
    }
    if (task->vm.output) {
        zend_stack_destroy(&task->vm.output->handlers);
        efree(task->vm.output);
    }
    release_context(task);
    co->task = nullptr;
    delete task;
}
}  // namespace

void PhpCoroutine::request_end() {
    if (!kernel::Coroutine::current()) kernel::Coroutine::discard_all(discard_task);
    if (g_options) {
        zend_array_destroy(g_options);
        g_options = nullptr;
    }
    if (g_reactor) kernel::release_thread_reactor();
    g_reactor = nullptr;
    runtime_guard_disable();
    runtime::deactivate();
    preemption_stop();
    g_preemption = false;
    g_shutdown_loop_done = false;
    g_bailout_pending = false;
    g_loop_running = false;
    g_peak = 0;
    g_top_level_running = 0;
    g_top_level_waiting.clear();
    g_shutdown_registered = false;
}

HashTable *PhpCoroutine::options_for_update() {
    if (!g_options) g_options = zend_new_array(0);
    return g_options;
}

}  // namespace swoole::php
