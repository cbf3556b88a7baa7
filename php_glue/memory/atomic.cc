// Swoole\Atomic (unsigned 32-bit, with wait/wakeup) and Swoole\Atomic\Long
// (signed 64-bit): one counter each in its own shared mapping, so a value
// made before fork is shared by parent and children (spec §4).
#include "memory/php_memory.h"

#include <atomic>
#include <cerrno>
#include <new>

extern "C" {
#include "zend_exceptions.h"
}

#include "memory/atomic_wait.h"
#include "memory/shared_memory.h"

namespace swoole::php {

namespace {

zend_class_entry *atomic_ce = nullptr;
zend_class_entry *atomic_long_ce = nullptr;
zend_object_handlers atomic_handlers;

struct AtomicObject {
    kernel::SharedMemory *memory;  // null until __construct
    void *value;                   // std::atomic<uint32_t> or <int64_t> in memory
    zend_object std;
};

AtomicObject *atomic_of(zend_object *obj) {
    return reinterpret_cast<AtomicObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(AtomicObject, std));
}

zend_object *atomic_create_object(zend_class_entry *ce) {
    auto *object = static_cast<AtomicObject *>(zend_object_alloc(sizeof(AtomicObject), ce));
    object->memory = nullptr;
    object->value = nullptr;
    zend_object_std_init(&object->std, ce);
    object_properties_init(&object->std, ce);
    object->std.handlers = &atomic_handlers;
    return &object->std;
}

void atomic_free_object(zend_object *obj) {
    AtomicObject *object = atomic_of(obj);
    delete object->memory;  // unmaps this process's view only
    object->memory = nullptr;
    object->value = nullptr;
    zend_object_std_dtor(obj);
}

// Maps the counter on first __construct; E_ERROR when that fails.
template <class T> std::atomic<T> *construct(zval *self) {
    AtomicObject *object = atomic_of(Z_OBJ_P(self));
    if (!object->memory) {
        auto *memory = new kernel::SharedMemory();
        if (!memory->allocate(sizeof(std::atomic<T>))) {
            delete memory;
            zend_throw_exception(swoole_exception_ce, "global memory allocation failure", 0);
            return nullptr;
        }
        object->memory = memory;
        object->value = new (memory->data()) std::atomic<T>(0);
    }
    return static_cast<std::atomic<T> *>(object->value);
}

template <class T> std::atomic<T> *value_or_fatal(zval *self, const char *class_name) {
    void *value = atomic_of(Z_OBJ_P(self))->value;
    if (UNEXPECTED(!value)) php_error_docref(nullptr, E_ERROR, "you must call %s constructor first", class_name);
    return static_cast<std::atomic<T> *>(value);
}

std::atomic<uint32_t> *u32_of(zval *self) { return value_or_fatal<uint32_t>(self, "Atomic"); }
std::atomic<int64_t> *i64_of(zval *self) { return value_or_fatal<int64_t>(self, "Atomic\\Long"); }

// ---- Swoole\Atomic ----

PHP_METHOD(Atomic, __construct) {
    zend_long value = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    if (auto *v = construct<uint32_t>(ZEND_THIS)) v->store(static_cast<uint32_t>(value));
}

PHP_METHOD(Atomic, add) {
    zend_long n = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(n)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    uint32_t step = static_cast<uint32_t>(n);
    RETURN_LONG(static_cast<zend_long>(v->fetch_add(step) + step));
}

PHP_METHOD(Atomic, sub) {
    zend_long n = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(n)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    uint32_t step = static_cast<uint32_t>(n);
    RETURN_LONG(static_cast<zend_long>(v->fetch_sub(step) - step));
}

PHP_METHOD(Atomic, get) {
    ZEND_PARSE_PARAMETERS_NONE();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    RETURN_LONG(static_cast<zend_long>(v->load()));
}

PHP_METHOD(Atomic, set) {
    zend_long value;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) return;
    v->store(static_cast<uint32_t>(value));
}

PHP_METHOD(Atomic, cmpset) {
    zend_long cmp, value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(cmp)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    uint32_t expected = static_cast<uint32_t>(cmp);
    RETURN_BOOL(v->compare_exchange_strong(expected, static_cast<uint32_t>(value)));
}

