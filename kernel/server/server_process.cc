// The process side of the server core: start() in the single process or as
// the manager of forked workers, a worker's setup, loop and graceful stop.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "base/error.h"
#include "base/log.h"
#include "process/fork.h"
#include "process/process_manager.h"
#include "server/master.h"
#include "server/protocol.h"
#include "server/server.h"

namespace swoole::kernel {

namespace {
constexpr size_t kIoBufSize = 65536;
}

bool Server::ensure_shared() {
    if (stats_) return true;
    stats_ = ServerStats::create_shared();
    if (!stats_) return false;
    stats_->start_time = static_cast<int64_t>(::time(nullptr));
    stats_->last_session_id = settings.start_session_id;
    return true;
}

int Server::start() {
    if (running_) {
        set_last_error(SW_ERROR_SERVER_ONLY_START_ONE);
        return -1;
    }
    if (ports_.empty()) {
        set_last_error(SW_ERROR_SERVER_INVALID_LISTEN_PORT);
        return -1;
    }
    if (!ensure_shared()) {
        set_last_error(errno);
        return -1;
    }
    if (settings.worker_num < 1) settings.worker_num = 1;
    if (settings.task.worker_num < 0) settings.task.worker_num = 0;
    // The channels of tasks and pipe messages exist before any fork.
    if (!task_ipc_.open(settings.worker_num, settings.task)) {
        int err = errno;
        SW_WARN("Server::start(): cannot create the task channels, Error: %s[%d]", strerror(err), err);
        set_last_error(err);
        return -1;
    }
    master_pid_ = getpid();
    running_ = true;
    ::signal(SIGPIPE, SIG_IGN);
    int rc = process_mode() ? run_process() : single() ? run_single() : run_managed();  // PROCESS: server/master.cc
    running_ = false;
    task_ipc_.close(true);
    return rc;
}

int Server::run_single() {
    manager_pid_ = 0;
    worker_id_ = 0;
    if (!worker_init()) return -1;
    if (events_.on_start) events_.on_start(events_.ctx, *this);
    if (events_.on_worker_start) events_.on_worker_start(events_.ctx, *this, 0);
    worker_loop();
    if (events_.on_worker_stop) events_.on_worker_stop(events_.ctx, *this, 0);
    worker_teardown();
    close_ports();
    if (events_.on_shutdown) events_.on_shutdown(events_.ctx, *this);
    worker_id_ = -1;
    return 0;
}

int Server::run_managed() {
    manager_pid_ = getpid();  // BASE: the master itself; PROCESS: the manager the master forked
    // With enable_reuse_port every worker has its own TCP socket (the
    // manager makes and keeps them all; see ListenPort::open_reuse_group).
    if (settings.enable_reuse_port && !pm_) {
        for (auto &p : ports_) {
            if (p->is_stream() && !p->is_unix()) {
                if (!p->open_reuse_group(settings.worker_num)) {
                    set_last_error(errno);
                    return -1;
                }
            }
        }
    }
    manager_ = std::make_unique<ProcessManager>(settings.worker_num, settings.task.worker_num, user_process_num_);
    manager_->set_max_wait_time(settings.max_wait_time);
    // SIGUSR2: PROCESS mode reloads the task workers only; BASE treats it like SIGUSR1 (as 4.8).
    manager_->set_usr2_task_only(pm_ != nullptr);
    ProcessManager::Hooks hooks;
    hooks.ctx = this;
    hooks.on_exit = [](void *ctx, const ProcessManager::ExitStatus &st) {
        auto *s = static_cast<Server *>(ctx);
        // A user process is simply replaced; a worker that did not exit 0 is reported.
        if (st.worker_id >= s->settings.worker_num + s->settings.task.worker_num) return;
        if (st.exit_code == 0 && st.signo == 0) return;
        SW_WARN("Server::manager(): worker(pid=%d, id=%d) abnormal exit, status=%d, signal=%d", static_cast<int>(st.pid),
                st.worker_id, st.exit_code, st.signo);
        if (s->events_.on_worker_error) {
            s->events_.on_worker_error(s->events_.ctx, *s, st.worker_id, st.pid, st.exit_code, st.signo);
        }
    };
    hooks.on_shutdown_begin = [](void *ctx) {
        auto *s = static_cast<Server *>(ctx);
        // BASE: this manager is the master. PROCESS: the master already ran it.
        if (!s->pm_ && s->events_.on_before_shutdown) s->events_.on_before_shutdown(s->events_.ctx, *s);
    };
    hooks.on_reload_begin = [](void *ctx) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_before_reload) s->events_.on_before_reload(s->events_.ctx, *s);
    };
    hooks.on_reload_end = [](void *ctx) {
        auto *s = static_cast<Server *>(ctx);
        if (s->events_.on_after_reload) s->events_.on_after_reload(s->events_.ctx, *s);
    };
    manager_->set_hooks(hooks);
    task_ipc_.set_process_manager(manager_.get());
    ProcessManager::Role role = manager_->start();
    if (role.kind == ProcessManager::Role::master) {
        Logger::instance().set_process('$', 0);
        if (events_.on_manager_start) events_.on_manager_start(events_.ctx, *this);
        role = manager_->run();
    }
    if (role.kind == ProcessManager::Role::worker) {  // these never return
        switch (manager_->kind_of(role.worker_id)) {
        case ProcessManager::Kind::event: run_worker(role.worker_id);
        case ProcessManager::Kind::task: run_task_worker(role.worker_id);
        case ProcessManager::Kind::user: run_user_process(role.worker_id);
        }
    }
    if (role.kind == ProcessManager::Role::error) {
        set_last_error(errno);
        return -1;
    }
    if (events_.on_manager_stop) events_.on_manager_stop(events_.ctx, *this);
    task_ipc_.set_process_manager(nullptr);
    if (pm_) return 0;  // PROCESS mode: the master closes the ports and runs on_shutdown (server/master.cc)
    close_ports();
    if (events_.on_shutdown) events_.on_shutdown(events_.ctx, *this);
    manager_.reset();
    return 0;
}

