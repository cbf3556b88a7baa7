#include "process/process_manager.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

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

ProcessManager::ProcessManager(int worker_num) : workers_(worker_num > 0 ? worker_num : 0) {}

ProcessManager::~ProcessManager() { restore_signals(); }

pid_t ProcessManager::worker_pid(int id) const {
    return id >= 0 && id < worker_num() ? workers_[id].pid : -1;
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
        // The worker: its own signal state already, nothing of the manager's.
        signals_blocked_ = false;
        sigaction(SIGCHLD, &original_chld_, nullptr);
        new_worker_ = id;
        return false;
    }
    workers_[id].pid = pid;
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
    sigprocmask(SIG_BLOCK, &set_, &original_mask_);
    // A SIGCHLD set to SIG_IGN would make the kernel reap workers by itself.
    struct sigaction dfl{};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(SIGCHLD, &dfl, &original_chld_);
    signals_blocked_ = true;
    running_ = true;
    stop_deadline_ = 0;
    reload_queue_.clear();
    reloading_ = -1;
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
        if (id < 0) continue;  // a detached worker or another child of the master
        workers_[id].pid = 0;
        --alive_;
        if (!running_) continue;
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

void ProcessManager::reload_next() {
    while (!reload_queue_.empty() && reloading_ < 0) {
        int id = reload_queue_.front();
        reload_queue_.erase(reload_queue_.begin());
        if (workers_[id].pid > 0 && ::kill(workers_[id].pid, SIGTERM) == 0) reloading_ = id;
    }
}

void ProcessManager::stop_all() {
    running_ = false;
    reload_queue_.clear();
    reloading_ = -1;
    stop_deadline_ = now_seconds() + kStopGraceSeconds;
    for (Worker &w : workers_) {
        if (w.pid > 0) ::kill(w.pid, SIGTERM);
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
        // While stopping, wake every second to enforce the grace period.
        int signo = sigtimedwait(&set_, &info, running_ ? nullptr : &tick);
        if (signo < 0) {
            if (!running_ && now_seconds() >= stop_deadline_) {
                for (Worker &w : workers_) {
                    if (w.pid > 0) ::kill(w.pid, SIGKILL);
                }
            }
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
            if (running_) stop_all();
        } else if (signo == SIGUSR1 || signo == SIGUSR2) {
            if (running_ && reload_queue_.empty() && reloading_ < 0) {
                for (int id = 0; id < worker_num(); ++id) reload_queue_.push_back(id);
                reload_next();
            }
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
    }
    restore_signals();
    return role;
}

}  // namespace swoole::kernel
