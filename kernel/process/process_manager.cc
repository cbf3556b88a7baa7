#include "process/process_manager.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <new>

#include "base/log.h"
#include "process/fork.h"

namespace swoole::kernel {

namespace {
long now_seconds() {
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec;
}
}  // namespace

ProcessManager::ProcessManager(int event_num, int task_num, int user_num)
    : event_num_(event_num > 0 ? event_num : 0), task_num_(task_num > 0 ? task_num : 0) {
    int total = event_num_ + task_num_ + (user_num > 0 ? user_num : 0);
    workers_.resize(total);
    if (total > 0 && shared_.allocate(sizeof(Slot) * total)) {
        auto *slots = static_cast<Slot *>(shared_.data());
        for (int i = 0; i < total; ++i) new (&slots[i]) Slot{{0}, {0}, {0}};
    }
}

ProcessManager::~ProcessManager() { restore_signals(); }

ProcessManager::Slot *ProcessManager::slot(int id) const {
    if (id < 0 || id >= worker_num() || !shared_.data()) return nullptr;
    return static_cast<Slot *>(shared_.data()) + id;
}

pid_t ProcessManager::worker_pid(int id) const {
    Slot *s = slot(id);
    if (s) return s->pid.load(std::memory_order_relaxed);
    return id >= 0 && id < worker_num() ? workers_[id].pid : -1;
}

int ProcessManager::worker_status(int id) const {
    Slot *s = slot(id);
    return s ? s->status.load(std::memory_order_relaxed) : -1;
}

void ProcessManager::set_worker_status(int id, Status status) {
    if (Slot *s = slot(id)) s->status.store(status, std::memory_order_relaxed);
}

void ProcessManager::add_pending(int id, int delta) {
    if (Slot *s = slot(id)) s->pending.fetch_add(delta, std::memory_order_relaxed);
}

int ProcessManager::pending(int id) const {
    Slot *s = slot(id);
    return s ? s->pending.load(std::memory_order_relaxed) : 0;
}

int ProcessManager::find_worker(pid_t pid) const {
    if (pid <= 0) return -1;
    for (int i = 0; i < worker_num(); ++i) {
        if (workers_[i].pid == pid) return i;
    }
    return -1;
}

bool ProcessManager::request_shutdown(pid_t master) { return master > 0 && ::kill(master, SIGTERM) == 0; }

bool ProcessManager::request_detach(pid_t master, int worker_id) {
    sigval value{};
    value.sival_int = worker_id;
    return master > 0 && ::sigqueue(master, detach_signal(), value) == 0;
}

void ProcessManager::restore_signals() {
    if (!signals_blocked_) return;
    signals_blocked_ = false;
    sigaction(SIGCHLD, &original_chld_, nullptr);
    sigprocmask(SIG_SETMASK, &original_mask_, nullptr);
}

bool ProcessManager::spawn(int id) {
    pid_t pid = fork_process(&original_mask_);
    if (pid < 0) {
        int err = errno;
        SW_WARN("ProcessManager::spawn(): fork() failed, Error: %s[%d]", strerror(err), err);
        errno = err;
        return true;  // still the master; the slot stays empty
    }
    if (pid == 0) {
        // The child: its own signal state already, nothing of the manager's.
        signals_blocked_ = false;
        sigaction(SIGCHLD, &original_chld_, nullptr);
        // A log rotation signal reaching a worker before its loop handles it
        // must not kill it (the default action of a real-time signal).
        if (kind_of(id) != Kind::user) ::signal(log_signal(), SIG_IGN);
        new_worker_ = id;
        if (Slot *s = slot(id)) {
            s->pid.store(getpid(), std::memory_order_relaxed);
            s->status.store(kIdle, std::memory_order_relaxed);
        }
        return false;
    }
    workers_[id].pid = pid;
    if (Slot *s = slot(id)) {
        s->pid.store(pid, std::memory_order_relaxed);
        s->status.store(kIdle, std::memory_order_relaxed);
        s->pending.store(0, std::memory_order_relaxed);
    }
    ++alive_;
    ++spawn_count_;
    return true;
}

ProcessManager::Role ProcessManager::start() {
    Role role;
    if (workers_.empty() || running_) {
        errno = EINVAL;
        role.kind = Role::error;
        return role;
    }
    master_pid_ = ::getpid();
    sigemptyset(&set_);
    for (int signo : {SIGCHLD, SIGTERM, SIGUSR1, SIGUSR2}) sigaddset(&set_, signo);
    sigaddset(&set_, detach_signal());
    sigaddset(&set_, log_signal());
    sigprocmask(SIG_BLOCK, &set_, &original_mask_);
    // A SIGCHLD set to SIG_IGN would make the kernel reap children by itself.
    struct sigaction dfl{};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGCHLD, &dfl, &original_chld_);
    signals_blocked_ = true;
    running_ = true;
    stop_deadline_ = 0;
    reload_queue_.clear();
    reloading_ = -1;
    reload_round_ = false;
    for (int id = 0; id < worker_num(); ++id) {
        if (!spawn(id)) {
            role.kind = Role::worker;
            role.worker_id = new_worker_;
            return role;
        }
        if (workers_[id].pid == 0) {
            int err = errno;
            stop_all();
            run();
            errno = err;
            role.kind = Role::error;
            return role;
        }
    }
    return role;
}

