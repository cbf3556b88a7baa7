// Swoole\Server::addProcess() (spec server.md §3): a Swoole\Process whose
// callback runs in a child the manager keeps alive (forked again when it
// exits; stopped with the server; never reloaded). In that child the Process
// object is the child's side, as after Process::start(): its pid, and the
// worker end of its pipe.
#include "server/server_task.h"

#include <unistd.h>

#include "process/php_process.h"

namespace swoole::php {

namespace {

void update_long(zval *obj, const char *name, zend_long value) {
    zend_update_property_long(Z_OBJCE_P(obj), Z_OBJ_P(obj), name, strlen(name), value);
}

void on_user_process(void *ctx, kernel::Server &server, int index) {
    auto &st = *static_cast<ServerState *>(ctx);
    TaskGlue &g = task_glue();
    if (index < 0 || static_cast<size_t>(index) >= g.processes.size()) return;
    zval *self = &g.processes[static_cast<size_t>(index)];
    ProcessState *ps = process_of(Z_OBJ_P(self))->state;
    if (!ps || !ps->callback) return;
    process_child_reset();
    ps->pid = getpid();
    update_long(self, "pid", ps->pid);
    update_long(self, "id", server.worker_id());
    if (ps->pipe.is_open()) {
        ps->fd = ps->pipe.fd(kernel::UnixPipe::worker);
        update_long(self, "pipe", ps->fd);
        if (ps->redirect_stdio) {
            for (int target : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO}) ::dup2(ps->fd, target);
        }
    }
    zval arg;
    ZVAL_COPY(&arg, self);
    if (ps->enable_coroutine) {
        zend_fcall_info_cache fcc = ps->callback->fcc();
        PhpCoroutine::create(&fcc, 1, &arg);
        if (!EG(exception)) PhpCoroutine::run_loop();
    } else {
        zval retval;
        ps->callback->call(&retval, 1, &arg);
        zval_ptr_dtor(&retval);
    }
    zval_ptr_dtor(&arg);
    (void)st;
    // exit() in the callback ends the process like a return; an exception is
    // the uncaught-exception fatal.
    if (EG(exception) && !zend_is_unwind_exit(EG(exception))) zend_exception_error(EG(exception), E_ERROR);
}

}  // namespace

void attach_user_process_events(ServerState &st, kernel::ServerEvents &events) {
    TaskGlue &g = task_glue();
    if (g.processes.empty()) return;
    events.on_user_process = on_user_process;
    // Every process knows the final ids (worker_num + task_worker_num + index).
    int base = st.server->settings.worker_num + st.task_worker_num;
    for (size_t i = 0; i < g.processes.size(); ++i) update_long(&g.processes[i], "id", base + static_cast<int>(i));
}

ZEND_METHOD(Server, addProcess) {
    zval *process;
    ZEND_PARSE_PARAMETERS_START(1, 1)
        Z_PARAM_ZVAL(process)
    ZEND_PARSE_PARAMETERS_END();
    ServerState *st = server_state(ZEND_THIS);
    if (!require_not_running(*st, "can't add process")) RETURN_FALSE;
    if (Z_TYPE_P(process) == IS_NULL) {
        php_error_docref(nullptr, E_WARNING, "the first parameter can't be empty");
        RETURN_FALSE;
    }
    if (Z_TYPE_P(process) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(process), process_ce)) {
        php_error_docref(nullptr, E_ERROR, "object is not instanceof %s", ZSTR_VAL(process_ce->name));
        RETURN_THROWS();
    }
    ProcessState *ps = process_of(Z_OBJ_P(process))->state;
    if (!ps || !ps->callback) {
        php_error_docref(nullptr, E_WARNING, "the process object is not constructed");
        RETURN_FALSE;
    }
    TaskGlue &g = task_glue();
    zval copy;
    ZVAL_COPY(&copy, process);
    g.processes.push_back(copy);
    int index = st->server->add_user_process();
    st->user_worker_num = st->server->user_process_num();
    RETURN_LONG(index);
}

namespace {
ZEND_BEGIN_ARG_INFO_EX(arginfo_add_process, 0, 0, 1)
    ZEND_ARG_OBJ_INFO(0, process, Swoole\\Process, 0)
ZEND_END_ARG_INFO()
}  // namespace

const zend_function_entry server_user_process_methods[] = {
    ZEND_ME(Server, addProcess, arginfo_add_process, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

}  // namespace swoole::php
