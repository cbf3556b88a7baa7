// The processes of a server besides its event workers: task workers (read
// tasks from their pipe in a loop, or from the SysV queue in ipc modes 2/3,
// and run on_task) and user processes (run on_user_process once; the manager
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

namespace {
volatile sig_atomic_t g_queue_stop = 0;
void on_queue_term(int) { g_queue_stop = 1; }
}  // namespace

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
    ev.on_pipe_message = [](void *ctx, int src, uint32_t flags, double, std::string_view data) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_pipe_message) s->events_.on_pipe_message(s->events_.ctx, *s, src, flags, data);
    };
    ev.on_task_limit = [](void *ctx) {
        auto *s = static_cast<Server *>(ctx);
        if (s->task_ipc_.reads_queue()) {
            g_queue_stop = 1;
        } else {
            s->begin_stop();
        }
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
    if (events_.on_worker_start) events_.on_worker_start(events_.ctx, *this, worker_id);
    if (task_ipc_.reads_queue()) {
        // A blocking msgrcv loop; SIGTERM interrupts it (no SA_RESTART).
        g_queue_stop = 0;
        struct sigaction sa {};
        sa.sa_handler = on_queue_term;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGTERM, &sa, nullptr);
        task_ipc_.serve_queue(&g_queue_stop);
        ::signal(SIGTERM, SIG_IGN);
        stopping_ = true;
        if (settings.max_wait_time > 0) ::alarm(static_cast<unsigned>(settings.max_wait_time));
        reactor_->run();  // timers and coroutines the tasks left
    } else {
        reactor_->on_signal(SIGTERM, on_stop_signal, this);
        worker_loop();
    }
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
