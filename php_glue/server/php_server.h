// Swoole\Server (spec server.md): the PHP object over kernel::Server, shared by
// the files of php_glue/server/. The object owns the kernel server, the PHP
// callables of the server-level events, the Swoole\Server\Port objects (one per
// kernel ListenPort, index = port index) and the run state. Kernel events reach
// PHP through dispatch_event(): the callables are resolved once at start, so
// an event costs no lookup by name.
//
// Tasks, pipe messages and user processes live in their own files
// (server_task.cc, server_message.cc, server_user_process.cc): they define the
// method tables and hooks declared at the end of this header; the class merges
// the tables at MINIT.
#pragma once

#include "coroutine/php_coroutine.h"

extern "C" {
#include "zend_exceptions.h"
}

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/server.h"
#include "socket/settings.h"

namespace swoole::php {

// Server-level events (on() names, case-insensitive, without "on").
enum class ServerEvent : int {
    start,
    before_shutdown,
    shutdown,
    worker_start,
    worker_stop,
    before_reload,
    after_reload,
    task,
    finish,
    worker_exit,
    worker_error,
    manager_start,
    manager_stop,
    pipe_message,
    count
};

// Port-level events (Server::on forwards these to ports[0]).
enum class PortEvent : int {
    connect,
    receive,
    close,
    packet,
    buffer_full,
    buffer_empty,
    request,
    handshake,
    open,
    message,
    disconnect,
    count
};

inline constexpr int kSslFlag = 512;  // SWOOLE_SSL, OR-ed into a sock_type

inline constexpr int kServerEventCount = static_cast<int>(ServerEvent::count);
inline constexpr int kPortEventCount = static_cast<int>(PortEvent::count);

struct ServerState;

// Swoole\Server\Port: one listening port and its own callbacks/settings.
struct PortState {
    kernel::ListenPort *port = nullptr;  // owned by the kernel server
    ServerState *server = nullptr;       // the owning server (not a reference)
    std::unique_ptr<Callable> callbacks[kPortEventCount];
    // Resolved at start: own callback, else the primary port's.
    Callable *resolved[kPortEventCount] = {};
    bool has_settings = false;   // set() was called on this port
    SocketSettings parsed;       // framing/ssl/buffer options parsed so far
    int type_flags = 0;          // the raw sock_type (with SWOOLE_SSL)
};

struct PortObject {
    PortState *state;  // nullptr for an object not made by the server
    zend_object std;
};

struct ServerState {
    std::unique_ptr<kernel::Server> server;
    std::unique_ptr<Callable> callbacks[kServerEventCount];
    std::vector<zval> ports;  // the Port objects (IS_OBJECT), index = port index
    bool enable_coroutine = true;
    bool started = false;    // start() was called (also true in workers)
    bool shut_down = false;  // start() returned
    int task_worker_num = 0;       // parsed by apply_task_settings
    int user_worker_num = 0;       // addProcess count
    // Process options of set() applied at start (server_settings.cc).
    std::string pid_file, user, group, chroot;
    bool daemonize = false;
    std::string log_file;
    bool max_conn_set = false;  // set() gave max_conn / max_connection
    zend_long hook_flags = 0;
    std::unique_ptr<Callable> dispatch_func;  // set(['dispatch_func' => ...])
    bool dispatch_func_wants_data = false;     // it declares a 4th parameter
    zval self;  // the Server object (a borrowed IS_OBJECT, no reference), for callbacks
};

struct ServerObject {
    ServerState *state;  // nullptr before __construct
    zend_object std;
};

extern zend_class_entry *server_ce;
extern zend_class_entry *server_port_ce;
extern zend_class_entry *connection_iterator_ce;

inline ServerObject *server_of(zend_object *obj) {
    return reinterpret_cast<ServerObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(ServerObject, std));
}
inline PortObject *port_of(zend_object *obj) {
    return reinterpret_cast<PortObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(PortObject, std));
}

