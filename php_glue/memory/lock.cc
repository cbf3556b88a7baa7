// Swoole\Lock: a process-shared mutex, read-write lock or spinlock in its own
// shared mapping (spec §5). Calls block the whole process (not coroutine
// aware), as in 4.8; failures return false and leave the errno in errCode.
#include "memory/php_memory.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <cerrno>
#include <cmath>

#include "memory/shared_lock.h"

namespace swoole::php {

namespace {

// Lock kinds as numbered by the SWOOLE_* constants.
enum LockType : zend_long { kRwLock = 1, kFileLock = 2, kMutex = 3, kSem = 4, kSpinLock = 5 };

// 4.8 reports this code with "only mutex supports lockwait".
constexpr zend_long kLockwaitUnsupported = -2;

zend_class_entry *lock_ce = nullptr;
zend_object_handlers lock_handlers;

struct LockObject {
    kernel::SharedLock *lock;  // null before __construct and after destroy()
    zend_object std;
};

LockObject *lock_of(zend_object *obj) {
    return reinterpret_cast<LockObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(LockObject, std));
}

zend_object *lock_create_object(zend_class_entry *ce) {
    auto *object = static_cast<LockObject *>(zend_object_alloc(sizeof(LockObject), ce));
    object->lock = nullptr;
    zend_object_std_init(&object->std, ce);
    object_properties_init(&object->std, ce);
    object->std.handlers = &lock_handlers;
    return &object->std;
}

void lock_free_object(zend_object *obj) {
    LockObject *object = lock_of(obj);
    delete object->lock;  // unmaps this process's view only
    object->lock = nullptr;
    zend_object_std_dtor(obj);
}

kernel::SharedLock *lock_or_fatal(zval *self) {
    kernel::SharedLock *lock = lock_of(Z_OBJ_P(self))->lock;
    if (UNEXPECTED(!lock)) php_error_docref(nullptr, E_ERROR, "you must call Lock constructor first");
    return lock;
}

// The result of a lock call: true, or false with errCode set.
bool report(zval *self, int code) {
    if (code == 0) return true;
    zend_update_property_long(lock_ce, Z_OBJ_P(self), ZEND_STRL("errCode"), code);
    return false;
}

PHP_METHOD(Lock, __construct) {
    zend_long type = kMutex;
    zend_string *filename = nullptr;
    ZEND_PARSE_PARAMETERS_START(0, 2)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(type)
        Z_PARAM_STR(filename)
    ZEND_PARSE_PARAMETERS_END();
    (void)filename;  // only the file lock used it; 4.8 refuses that kind
    if (type == kFileLock || type == kSem) {
        zend_throw_exception(swoole_exception_ce, "FileLock and SemLock is no longer supported, please use mutex lock", 0);
        RETURN_THROWS();
    }
    kernel::SharedLock::Kind kind = kernel::SharedLock::Kind::mutex;
    if (type == kRwLock) kind = kernel::SharedLock::Kind::rwlock;
    if (type == kSpinLock) kind = kernel::SharedLock::Kind::spinlock;
    LockObject *object = lock_of(Z_OBJ_P(ZEND_THIS));
    auto *lock = new kernel::SharedLock();
    if (!lock->create(kind)) {
        delete lock;
        zend_throw_exception(swoole_exception_ce, "global memory allocation failure", 0);
        RETURN_THROWS();
    }
    delete object->lock;
    object->lock = lock;
}

PHP_METHOD(Lock, lock) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    RETURN_BOOL(report(ZEND_THIS, lock->lock()));
}

PHP_METHOD(Lock, trylock) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    RETURN_BOOL(report(ZEND_THIS, lock->try_lock()));
}

PHP_METHOD(Lock, lock_read) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    RETURN_BOOL(report(ZEND_THIS, lock->lock_shared()));
}

PHP_METHOD(Lock, trylock_read) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    RETURN_BOOL(report(ZEND_THIS, lock->try_lock_shared()));
}

PHP_METHOD(Lock, unlock) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    RETURN_BOOL(report(ZEND_THIS, lock->unlock()));
}

PHP_METHOD(Lock, lockwait) {
    double timeout;
    ZEND_PARSE_PARAMETERS_START(1, 1)  // 4.8 requires it although reflection shows a default
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();
    kernel::SharedLock *lock = lock_or_fatal(ZEND_THIS);
    if (!lock) RETURN_FALSE;
    if (lock->kind() != kernel::SharedLock::Kind::mutex) {
        zend_throw_exception(swoole_exception_ce, "only mutex supports lockwait", kLockwaitUnsupported);
        RETURN_THROWS();
    }
    // 4.8 keeps whole seconds only: below one second it is a single attempt.
    double seconds = std::trunc(timeout);
    int code = seconds >= 1 ? lock->lock_for(seconds) : (lock->try_lock() == 0 ? 0 : ETIMEDOUT);
    RETURN_BOOL(report(ZEND_THIS, code));
}

PHP_METHOD(Lock, destroy) {
    ZEND_PARSE_PARAMETERS_NONE();
    LockObject *object = lock_of(Z_OBJ_P(ZEND_THIS));
    if (!lock_or_fatal(ZEND_THIS)) return;
    delete object->lock;
    object->lock = nullptr;
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_LONG, 0, "SWOOLE_MUTEX")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filename, IS_STRING, 0, "\"\"")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_lockwait, 0, 0, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "1.0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_void, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

const zend_function_entry lock_methods[] = {
    ZEND_ME(Lock, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, lock, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, lockwait, arginfo_lockwait, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, trylock, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, lock_read, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, trylock_read, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, unlock, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Lock, destroy, arginfo_void, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

void register_type(const char *global, const char *member, zend_long value, int module_number) {
    zend_register_long_constant(global, strlen(global), value, CONST_CS | CONST_PERSISTENT, module_number);
    zend_declare_class_constant_long(lock_ce, member, strlen(member), value);
}

}  // namespace

void register_lock(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Lock", lock_methods);
    lock_ce = zend_register_internal_class(&ce);
    lock_ce->create_object = lock_create_object;
    lock_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    lock_handlers = std_object_handlers;
    lock_handlers.offset = XtOffsetOf(LockObject, std);
    lock_handlers.free_obj = lock_free_object;
    lock_handlers.clone_obj = nullptr;
    zend_register_class_alias("swoole_lock", lock_ce);
    zend_declare_property_long(lock_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);

    register_type("SWOOLE_RWLOCK", "RWLOCK", kRwLock, module_number);
    register_type("SWOOLE_FILELOCK", "FILELOCK", kFileLock, module_number);
    register_type("SWOOLE_MUTEX", "MUTEX", kMutex, module_number);
    register_type("SWOOLE_SEM", "SEM", kSem, module_number);
    register_type("SWOOLE_SPINLOCK", "SPINLOCK", kSpinLock, module_number);
}

}  // namespace swoole::php
