// Swoole\Timer (alias swoole_timer), Swoole\Timer\Iterator and the
// swoole_timer_* functions.
//
// Every PHP timer is a chain of one-shot kernel timers: after each tick the
// next one-shot is armed for the next slot of the tick's grid, measured from
// when the turn that ran the callback started, so a tick after a callback that
// took long is postponed by that long and the following ones are back on the
// grid (as Swoole's timer behaves). Timer ids are ours, process-wide.
#include "timer/php_timer.h"

extern "C" {
#include "ext/spl/spl_array.h"
}

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "coroutine/php_coroutine.h"
#include "event/loop.h"
#include "event/php_event.h"

namespace swoole::php {
namespace {

constexpr int64_t kFarUs = INT64_MAX / 4;  // "never" without overflowing sums

int64_t now_us() {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

int64_t saturating_add(int64_t a, int64_t b) { return b > kFarUs - a ? kFarUs : a + b; }

int64_t ms_to_us(zend_long ms) { return ms > kFarUs / 1000 ? kFarUs : static_cast<int64_t>(ms) * 1000; }

struct PhpTimer {
    zend_long id = 0;
    bool repeat = false;
    zend_long interval = 0;  // ms; 0 for a one-shot, as Timer::info reports it
    std::unique_ptr<Callable> fn;
    std::vector<zval> args;  // a tick's first argument is its id
    kernel::TimerId kernel_id = 0;  // the armed one-shot; 0 while it fires
    int64_t due_us = 0;             // the slot it waits for (steady clock)
    zend_long exec_count = 0;
    zend_long round = 0;  // the loop round it was created in
    bool removed = false;
    int running = 0;  // inside its callback (until the callback's first yield)
};

// The timers of the current loop; a new loop (after Co\run, or a new request)
// starts a new set. Only ids are kept across loops.
struct TimerSet {
    bool initialized = false;
    uint64_t serial = 0;  // the loop it belongs to
    int hook_id = -1;
    int64_t base_us = 0;  // exec_msec is counted from here
    zend_long round = 0;  // loop turns completed since
    std::map<zend_long, PhpTimer *> timers;
};

TimerSet g_set;
zend_long g_next_id = 1;
zend_class_entry *g_timer_ce = nullptr;
zend_class_entry *g_iterator_ce = nullptr;

void on_fire(kernel::TimerId, void *arg);

// Frees what the timer holds of PHP. It is no longer reachable: releasing a
// value may run a destructor that uses the timer API again.
void release(PhpTimer *t) {
    for (zval &value : t->args) zval_ptr_dtor(&value);
    t->args.clear();
    t->fn.reset();
    delete t;
}

void disarm(PhpTimer *t) {
    if (t->kernel_id && loop::alive(g_set.serial)) loop::existing()->clear(t->kernel_id);
    t->kernel_id = 0;
}

void destroy(PhpTimer *t) {
    auto it = g_set.timers.find(t->id);
    if (it != g_set.timers.end() && it->second == t) g_set.timers.erase(it);
    disarm(t);
    release(t);
}

// Removes the timer; one inside its own callback stays (marked removed) until
// the callback returns.
void remove(PhpTimer *t) {
    if (t->running > 0) {
        t->removed = true;
        disarm(t);
        return;
    }
    destroy(t);
}

// Drops every timer. The kernel side is cleared only when the loop is still
// there (on a freed loop the kernel timers went with it). A timer inside its
// callback is left to on_fire unless `force` (at request end no callback is
// running any more, whatever the flags say after a fatal error).
void forget_all(bool force) {
    kernel::Reactor *reactor = loop::alive(g_set.serial) ? loop::existing() : nullptr;
    if (reactor && g_set.hook_id >= 0) reactor->remove_turn_hook(g_set.hook_id);
    g_set.hook_id = -1;
    g_set.initialized = false;
    g_set.round = 0;
    while (!g_set.timers.empty()) {
        auto it = g_set.timers.begin();
        PhpTimer *t = it->second;
        g_set.timers.erase(it);
        if (reactor && t->kernel_id) reactor->clear(t->kernel_id);
        t->kernel_id = 0;
        if (t->running > 0 && !force) {
            t->removed = true;  // on_fire frees it when the callback returns
        } else {
            release(t);
        }
    }
}

// The set of timers of a loop that was freed meanwhile is gone with it.
void sync() {
    if (g_set.initialized && !loop::alive(g_set.serial)) forget_all(false);
}

void on_turn_end(void *) { ++g_set.round; }

kernel::Reactor &attach() {
    kernel::Reactor &reactor = loop::get();
    sync();
    if (!g_set.initialized) {
        g_set.initialized = true;
        g_set.serial = reactor.serial();
        g_set.base_us = now_us();
        g_set.round = 0;
        g_set.hook_id = reactor.add_turn_hook(on_turn_end, nullptr);
    }
    return reactor;
}

PhpTimer *find(zend_long id) {
    auto it = g_set.timers.find(id);
    return it == g_set.timers.end() ? nullptr : it->second;
}

void on_fire(kernel::TimerId, void *arg) {
    auto *t = static_cast<PhpTimer *>(arg);
    t->kernel_id = 0;  // this one-shot is spent
    int64_t turn_start = now_us();
    ++t->running;
    if (!loop::invoke(*t->fn, static_cast<uint32_t>(t->args.size()), t->args.data())) {
        php_error_docref(nullptr, E_WARNING, "%s->onTimeout handler error", ZSTR_VAL(g_timer_ce->name));
    }
    --t->running;
    if (t->running > 0) return;
    if (t->removed || !t->repeat || !loop::alive(g_set.serial)) {
        destroy(t);
        return;
    }
    ++t->exec_count;
    // The next slot of the grid after the start of this turn; slots missed
    // meanwhile are not replayed.
    int64_t interval = ms_to_us(t->interval);
    int64_t next = saturating_add(t->due_us, interval);
    if (next <= turn_start) next = saturating_add(next, ((turn_start - next) / interval + 1) * interval);
    t->due_us = next;
    // Counted from now, with the wait computed at the start of the turn: a
    // callback that took long postpones this one tick by as much.
    uint64_t wait_ms = static_cast<uint64_t>((next - turn_start + 999) / 1000);
    kernel::TimerId kid = loop::existing()->after(wait_ms, on_fire, t);
    if (kid < 0) {
        destroy(t);
        return;
    }
    t->kernel_id = kid;
}

}  // namespace

void timer_add(INTERNAL_FUNCTION_PARAMETERS, bool repeat) {
    zend_long ms;
    zend_fcall_info fci = empty_fcall_info;
    zend_fcall_info_cache fcc = empty_fcall_info_cache;
    zval *params = nullptr;
    uint32_t param_count = 0;

    ZEND_PARSE_PARAMETERS_START(2, -1)
        Z_PARAM_LONG(ms)
        Z_PARAM_FUNC(fci, fcc)
        Z_PARAM_VARIADIC('*', params, param_count)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);