// The state of $this; fatal "must call constructor first" when the object was
// never constructed (never returns nullptr to the caller in that case: the
// fatal bails out).
ServerState *server_state(zval *self);

// The Server object of the running server in this process (nullptr if none).
ServerState *current_server();

// Calls fn(server, args...) for an event: in a new coroutine when
// enable_coroutine, else directly. args[0] must be the server zval. A PHP
// exception escaping a direct call becomes the uncaught-exception fatal.
void dispatch_event(ServerState &st, Callable *fn, uint32_t argc, zval *argv);

// After a direct callback call left an exception: the "Uncaught ..." fatal
// error, and the bailout that ends the script (never returns).
[[noreturn]] void uncaught_exception_fatal();

// Warnings of the lifecycle rules (§3): "server is not running" for
// after-start-only methods, "server is running, ..." for before-start ones.
// true when the call may proceed.
bool require_running(ServerState &st);
bool require_not_running(ServerState &st, const char *what);

// ---- defined by server_task.cc, server_message.cc, server_user_process.cc
extern const zend_function_entry server_task_methods[];          // task, taskwait, taskWaitMulti, taskCo, finish
extern const zend_function_entry server_message_methods[];       // sendMessage
extern const zend_function_entry server_user_process_methods[];  // addProcess
// Called by set() with the whole settings array: task_worker_num, task_* and
// the other task options. Returns false to make set() fail.
bool apply_task_settings(ServerState &st, HashTable *settings);
// Called by start() before the kernel starts (required callbacks, e.g. the
// "onTask event callback must be set" fatal) and to attach kernel task hooks.
bool prepare_task_start(ServerState &st);

// A new Port object for a kernel port (constructor, listen()).
void make_port_object(ServerState &st, kernel::ListenPort *port, int sock_type, zval *out);
// A Connection\Iterator over the server's sessions; port_index -1: all ports.
void make_connection_iterator(zval *server, int port_index, zval *out);
// start(): settings onto the kernel ports (inheritance, TLS contexts) and the
// required-callback fatals. False after a fatal/warning.
bool prepare_ports(ServerState &st);
// Parses a port's set() array into its PortState (fatal/warning + false on bad values).
bool port_apply_settings(PortState &ps, HashTable *settings);

// The E_USER_WARNING "unsupported option [key]" for each key 4.8 does not know.
void warn_unsupported_options(HashTable *settings);
// Merges settings into obj's $setting property (Server or Port).
void merge_setting(zend_class_entry *ce, zend_object *obj, HashTable *settings);

// start(): daemonize and the pid file (master); user/group/chroot (each worker).
bool apply_master_options(ServerState &st);
void apply_worker_options(ServerState &st);
void remove_pid_file(ServerState &st);

// ---- defined by server_modules.cc: the PHP side of module protocols (ABI 1.2)
// Fills the server_* fields of swoole.so's copy of the kernel's host table
// (modules.cc, at MINIT before modules load); forget at MSHUTDOWN.
void fill_server_host_api(sw_host_api &api, int type);
void forget_server_modules();
// port_apply_settings: "open_<name>_protocol" keys select (or drop) a
// registered protocol; the warning when none has that name.
void apply_protocol_settings(PortState &ps, HashTable *settings);
// start(), before prepare_ports: the protocol a module registered for the
// server's class onto the primary port (and into $setting); false after the
// "require on<Event> callback" fatal.
bool apply_class_protocol(ServerState &st, zend_object *server);
// on_receive: a request of a port whose protocol has a module's request
// handler goes there; false when there is none (onReceive then).
bool dispatch_module_request(ServerState &st, kernel::Connection &conn, std::string_view data);
// on_close, after the close callback: the close handler of the port's protocol (ABI 1.3).
void module_connection_closed(ServerState &st, kernel::Connection &conn);
// A port event's id by its on() name (case-insensitive, no "on"); -1 unknown.
int find_port_event(std::string_view name);

void register_server_class(int module_number);
void register_port_class(int module_number);
void register_connection_iterator(int module_number);
void register_server_constants(int module_number);

}  // namespace swoole::php
