// The processes of a server besides its event workers: task workers (read
// tasks from their pipe, or from the SysV queue in ipc modes 2/3, in their
// loop, and run on_task) and user processes (run on_user_process once; the manager
// forks a new one when it returns or dies). Also the worker table lookups.
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/log.h"
#include "process/fork.h"
#include "process/process_manager.h"
#include "server/server.h"

namespace swoole::kernel {

TaskIpc::Events Server::task_events() {
    TaskIpc::Events ev;
    ev.ctx = this;
    ev.on_task = [](void *ctx, const TaskInfo &task, std::string_view data) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_task) s->events_.on_task(s->events_.ctx, *s, task, data);
    };
    ev.on_finish = [](void *ctx, const TaskInfo &task, std::string_view data) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_finish) s->events_.on_finish(s->events_.ctx, *s, task, data);
    };
    ev.on_pipe_message = [](void *ctx, int src, uint32_t flags, double dispatch_time, std::string_view data) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_pipe_message) s->events_.on_pipe_message(s->events_.ctx, *s, src, flags, dispatch_time, data);
    };
    ev.on_task_limit = [](void *ctx) {
        static_cast<Server *>(ctx)->begin_stop();
    };
    return ev;
}

void Server::run_task_worker(int worker_id) {
    worker_id_ = worker_id;
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != manager_pid_) _exit(0);
    Logger::instance().set_process('^', worker_id);
    stopping_ = false;
    reactor_ = Reactor::current();
    if (reactor_) {
        if (!detach_inherited_reactor(*reactor_)) _exit(1);
    } else {
        own_reactor_ = std::make_unique<Reactor>();
        reactor_ = own_reactor_.get();
    }
    if (!task_ipc_.attach(worker_id, reactor_, task_events())) _exit(1);
    watch_log_signal(true);
    if (events_.on_worker_start) events_.on_worker_start(events_.ctx, *this, worker_id);
    // Both IPC modes read from the loop (a socketpair, or the queue's doorbell).
    reactor_->on_signal(SIGTERM, on_stop_signal, this);
    worker_loop();
    if (events_.on_worker_stop) events_.on_worker_stop(events_.ctx, *this, worker_id);
    worker_teardown();
    _exit(0);
}

void Server::run_user_process(int worker_id) {
    worker_id_ = worker_id;
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != manager_pid_) _exit(0);
    Logger::instance().set_process('@', worker_id);
    // The inherited loop (if any) must not share kernel objects with the manager's.
    if (Reactor *r = Reactor::current()) {
        if (!detach_inherited_reactor(*r)) _exit(1);
    }
    task_ipc_.attach(worker_id, nullptr, TaskIpc::Events{});
    int index = worker_id - settings.worker_num - settings.task.worker_num;
    if (events_.on_user_process) events_.on_user_process(events_.ctx, *this, index);
    _exit(0);
}

void Server::on_log_signal(int, void *) {
    if (!Logger::instance().reopen()) {
        SW_WARN("Server: cannot reopen the log file %s, Error: %s[%d]", Logger::instance().file().c_str(),
                strerror(errno), errno);
    }
}

// Log rotation in a worker or the single process: SIGRTMIN from the manager
// (or, single, from the user). Off while stopping: it would keep the loop alive.
void Server::watch_log_signal(bool on) {
    if (!reactor_) return;
    reactor_->on_signal(ProcessManager::log_signal(), on ? on_log_signal : nullptr, on ? this : nullptr);
}

pid_t Server::worker_pid(int worker_id) const {
    if (manager_) return manager_->worker_pid(worker_id);
    if (running_ && worker_id == 0 && worker_id_ == 0) return ::getpid();
    return -1;
}

int Server::worker_status(int worker_id) const {
    if (manager_) return manager_->worker_status(worker_id);
    if (running_ && worker_id == 0 && worker_id_ == 0) return ProcessManager::kIdle;
    return -1;
}

}  // namespace swoole::kernel