PHP_METHOD(Atomic, wait) {
    double timeout = 1.0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    RETURN_BOOL(kernel::atomic_wait(v, timeout));
}

PHP_METHOD(Atomic, wakeup) {
    zend_long n = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(n)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = u32_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    kernel::atomic_wakeup(v, n > INT32_MAX ? INT32_MAX : static_cast<int>(n));
    RETURN_TRUE;
}

// ---- Swoole\Atomic\Long ----

PHP_METHOD(AtomicLong, __construct) {
    zend_long value = 0;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    if (auto *v = construct<int64_t>(ZEND_THIS)) v->store(value);
}

// Wrapping arithmetic without signed overflow.
int64_t wrap_add(std::atomic<int64_t> *v, int64_t n) {
    return static_cast<int64_t>(static_cast<uint64_t>(v->fetch_add(n)) + static_cast<uint64_t>(n));
}

PHP_METHOD(AtomicLong, add) {
    zend_long n = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(n)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = i64_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    RETURN_LONG(wrap_add(v, n));
}

PHP_METHOD(AtomicLong, sub) {
    zend_long n = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(n)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = i64_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    RETURN_LONG(wrap_add(v, static_cast<int64_t>(0 - static_cast<uint64_t>(n))));
}

PHP_METHOD(AtomicLong, get) {
    ZEND_PARSE_PARAMETERS_NONE();
    auto *v = i64_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    RETURN_LONG(v->load());
}

PHP_METHOD(AtomicLong, set) {
    zend_long value;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = i64_of(ZEND_THIS);
    if (!v) return;
    v->store(value);
}

PHP_METHOD(AtomicLong, cmpset) {
    zend_long cmp, value;
    ZEND_PARSE_PARAMETERS_START(2, 2)
        Z_PARAM_LONG(cmp)
        Z_PARAM_LONG(value)
    ZEND_PARSE_PARAMETERS_END();
    auto *v = i64_of(ZEND_THIS);
    if (!v) RETURN_FALSE;
    int64_t expected = cmp;
    RETURN_BOOL(v->compare_exchange_strong(expected, value));
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, value, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_step, 0, 0, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, add_value, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_sub, 0, 0, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, sub_value, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_get, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_set, 0, 1, IS_VOID, 0)
    ZEND_ARG_TYPE_INFO(0, value, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_cmpset, 0, 2, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, cmp_value, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO(0, new_value, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_wait, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "1.0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_wakeup, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, count, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

const zend_function_entry atomic_methods[] = {
    ZEND_ME(Atomic, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, add, arginfo_step, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, sub, arginfo_sub, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, get, arginfo_get, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, cmpset, arginfo_cmpset, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, wait, arginfo_wait, ZEND_ACC_PUBLIC)
    ZEND_ME(Atomic, wakeup, arginfo_wakeup, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

const zend_function_entry atomic_long_methods[] = {
    ZEND_ME(AtomicLong, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(AtomicLong, add, arginfo_step, ZEND_ACC_PUBLIC)
    ZEND_ME(AtomicLong, sub, arginfo_sub, ZEND_ACC_PUBLIC)
    ZEND_ME(AtomicLong, get, arginfo_get, ZEND_ACC_PUBLIC)
    ZEND_ME(AtomicLong, set, arginfo_set, ZEND_ACC_PUBLIC)
    ZEND_ME(AtomicLong, cmpset, arginfo_cmpset, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

zend_class_entry *register_atomic_class(const char *name, const char *alias, const zend_function_entry *methods) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY_EX(ce, name, strlen(name), methods);
    zend_class_entry *registered = zend_register_internal_class(&ce);
    registered->create_object = atomic_create_object;
    registered->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    zend_register_class_alias(alias, registered);
    return registered;
}

}  // namespace

void register_atomic(int module_number) {
    atomic_handlers = std_object_handlers;
    atomic_handlers.offset = XtOffsetOf(AtomicObject, std);
    atomic_handlers.free_obj = atomic_free_object;
    atomic_handlers.clone_obj = nullptr;
    atomic_ce = register_atomic_class("Swoole\\Atomic", "swoole_atomic", atomic_methods);
    atomic_long_ce = register_atomic_class("Swoole\\Atomic\\Long", "swoole_atomic_long", atomic_long_methods);
}

}  // namespace swoole::php
