// SWOOLE_HOOK_PROC: proc_open's pipes wait inside a coroutine without stopping
// the loop (pipe_stream.cc), and proc_close waits for the child by parking the
// coroutine. proc_close returns the exit code as PHP's does (4.8's hooked one
// returned the raw wait status: a bug not copied). proc_get_status and
// proc_terminate do not block and stay PHP's.
#include <sys/wait.h>

#include "aio/child.h"
#include "coroutine/php_coroutine.h"
#include "runtime/function_hook.h"
#include "runtime/pipe_stream.h"
#include "runtime/runtime.h"

extern "C" {
#include "ext/standard/proc_open.h"
}

namespace swoole::php::runtime {
namespace {

enum HookIndex { kProcOpen, kProcClose };
ZEND_FUNCTION(swoole_hook_proc_open);
ZEND_FUNCTION(swoole_hook_proc_close);

FunctionHook g_hooks[] = {
    {"proc_open", ZEND_FN(swoole_hook_proc_open)},
    {"proc_close", ZEND_FN(swoole_hook_proc_close)},
};

int process_resource_type() {
    static int type = 0;
    if (!type) type = zend_fetch_list_dtor_id("process");
    return type;
}

ZEND_FUNCTION(swoole_hook_proc_open) {
    call_original(g_hooks[kProcOpen], INTERNAL_FUNCTION_PARAM_PASSTHRU);
    if (!PhpCoroutine::inside() || Z_TYPE_P(return_value) != IS_RESOURCE) return;
    auto *proc = static_cast<php_process_handle *>(
        zend_fetch_resource(Z_RES_P(return_value), "process", process_resource_type()));
    if (!proc) return;
    // The child is not reserved: Co\System::wait() may collect it, as in 4.8
    // (proc_close then returns -1, like PHP's when the child was reaped elsewhere).
    for (int i = 0; i < proc->npipes; ++i) {
        zend_resource *res = proc->pipes[i];
        if (res->type != php_file_le_stream()) continue;
        convert_to_pipe_stream(static_cast<php_stream *>(res->ptr));
    }
}

ZEND_FUNCTION(swoole_hook_proc_close) {
    zval *zproc;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_RESOURCE(zproc)
    ZEND_PARSE_PARAMETERS_END();
    if (!PhpCoroutine::inside()) return call_original(g_hooks[kProcClose], INTERNAL_FUNCTION_PARAM_PASSTHRU);
    auto *proc = static_cast<php_process_handle *>(zend_fetch_resource(Z_RES_P(zproc), "process", process_resource_type()));
    if (!proc) RETURN_THROWS();
    // As PHP: the pipes are closed first (the child may be waiting for EOF on
    // its stdin), then the wait.
    for (int i = 0; i < proc->npipes; ++i) {
        if (!proc->pipes[i]) continue;
        GC_DELREF(proc->pipes[i]);
        zend_list_close(proc->pipes[i]);
        proc->pipes[i] = nullptr;
    }
    kernel::ChildExit exit;
    kernel::WaitResult r = kernel::ChildWatcher::wait(proc->child, -1, exit);
    // The resource's destructor finds the child already collected and does not block.
    zend_list_close(Z_RES_P(zproc));
    if (r != kernel::WaitResult::ready) RETURN_LONG(-1);
    RETURN_LONG(exit.signal ? exit.signal : exit.code);
}

}  // namespace

void install_proc_hooks(bool on) { set_function_hooks(g_hooks, std::size(g_hooks), on); }

}  // namespace swoole::php::runtime