void Server::run_worker(int worker_id) {
    worker_id_ = worker_id;
    // A worker whose manager died (killed outright) must not serve on alone.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != manager_pid_) _exit(0);
    Logger::instance().set_process('*', worker_id);
    worker_stats_ = WorkerStats{};
    int code = 0;
    if (!worker_init()) {
        code = 1;
    } else {
        if (worker_id == 0 && !pm_ && events_.on_start) events_.on_start(events_.ctx, *this);  // PROCESS: in the master
        if (events_.on_worker_start) events_.on_worker_start(events_.ctx, *this, worker_id);
        worker_loop();
        if (events_.on_worker_stop) events_.on_worker_stop(events_.ctx, *this, worker_id);
        worker_teardown();
    }
    _exit(code);
}

bool Server::worker_init() {
    stopping_ = false;
    reactor_ = Reactor::current();
    if (reactor_) {
        // A loop inherited across fork shares kernel objects with the parent's.
        if (getpid() != master_pid_ && !detach_inherited_reactor(*reactor_)) return false;
    } else {
        own_reactor_ = std::make_unique<Reactor>();
        reactor_ = own_reactor_.get();
    }
    if (!io_buf_) io_buf_.reset(new char[kIoBufSize]);
    watch_log_signal(true);
    // PROCESS mode: the master's pipes instead of listeners and heartbeat; SIGTERM is set there (server/master.cc).
    if (pm_) return pm_->worker_attach(worker_id_) && task_ipc_.attach(worker_id_, reactor_, task_events());
    for (auto &p : ports_) {
        if (settings.enable_reuse_port && manager_ && p->is_stream() && !p->is_unix()) {
            p->take_group_member(worker_id_);
        }
        bool ok = p->is_stream() ? reactor_->add(p->fd(), kEventRead, on_accept_ready, p.get())
                                 : reactor_->add(p->fd(), kEventRead, on_dgram_ready, p.get());
        if (!ok) return false;
    }
    int interval = settings.heartbeat_check_interval;
    if (interval < 1) {
        int max_idle = 0;
        for (auto &p : ports_) max_idle = std::max(max_idle, p->settings.heartbeat_idle_time);
        if (max_idle > 0) interval = std::max(1, max_idle / 2);
    }
    if (interval > 0) heartbeat_timer_ = reactor_->tick(static_cast<uint64_t>(interval) * 1000, on_heartbeat, this);
    reactor_->on_signal(SIGTERM, on_stop_signal, this);
    // Task results and pipe messages for this worker.
    if (!task_ipc_.attach(worker_id_, reactor_, task_events())) return false;
    return true;
}

void Server::worker_loop() { reactor_->run(); }

void Server::on_stop_signal(int, void *arg) { static_cast<Server *>(arg)->begin_stop(); }

