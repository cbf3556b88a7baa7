// Registers Swoole\Coroutine\System (alias Co\System with use_shortname) and
// the global DNS functions; holds the method table the Coroutine class shares.
#include "system/system.h"

#include <cerrno>

#include "base/error.h"
#include "coroutine/php_coroutine.h"

namespace swoole::php {

namespace {

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_gethostbyname, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, domain, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, family, IS_LONG, 0, "AF_INET")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_getaddrinfo, 0, 1, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, host, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, family, IS_LONG, 0, "AF_INET")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, socktype, IS_LONG, 0, "SOCK_STREAM")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, protocol, IS_LONG, 0, "IPPROTO_TCP")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, service, IS_STRING, 1, "null")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_dns_lookup, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, domain, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "60")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, type, IS_LONG, 0, "AF_INET")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_exec, 0, 1, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, cmd, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, get_error_stream, _IS_BOOL, 0, "false")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_wait, 0, 0, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_wait_pid, 0, 1, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, pid, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_wait_signal, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, signo, IS_LONG, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_wait_event, 0, 1, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, socket, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, events, IS_LONG, 0, "SWOOLE_EVENT_READ")
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_read_file, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_write_file, 0, 2, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, file, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_statvfs, 0, 1, MAY_BE_ARRAY | MAY_BE_FALSE)
    ZEND_ARG_TYPE_INFO(0, path, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_fread, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_INFO(0, handle)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_fgets, 0, 1, MAY_BE_STRING | MAY_BE_FALSE)
    ZEND_ARG_INFO(0, handle)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_MASK_EX(arginfo_fwrite, 0, 2, MAY_BE_LONG | MAY_BE_FALSE)
    ZEND_ARG_INFO(0, handle)
    ZEND_ARG_TYPE_INFO(0, data, IS_STRING, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, length, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_clear_dns_cache, 0, 0, IS_VOID, 0)
ZEND_END_ARG_INFO()

constexpr uint32_t kStatic = ZEND_ACC_PUBLIC | ZEND_ACC_STATIC;

const zend_function_entry dns_functions[] = {
    ZEND_FE(swoole_async_dns_lookup_coro, arginfo_dns_lookup)
    ZEND_FE(swoole_clear_dns_cache, arginfo_clear_dns_cache)
    ZEND_FE_END
};

}  // namespace

const zend_function_entry system_methods[] = {
    ZEND_ME(System, gethostbyname, arginfo_gethostbyname, kStatic)
    ZEND_ME(System, dnsLookup, arginfo_dns_lookup, kStatic)
    ZEND_ME(System, exec, arginfo_exec, kStatic)
    ZEND_ME(System, getaddrinfo, arginfo_getaddrinfo, kStatic)
    ZEND_ME(System, statvfs, arginfo_statvfs, kStatic)
    ZEND_ME(System, readFile, arginfo_read_file, kStatic)
    ZEND_ME(System, writeFile, arginfo_write_file, kStatic)
    ZEND_ME(System, wait, arginfo_wait, kStatic)
    ZEND_ME(System, waitPid, arginfo_wait_pid, kStatic)
    ZEND_ME(System, waitSignal, arginfo_wait_signal, kStatic)
    ZEND_ME(System, waitEvent, arginfo_wait_event, kStatic)
    ZEND_ME(System, fread, arginfo_fread, kStatic | ZEND_ACC_DEPRECATED)
    ZEND_ME(System, fgets, arginfo_fgets, kStatic | ZEND_ACC_DEPRECATED)
    ZEND_ME(System, fwrite, arginfo_fwrite, kStatic | ZEND_ACC_DEPRECATED)
    ZEND_FE_END
};

zend_class_entry *coroutine_system_ce = nullptr;

void system_wait_failed(kernel::WaitResult result) {
    if (result == kernel::WaitResult::timeout) {
        kernel::set_last_error(ETIMEDOUT);
        errno = ETIMEDOUT;
    } else if (result == kernel::WaitResult::canceled) {
        kernel::set_last_error(kernel::SW_ERROR_CO_CANCELED);
        errno = ECANCELED;
    }
}

namespace {

// The coroutine core owns sleep(); when it registered it on Swoole\Coroutine
// only, System gets the same function (same handler and arginfo).
void share_sleep(zend_class_entry *system_ce) {
    if (zend_hash_str_exists(&system_ce->function_table, ZEND_STRL("sleep"))) return;
    auto *co_ce = static_cast<zend_class_entry *>(zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine")));
    if (!co_ce) return;
    auto *fn = static_cast<zend_function *>(zend_hash_str_find_ptr(&co_ce->function_table, ZEND_STRL("sleep")));
    if (!fn || fn->type != ZEND_INTERNAL_FUNCTION) return;
    const zend_internal_function &f = fn->internal_function;
    zend_function_entry entry[2] = {};
    entry[0].fname = "sleep";
    entry[0].handler = f.handler;
    // The registered arg_info starts after the return-type slot.
    entry[0].arg_info = f.arg_info ? reinterpret_cast<const zend_internal_arg_info *>(f.arg_info) - 1 : nullptr;
    entry[0].num_args = f.num_args;
    entry[0].flags = ZEND_ACC_PUBLIC | ZEND_ACC_STATIC;
    zend_register_functions(system_ce, entry, &system_ce->function_table, MODULE_PERSISTENT);
}

}  // namespace

void register_system(int module_number) {
    // The core may have created the class already (for sleep): then the
    // helpers join it.
    auto *existing = static_cast<zend_class_entry *>(
        zend_hash_str_find_ptr(CG(class_table), ZEND_STRL("swoole\\coroutine\\system")));
    if (existing) {
        coroutine_system_ce = existing;
        zend_register_functions(existing, system_methods, &existing->function_table, MODULE_PERSISTENT);
    } else {
        zend_class_entry ce;
        INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\System", system_methods);
        coroutine_system_ce = zend_register_internal_class(&ce);
        if (ini().use_shortname) zend_register_class_alias("Co\\System", coroutine_system_ce);
    }
    share_sleep(coroutine_system_ce);
    zend_register_functions(nullptr, dns_functions, nullptr, MODULE_PERSISTENT);
}

}  // namespace swoole::php
