// The master of a fixed group of worker processes, numbered 0..n-1: forks
// them, forks a new one with the same number whenever one exits, restarts them
// one by one on SIGUSR1/SIGUSR2 (reload), stops them all on SIGTERM and then
// returns. The master does nothing else while it manages: it waits for its
// signals with sigtimedwait(2), with those signals blocked, so none is lost
// between two waits. Workers start with the caller's original signal mask.
//
// fork() returns twice, so start() and run() do too: in a new worker they
// return Role::worker with its number, and the caller runs the worker's code
// from there (the manager's state in the worker is dead weight, never used).
// What a worker does (PHP callbacks, message loops) is the caller's business.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <vector>

namespace swoole::kernel {

class ProcessManager {
  public:
    struct Role {
        enum Kind { master, worker, error } kind = master;
        int worker_id = -1;
    };
    // Grace period for workers after SIGTERM before they get SIGKILL.
    static constexpr int kStopGraceSeconds = 10;

    explicit ProcessManager(int worker_num);
    ~ProcessManager();
    ProcessManager(const ProcessManager &) = delete;
    ProcessManager &operator=(const ProcessManager &) = delete;

    int worker_num() const { return static_cast<int>(workers_.size()); }
    pid_t master_pid() const { return master_pid_; }
    pid_t worker_pid(int id) const;
    int find_worker(pid_t pid) const;  // -1: not a current worker
    bool running() const { return running_; }
    // Workers forked so far, respawns and reloads included.
    unsigned long spawn_count() const { return spawn_count_; }

    // Blocks the manager's signals and forks every worker. error (errno set):
    // a fork failed; the workers already forked are stopped and reaped.
    Role start();
    // Manages until shutdown; returns master once every worker is gone (the
    // signal mask restored), or worker in a newly forked worker.
    Role run();

    // Asks a running manager to stop (SIGTERM to master).
    static bool request_shutdown(pid_t master);
    // From a worker: the manager forgets it (never signals or replaces it again
    // when it exits) and forks a replacement with the same number.
    static bool request_detach(pid_t master, int worker_id);
    static int detach_signal() { return SIGRTMIN + 1; }

  private:
    struct Worker {
        pid_t pid = 0;
    };
    bool spawn(int id);  // false in the child (the caller returns the worker role)
    bool reap(int &worker_id);
    void stop_all();
    void reload_next();
    void restore_signals();

    std::vector<Worker> workers_;
    pid_t master_pid_ = -1;
    bool running_ = false;
    bool signals_blocked_ = false;
    sigset_t set_{};           // the signals the manager waits for
    sigset_t original_mask_{};  // the caller's mask, restored for workers and on return
    struct sigaction original_chld_{};
    std::vector<int> reload_queue_;
    int reloading_ = -1;  // the worker told to exit for a reload
    int alive_ = 0;
    long stop_deadline_ = 0;  // steady seconds; 0 until stop_all()
    unsigned long spawn_count_ = 0;
    int new_worker_ = -1;  // set in a freshly forked worker
};

}  // namespace swoole::kernel
