// The master of a fixed set of child processes, numbered 0..n-1 in three
// groups: event workers (0..e-1), task workers (e..e+t-1) and user processes
// (after them). It forks them, forks a new one with the same number whenever
// one exits (reporting how it ended), restarts them one by one on reload
// (SIGUSR1: event and task workers; SIGUSR2: task workers only when
// usr2_task_only is set, else like SIGUSR1; user processes never), stops them
// all on SIGTERM (SIGKILL after max_wait_time) and then returns. SIGRTMIN
// (log_signal()) re-opens the log file here and is passed on to the event and
// task workers (log rotation); SIGUSR1/SIGUSR2 re-open it here too. The master
// waits for its signals with sigtimedwait(2), those signals blocked, so none
// is lost between two waits. Children start with the caller's original mask.
//
// Each child's pid and status (busy / idle / exit) live in a shared mapping
// made at construction, so any process forked afterwards can read them.
//
// fork() returns twice, so start() and run() do too: in a new child they
// return Role::worker with its number, and the caller runs the child's code
// from there (the manager's state in the child is dead weight, never used).
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <atomic>
#include <vector>

#include "memory/shared_memory.h"

namespace swoole::kernel {

class ProcessManager {
  public:
    struct Role {
        enum Kind { master, worker, error } kind = master;
        int worker_id = -1;
    };
    enum class Kind { event, task, user };
    // The SWOOLE_WORKER_* values.
    enum Status : int { kBusy = 1, kIdle = 2, kExit = 3 };
    // How a child ended: exit_code from exit(), or the signal that killed it.
    struct ExitStatus {
        int worker_id;
        pid_t pid;
        int exit_code;
        int signo;
    };
    // Called in the manager. on_exit: a child exited while the manager was
    // running (before its replacement is forked). on_reload_begin/end: around
    // one reload round. on_shutdown_begin: SIGTERM arrived, before any child
    // is told to stop (once).
    struct Hooks {
        void *ctx = nullptr;
        void (*on_exit)(void *ctx, const ExitStatus &status) = nullptr;
        void (*on_shutdown_begin)(void *ctx) = nullptr;
        void (*on_reload_begin)(void *ctx) = nullptr;
        void (*on_reload_end)(void *ctx) = nullptr;
    };
    static constexpr int kDefaultMaxWaitTime = 3;

    explicit ProcessManager(int worker_num) : ProcessManager(worker_num, 0, 0) {}
    ProcessManager(int event_num, int task_num, int user_num);
    ~ProcessManager();
    ProcessManager(const ProcessManager &) = delete;
    ProcessManager &operator=(const ProcessManager &) = delete;

    // Before start().
    void set_hooks(const Hooks &hooks) { hooks_ = hooks; }
    // Seconds a child told to stop (shutdown or reload) may take before SIGKILL.
    void set_max_wait_time(int seconds) { max_wait_time_ = seconds > 0 ? seconds : kDefaultMaxWaitTime; }
    int max_wait_time() const { return max_wait_time_; }
    void set_usr2_task_only(bool value) { usr2_task_only_ = value; }

    int worker_num() const { return static_cast<int>(workers_.size()); }
    int event_num() const { return event_num_; }
    int task_num() const { return task_num_; }
    int user_num() const { return worker_num() - event_num_ - task_num_; }
    Kind kind_of(int id) const { return id < event_num_ ? Kind::event : id < event_num_ + task_num_ ? Kind::task : Kind::user; }
    pid_t master_pid() const { return master_pid_; }
    // From any process of the group (shared memory): the current pid of a
    // child (its last one while it is being replaced), -1 for a bad id.
    pid_t worker_pid(int id) const;
    int worker_status(int id) const;  // kBusy/kIdle/kExit, 0 before the first fork, -1 bad id
    void set_worker_status(int id, Status status);  // a child about itself
    // Work queued for a child and not done yet (tasks sent to a task worker):
    // senders add, the child subtracts. 0 again when the child is replaced.
    void add_pending(int id, int delta);
    int pending(int id) const;
    int find_worker(pid_t pid) const;  // -1: not a current child (manager side)
    bool running() const { return running_; }
    // Children forked so far, respawns and reloads included.
    unsigned long spawn_count() const { return spawn_count_; }

    // Blocks the manager's signals and forks every child. error (errno set):
    // a fork failed; the children already forked are stopped and reaped.
    Role start();
    // Manages until shutdown; returns master once every child is gone (the
    // signal mask restored), or worker in a newly forked child.
    Role run();

    // Asks a running manager to stop (SIGTERM to master).
    static bool request_shutdown(pid_t master);
    // From a child: the manager forgets it (never signals or replaces it again
    // when it exits) and forks a replacement with the same number.
    static bool request_detach(pid_t master, int worker_id);
    static int detach_signal() { return SIGRTMIN + 1; }
    static int log_signal() { return SIGRTMIN; }

  private:
    struct Worker {
        pid_t pid = 0;
    };
    struct Slot {
        std::atomic<pid_t> pid;
        std::atomic<int> status;
        std::atomic<int> pending;
    };
    bool spawn(int id);  // false in the child (the caller returns the worker role)
    bool reap(int &worker_id);
    void stop_all();
    void begin_reload(bool task_only);
    void reopen_logs();
    void reload_next();
    void kill_overdue();
    void restore_signals();
    Slot *slot(int id) const;

    std::vector<Worker> workers_;
    int event_num_ = 0;
    int task_num_ = 0;
    SharedMemory shared_;  // Slot[worker_num]
    Hooks hooks_;
    int max_wait_time_ = kDefaultMaxWaitTime;
    bool usr2_task_only_ = false;
    pid_t master_pid_ = -1;
    bool running_ = false;
    bool signals_blocked_ = false;
    sigset_t set_{};           // the signals the manager waits for
    sigset_t original_mask_{};  // the caller's mask, restored for children and on return
    struct sigaction original_chld_{};
    std::vector<int> reload_queue_;
    bool reload_round_ = false;  // between on_reload_begin and on_reload_end
    int reloading_ = -1;  // the child told to exit for a reload
    long reload_deadline_ = 0;  // steady seconds
    int alive_ = 0;
    long stop_deadline_ = 0;  // steady seconds; 0 until stop_all()
    unsigned long spawn_count_ = 0;
    int new_worker_ = -1;  // set in a freshly forked child
};

}  // namespace swoole::kernel
