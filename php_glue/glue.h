// Shared declarations of the PHP glue (swoole.so): the ini globals and the
// registration entry points of each part. Each part owns one file and one
// register_* function called from MINIT in extension.cc.
#pragma once

extern "C" {
#include "php.h"
}

#include <string>

namespace swoole::php {

// Version the extension reports: Swoole 4.8.13 compatible (see docs/).
inline constexpr int kMajorVersion = 4;
inline constexpr int kMinorVersion = 8;
inline constexpr int kReleaseVersion = 13;
inline constexpr const char *kExtraVersion = "";
inline constexpr const char *kVersion = "4.8.13";
inline constexpr int kVersionId = kMajorVersion * 10000 + kMinorVersion * 100 + kReleaseVersion;

struct IniSettings {
    std::string modules;     // swoole.modules: comma list, empty = every module found
    std::string module_dir;  // swoole.module_dir: empty = "swoole/" beside swoole.so
    bool use_shortname = true;
    bool enable_coroutine = true;
    bool enable_library = true;
    bool enable_preemptive_scheduler = false;
    bool display_errors = true;
};
IniSettings &ini();

void register_ini(int type, int module_number);
void unregister_ini(int type, int module_number);
void register_constants(int module_number);
void register_functions(int type);   // every global swoole_* function
void register_exceptions();          // Swoole\Exception, Swoole\Error
void register_client(int module_number);  // client/*.cc: Co\Client, Swoole\Client, swoole_client_select
void load_modules(int type, int module_number);
void unload_modules();
void print_module_info();            // the module rows of `php --ri swoole`
void modules_request_start();
void modules_request_end();
void register_memory(int module_number);  // memory/: Table, Atomic, Atomic\Long, Lock
void register_process(int module_number);  // process/*.cc: Swoole\Process, Swoole\Process\Pool
void process_request_end();                // RSHUTDOWN: drop Process::signal handlers
void register_server(int module_number);   // server/*.cc: Swoole\Server, Server\Port, Connection\Iterator
void register_server_task(int module_number);  // server/server_task.cc: Swoole\Server\Task
void server_task_request_end();               // RSHUTDOWN: task callbacks and addProcess objects
void register_runtime(int module_number);     // runtime/*.cc: Swoole\Runtime, SWOOLE_HOOK_*
void runtime_request_end();                   // RSHUTDOWN: remove every runtime hook

// Groups of global functions, each defined in functions/<group>.cc.
extern const zend_function_entry error_functions[];
extern const zend_function_entry system_functions[];
extern const zend_function_entry mime_functions[];
extern const zend_function_entry version_functions[];

// The $type argument of swoole_strerror() (SWOOLE_STRERROR_* constants).
inline constexpr int kStrerrorSystem = 0;  // strerror()
inline constexpr int kStrerrorGai = 1;     // gai_strerror()
inline constexpr int kStrerrorDns = 2;     // hstrerror()
inline constexpr int kStrerrorSwoole = 9;  // the project's error table

// Exception classes registered by register_exceptions() (exceptions.cc).
extern zend_class_entry *swoole_exception_ce;       // Swoole\Exception, alias swoole_exception
extern zend_class_entry *swoole_error_ce;           // Swoole\Error, alias swoole_error
extern zend_class_entry *swoole_exit_exception_ce;  // Swoole\ExitException

}  // namespace swoole::php
