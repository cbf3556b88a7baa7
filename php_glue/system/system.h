// Swoole\Coroutine\System (Co\System): DNS, exec, wait*, file and event
// helpers that park only the calling coroutine. The same static methods are on
// Swoole\Coroutine: its class takes system_methods into its own table.
#pragma once

#include "glue.h"

#include "coroutine/coroutine.h"

namespace swoole::php {

// The static methods of Swoole\Coroutine\System, without sleep (the
// coroutine core owns it).
extern const zend_function_entry system_methods[];

// Implementations (dns.cc, process.cc, file.cc).
ZEND_METHOD(System, gethostbyname);
ZEND_METHOD(System, getaddrinfo);
ZEND_METHOD(System, dnsLookup);
ZEND_METHOD(System, exec);
ZEND_METHOD(System, wait);
ZEND_METHOD(System, waitPid);
ZEND_METHOD(System, waitSignal);
ZEND_METHOD(System, waitEvent);
ZEND_METHOD(System, readFile);
ZEND_METHOD(System, writeFile);
ZEND_METHOD(System, statvfs);
ZEND_METHOD(System, fread);
ZEND_METHOD(System, fgets);
ZEND_METHOD(System, fwrite);
ZEND_FUNCTION(swoole_async_dns_lookup_coro);
ZEND_FUNCTION(swoole_clear_dns_cache);

// Shared by the parts: the failure of a wait as Swoole reports it (timeout:
// errno and last error ETIMEDOUT; cancel: last error SW_ERROR_CO_CANCELED).
void system_wait_failed(kernel::WaitResult result);

}  // namespace swoole::php