    if (ms < 1) {
        php_error_docref(nullptr, E_WARNING, "Timer must be greater than or equal to 1");
        RETURN_FALSE;
    }

    kernel::Reactor &reactor = attach();
    auto *t = new PhpTimer();
    t->repeat = repeat;
    t->interval = repeat ? ms : 0;
    t->due_us = saturating_add(now_us(), ms_to_us(ms));
    t->kernel_id = reactor.after(static_cast<uint64_t>(ms), on_fire, t);
    if (t->kernel_id < 0) {
        delete t;
        php_error_docref(nullptr, E_WARNING, "add timer failed");
        RETURN_FALSE;
    }
    t->id = g_next_id++;
    t->round = g_set.round;
    t->fn = std::make_unique<Callable>(fci, fcc);
    // The extra arguments, captured by value now.
    t->args.resize(param_count + (repeat ? 1 : 0));
    zval *slot = t->args.data();
    if (repeat) ZVAL_LONG(slot++, t->id);
    for (uint32_t i = 0; i < param_count; ++i) ZVAL_COPY(slot++, &params[i]);
    g_set.timers.emplace(t->id, t);
    RETURN_LONG(t->id);
}

bool timer_clear(zend_long id) {
    sync();
    PhpTimer *t = g_set.initialized ? find(id) : nullptr;
    if (!t || t->removed) return false;
    remove(t);
    return true;
}

bool timer_clear_all() {
    sync();
    if (!g_set.initialized) return false;
    std::vector<zend_long> ids;
    for (auto &[id, t] : g_set.timers) {
        if (!t->removed) ids.push_back(id);
    }
    // One at a time: releasing one may clear others (from a destructor).
    for (zend_long id : ids) {
        PhpTimer *t = find(id);
        if (t && !t->removed) remove(t);
    }
    return true;
}

void timer_request_end() {
    forget_all(true);
    event_request_end();
}

namespace {

PHP_FUNCTION(swoole_timer_tick) { timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, true); }

PHP_FUNCTION(swoole_timer_after) { timer_add(INTERNAL_FUNCTION_PARAM_PASSTHRU, false); }

PHP_FUNCTION(swoole_timer_exists) {
    sync();
    if (!g_set.initialized) RETURN_FALSE;
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    PhpTimer *t = find(id);
    RETURN_BOOL(t && !t->removed);
}

PHP_FUNCTION(swoole_timer_info) {
    sync();
    if (!g_set.initialized) RETURN_FALSE;
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    PhpTimer *t = find(id);
    if (!t) RETURN_NULL();
    array_init(return_value);
    add_assoc_long(return_value, "exec_msec", static_cast<zend_long>((t->due_us - g_set.base_us) / 1000));
    add_assoc_long(return_value, "exec_count", t->exec_count);
    add_assoc_long(return_value, "interval", t->interval);
    add_assoc_long(return_value, "round", t->round);
    add_assoc_bool(return_value, "removed", t->removed);
}

PHP_FUNCTION(swoole_timer_stats) {
    ZEND_PARSE_PARAMETERS_NONE();
    sync();
    array_init(return_value);
    bool on = g_set.initialized;
    add_assoc_bool(return_value, "initialized", on);
    add_assoc_long(return_value, "num", on ? static_cast<zend_long>(loop::existing()->timer_count()) : 0);
    add_assoc_long(return_value, "round", on ? g_set.round : 0);
}

PHP_FUNCTION(swoole_timer_list) {
    ZEND_PARSE_PARAMETERS_NONE();
    sync();
    zval ids;
    array_init(&ids);
    // Newest first, as Swoole lists them.
    for (auto it = g_set.timers.rbegin(); it != g_set.timers.rend(); ++it) {
        if (!it->second->removed) add_next_index_long(&ids, it->first);
    }
    object_init_ex(return_value, g_iterator_ce);
    zend_call_known_instance_method_with_1_params(g_iterator_ce->constructor, Z_OBJ_P(return_value), nullptr, &ids);
    zval_ptr_dtor(&ids);
}

PHP_FUNCTION(swoole_timer_clear) {
    sync();
    if (!g_set.initialized) RETURN_FALSE;
    zend_long id;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(id)
    ZEND_PARSE_PARAMETERS_END_EX(RETURN_FALSE);
    RETURN_BOOL(timer_clear(id));
}

PHP_FUNCTION(swoole_timer_clear_all) {
    ZEND_PARSE_PARAMETERS_NONE();
    RETURN_BOOL(timer_clear_all());
}

PHP_FUNCTION(swoole_timer_set) {
    HashTable *settings;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ARRAY_HT(settings)
    ZEND_PARSE_PARAMETERS_END();
    if (zval *v = zend_hash_str_find(settings, ZEND_STRL("enable_coroutine"))) ini().enable_coroutine = zend_is_true(v);
}

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_timer_add, 0, 2, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, ms, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, callback, IS_CALLABLE, 0)
    ZEND_ARG_VARIADIC_TYPE_INFO(0, params, IS_MIXED, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_timer_id_bool, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, timer_id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_timer_info, 0, 1, IS_ARRAY, 1)
    ZEND_ARG_TYPE_INFO(0, timer_id, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_timer_stats, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_timer_list, 0, 0, Swoole\\Timer\\Iterator, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_timer_clear_all, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_timer_set, 0, 1, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

const zend_function_entry timer_functions[] = {
    ZEND_FE(swoole_timer_tick, arginfo_timer_add)
    ZEND_FE(swoole_timer_after, arginfo_timer_add)
    ZEND_FE(swoole_timer_exists, arginfo_timer_id_bool)
    ZEND_FE(swoole_timer_info, arginfo_timer_info)
    ZEND_FE(swoole_timer_stats, arginfo_timer_stats)
    ZEND_FE(swoole_timer_list, arginfo_timer_list)
    ZEND_FE(swoole_timer_clear, arginfo_timer_id_bool)
    ZEND_FE(swoole_timer_clear_all, arginfo_timer_clear_all)
    ZEND_FE(swoole_timer_set, arginfo_timer_set)
    ZEND_FE_END
};

constexpr uint32_t kStatic = ZEND_ACC_PUBLIC | ZEND_ACC_STATIC;

const zend_function_entry timer_methods[] = {
    ZEND_FENTRY(tick, ZEND_FN(swoole_timer_tick), arginfo_timer_add, kStatic)
    ZEND_FENTRY(after, ZEND_FN(swoole_timer_after), arginfo_timer_add, kStatic)
    ZEND_FENTRY(exists, ZEND_FN(swoole_timer_exists), arginfo_timer_id_bool, kStatic)
    ZEND_FENTRY(info, ZEND_FN(swoole_timer_info), arginfo_timer_info, kStatic)
    ZEND_FENTRY(stats, ZEND_FN(swoole_timer_stats), arginfo_timer_stats, kStatic)
    ZEND_FENTRY(list, ZEND_FN(swoole_timer_list), arginfo_timer_list, kStatic)
    ZEND_FENTRY(clear, ZEND_FN(swoole_timer_clear), arginfo_timer_id_bool, kStatic)
    ZEND_FENTRY(clearAll, ZEND_FN(swoole_timer_clear_all), arginfo_timer_clear_all, kStatic)
    ZEND_FENTRY(set, ZEND_FN(swoole_timer_set), arginfo_timer_set, kStatic)
    ZEND_FE_END
};

constexpr int kConstFlags = CONST_CS | CONST_PERSISTENT;

}  // namespace