void Server::stop_worker() { begin_stop(); }

// Stop accepting and reading; what is in flight (timers, coroutines, queued
// output) keeps the loop alive until it is done, then the loop returns.
void Server::begin_stop() {
    if (stopping_ || !reactor_) return;
    stopping_ = true;
    // Single process (BASE, no manager): this is where shutdown starts.
    if (!manager_ && !pm_ && events_.on_before_shutdown) events_.on_before_shutdown(events_.ctx, *this);
    // New connections are refused (single) or left to the other workers.
    for (auto &p : ports_) {
        if (p->fd() >= 0 && reactor_->exists(p->fd())) reactor_->remove(p->fd());
        if (p->is_stream()) p->close_socket();
    }
    if (heartbeat_timer_) reactor_->clear(heartbeat_timer_);
    heartbeat_timer_ = 0;
    task_ipc_.detach();
    if (pm_) pm_->worker_stop();  // PROCESS mode: stop reading the master's pipes
    reactor_->on_signal(SIGTERM, nullptr, nullptr);
    ::signal(SIGTERM, SIG_IGN);  // a second one must not cut the drain short
    watch_log_signal(false);  // a registered signal would keep the loop alive
    // reload_async: on_worker_exit at every turn until the loop is empty.
    if (settings.reload_async && events_.on_worker_exit && !exit_hook_) {
        exit_hook_ = reactor_->add_turn_hook(
            [](void *arg) {
                auto *s = static_cast<Server *>(arg);
                if (s->stopping_ && s->reactor_) s->events_.on_worker_exit(s->events_.ctx, *s, s->worker_id_);
            },
            this);
    }
    std::vector<Connection *> conns;
    conns.reserve(sessions_.size());
    for (auto &[id, conn] : sessions_) conns.push_back(conn);
    for (Connection *conn : conns) {
        if (!conn->established) {
            close_conn(*conn, true, conn->reactor_id);
        } else {
            update_interest(*conn);
        }
    }
    // A drain that never ends (a timer that keeps re-arming) is cut here.
    if (settings.max_wait_time > 0) ::alarm(static_cast<unsigned>(settings.max_wait_time));
}

void Server::worker_teardown() {
    ::alarm(0);
    task_ipc_.detach();
    if (exit_hook_) reactor_->remove_turn_hook(exit_hook_);
    exit_hook_ = 0;
    std::vector<Connection *> conns;
    conns.reserve(sessions_.size());
    for (auto &[id, conn] : sessions_) conns.push_back(conn);
    for (Connection *conn : conns) {
        if (conn->fd >= 0 && !conn->closing) close_conn(*conn, false, conn->reactor_id);
        if (conn->fd >= 0) destroy(*conn);
    }
    if (heartbeat_timer_) reactor_->clear(heartbeat_timer_);
    heartbeat_timer_ = 0;
    reactor_->on_signal(SIGTERM, nullptr, nullptr);
    watch_log_signal(false);
    for (auto &p : ports_) {
        if (p->fd() >= 0 && reactor_->exists(p->fd())) reactor_->remove(p->fd());
    }
    if (pending_frees_ > 0) reactor_->run_once();  // the deferred frees (a non-blocking turn)
    ::signal(SIGTERM, SIG_DFL);
    reactor_ = nullptr;
    own_reactor_.reset();
    stopping_ = false;
}

// The original process, at shutdown: the sockets, and the files of Unix ones.
void Server::close_ports() {
    for (auto &p : ports_) {
        p->close_socket();
        const std::string &path = p->host();
        if (p->is_unix() && !path.empty() && path[0] != '@' && path[0] != '\0') ::unlink(path.c_str());
    }
}

bool Server::shutdown() {
    if (!running_) return false;
    if (pm_) return pm_->shutdown();  // PROCESS mode: SIGTERM to the master (server/master.cc)
    if (manager_ && getpid() != manager_pid_) return ProcessManager::request_shutdown(manager_pid_);
    if (manager_) return ProcessManager::request_shutdown(manager_pid_);
    begin_stop();
    return true;
}

bool Server::reload(bool only_task_workers) {
    if (pm_) return running_ && pm_->reload(only_task_workers);  // PROCESS mode (server/master.cc)
    if (!running_ || !manager_) return false;
    return ::kill(manager_pid_, only_task_workers ? SIGUSR2 : SIGUSR1) == 0;
}

}  // namespace swoole::kernel