bool ProcessManager::reap(int &worker_id) {
    for (;;) {
        int status = 0;
        pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid <= 0) return true;
        int id = find_worker(pid);
        if (id < 0) continue;  // a detached child or another child of the master
        workers_[id].pid = 0;
        if (Slot *s = slot(id)) s->status.store(kExit, std::memory_order_relaxed);
        --alive_;
        if (!running_) continue;
        if (hooks_.on_exit) {
            ExitStatus st{id, pid, WIFEXITED(status) ? WEXITSTATUS(status) : 0,
                          WIFSIGNALED(status) ? WTERMSIG(status) : 0};
            hooks_.on_exit(hooks_.ctx, st);
        }
        if (!spawn(id)) {
            worker_id = new_worker_;
            return false;
        }
        if (id == reloading_) {
            reloading_ = -1;
            reload_next();
        }
    }
}

void ProcessManager::begin_reload(bool task_only) {
    if (!running_ || reload_round_) return;  // one round at a time
    reload_round_ = true;
    if (hooks_.on_reload_begin) hooks_.on_reload_begin(hooks_.ctx);
    for (int id = task_only ? event_num_ : 0; id < event_num_ + task_num_; ++id) reload_queue_.push_back(id);
    reload_next();
}

void ProcessManager::reload_next() {
    while (!reload_queue_.empty() && reloading_ < 0) {
        int id = reload_queue_.front();
        reload_queue_.erase(reload_queue_.begin());
        if (workers_[id].pid > 0 && ::kill(workers_[id].pid, SIGTERM) == 0) {
            reloading_ = id;
            reload_deadline_ = now_seconds() + max_wait_time_;
        }
    }
    if (reload_round_ && reload_queue_.empty() && reloading_ < 0) {
        reload_round_ = false;
        if (running_ && hooks_.on_reload_end) hooks_.on_reload_end(hooks_.ctx);
    }
}

// Log rotation: this process's log, then every event and task worker's
// (user processes keep their own business).
void ProcessManager::reopen_logs() {
    if (!Logger::instance().reopen()) {
        SW_WARN("ProcessManager: cannot reopen the log file %s, Error: %s[%d]", Logger::instance().file().c_str(),
                strerror(errno), errno);
    }
    for (int id = 0; id < event_num_ + task_num_; ++id) {
        if (workers_[id].pid > 0) ::kill(workers_[id].pid, log_signal());
    }
}

void ProcessManager::stop_all() {
    running_ = false;
    reload_queue_.clear();
    reloading_ = -1;
    reload_round_ = false;
    stop_deadline_ = now_seconds() + max_wait_time_;
    for (Worker &w : workers_) {
        if (w.pid > 0) ::kill(w.pid, SIGTERM);
    }
}

// A child past its grace period (shutdown, or the one being reloaded) is killed.
void ProcessManager::kill_overdue() {
    long now = now_seconds();
    if (!running_) {
        if (now < stop_deadline_) return;
        for (Worker &w : workers_) {
            if (w.pid > 0) ::kill(w.pid, SIGKILL);
        }
    } else if (reloading_ >= 0 && now >= reload_deadline_ && workers_[reloading_].pid > 0) {
        SW_WARN("ProcessManager::reload(): worker #%d (pid %d) did not stop within %d s, killed", reloading_,
                static_cast<int>(workers_[reloading_].pid), max_wait_time_);
        ::kill(workers_[reloading_].pid, SIGKILL);
        reload_deadline_ = now + max_wait_time_;
    }
}

ProcessManager::Role ProcessManager::run() {
    Role role;
    if (!signals_blocked_) {
        errno = EINVAL;
        role.kind = Role::error;
        return role;
    }
    while (running_ || alive_ > 0) {
        siginfo_t info;
        timespec tick{1, 0};
        // While stopping or reloading, wake every second to enforce the grace period.
        bool timed = !running_ || reloading_ >= 0;
        int signo = sigtimedwait(&set_, &info, timed ? &tick : nullptr);
        if (signo < 0) {
            if (timed) kill_overdue();
            continue;
        }
        if (signo == SIGCHLD) {
            int id = -1;
            if (!reap(id)) {
                role.kind = Role::worker;
                role.worker_id = id;
                return role;
            }
        } else if (signo == SIGTERM) {
            if (running_) {
                if (hooks_.on_shutdown_begin) hooks_.on_shutdown_begin(hooks_.ctx);
                stop_all();
            }
        } else if (signo == SIGUSR1 || signo == SIGUSR2) {
            Logger::instance().reopen();
            begin_reload(signo == SIGUSR2 && usr2_task_only_);
        } else if (signo == log_signal()) {
            reopen_logs();
        } else if (signo == detach_signal()) {
            int id = info.si_value.sival_int;
            if (running_ && id >= 0 && id < worker_num() && workers_[id].pid == info.si_pid) {
                workers_[id].pid = 0;
                --alive_;
                if (!spawn(id)) {
                    role.kind = Role::worker;
                    role.worker_id = new_worker_;
                    return role;
                }
            }
        }
        if (timed) kill_overdue();
    }
    restore_signals();
    return role;
}

}  // namespace swoole::kernel