void register_timer(int module_number) {
    zend_register_functions(nullptr, timer_functions, nullptr, MODULE_PERSISTENT);

    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Timer", timer_methods);
    g_timer_ce = zend_register_internal_class_ex(&ce, nullptr);
    g_timer_ce->create_object = loop::deny_create;
    zend_register_class_alias_ex(ZEND_STRL("swoole_timer"), g_timer_ce, true);

    INIT_CLASS_ENTRY(ce, "Swoole\\Timer\\Iterator", nullptr);
    g_iterator_ce = zend_register_internal_class_ex(&ce, spl_ce_ArrayIterator);
    zend_register_class_alias_ex(ZEND_STRL("swoole_timer_iterator"), g_iterator_ce, true);

    zend_register_long_constant(ZEND_STRL("SWOOLE_TIMER_MIN_MS"), 1, kConstFlags, module_number);
    zend_register_double_constant(ZEND_STRL("SWOOLE_TIMER_MIN_SEC"), 0.001, kConstFlags, module_number);
    zend_register_long_constant(ZEND_STRL("SWOOLE_TIMER_MAX_MS"), ZEND_LONG_MAX, kConstFlags, module_number);
    zend_register_double_constant(ZEND_STRL("SWOOLE_TIMER_MAX_SEC"), static_cast<double>(ZEND_LONG_MAX) / 1000,
                                  kConstFlags, module_number);
}

}  // namespace swoole::php
