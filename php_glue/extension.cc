// The zend_module_entry of swoole.so and its lifecycle: read the ini, load the
// modules, register the core classes, functions and constants.
#include "glue.h"
#include "coroutine/php_coroutine.h"
#include "library/library.h"

extern "C" {
#include "ext/standard/info.h"
}

#include <event2/event.h>
#include <stdlib.h>

#include <boost/version.hpp>

#include "base/version.h"

namespace swoole::php {
namespace {

PHP_MINIT_FUNCTION(swoole) {
#if defined(__SANITIZE_ADDRESS__)
    // Sanitizer builds run PHP with the sanitizer runtime preloaded (tools/php);
    // programs PHP starts (ps, sh, ...) are not ours and must not inherit it.
    unsetenv("LD_PRELOAD");
#endif
    register_ini(type, module_number);
    register_constants(module_number);
    register_exceptions();
    register_functions(type);
    register_coroutine(module_number);
    register_channel(module_number);
    register_timer(module_number);
    register_event(module_number);
    register_system(module_number);
    register_socket(module_number);
    register_memory(module_number);
    register_client(module_number);
    register_process(module_number);
    register_server(module_number);
    register_server_task(module_number);
    register_runtime(module_number);
    register_library(module_number);
    load_modules(type, module_number);
    return SUCCESS;
}

PHP_MSHUTDOWN_FUNCTION(swoole) {
    unload_modules();
    unregister_ini(type, module_number);
    return SUCCESS;
}

PHP_RINIT_FUNCTION(swoole) {
    modules_request_start();
    library_request_start();
    return SUCCESS;
}

PHP_RSHUTDOWN_FUNCTION(swoole) {
    modules_request_end();
    process_request_end();
    server_task_request_end();
    timer_request_end();
    coroutine_request_end();
    runtime_request_end();
    return SUCCESS;
}

PHP_MINFO_FUNCTION(swoole) {
    php_info_print_table_start();
    php_info_print_table_header(2, "Swoole", "enabled");
    php_info_print_table_row(2, "Version", kVersion);
    php_info_print_table_row(2, "Compatible with", "Swoole 4.8.13");
    php_info_print_table_row(2, "Kernel version", swoole::kernel::kKernelVersion);
    php_info_print_table_row(2, "libevent", event_get_version());
    php_info_print_table_row(2, "Boost.Context", BOOST_LIB_VERSION);
    print_module_info();
    php_info_print_table_end();
    DISPLAY_INI_ENTRIES();
}

}  // namespace
}  // namespace swoole::php

using namespace swoole::php;

// ext/sockets defines the AF_/SOCK_/SO_ constants that Co\Socket also offers when it
// is absent: load after it so the two never both define them.
static const zend_module_dep swoole_deps[] = {
    ZEND_MOD_OPTIONAL("sockets")
    ZEND_MOD_END
};

zend_module_entry swoole_module_entry = {
    STANDARD_MODULE_HEADER_EX,
    nullptr,
    swoole_deps,
    "swoole",
    nullptr,
    PHP_MINIT(swoole),
    PHP_MSHUTDOWN(swoole),
    PHP_RINIT(swoole),
    PHP_RSHUTDOWN(swoole),
    PHP_MINFO(swoole),
    kVersion,
    STANDARD_MODULE_PROPERTIES,
};

extern "C" ZEND_DLEXPORT zend_module_entry *get_module() { return &swoole_module_entry; }
