// PROCESS mode of the server core (SWOOLE_PROCESS): the state shared by the
// master and its workers, and the master's main thread.
//
//   master  main thread: accepts on the stream ports, hands each connection
//           to reactor thread `fd % reactor_num`; signals (SIGTERM stops
//           everything, SIGUSR1/SIGUSR2 go to the manager); on_start and
//           on_shutdown. No other callback runs in the master.
//           reactor threads (server/reactor_thread.h): the connections.
//   manager forked by the master before any thread exists; runs the same
//           manager code as BASE mode (Server::run_managed) over the workers.
//   workers read their pipes (server/process_worker.h) and fire the events.
//
// Created in start() before the fork, so every process has the layout: the
// socketpair of each (process, reactor thread) pair, the mode 7 stream pipe of
// each reactor thread, the shared session table and the worker load block.
// "Process" is every event worker, task worker and user process (ids 0 ..
// sender_num-1): task workers and user processes get pipes too, so send(),
// close() and the rest reach the reactor threads from them as well; events
// only ever go to the event workers.
#pragma once

#include <sys/types.h>

#include <memory>
#include <string_view>
#include <vector>

#include "reactor/reactor.h"
#include "server/connection.h"

namespace swoole::kernel {

class Server;
class SessionTable;
class ReactorThread;
class ProcessWorker;
struct DispatchShared;
struct ClientInfo;

class ProcessMode {
  public:
    enum End : int { master_end = 0, worker_end = 1 };

    explicit ProcessMode(Server &server);
    ~ProcessMode();
    ProcessMode(const ProcessMode &) = delete;
    ProcessMode &operator=(const ProcessMode &) = delete;

    // start() of a PROCESS-mode server, in the calling (master) process.
    int run_master();

    Server &server() { return server_; }
    int reactor_num() const { return reactor_num_; }
    int worker_num() const { return worker_num_; }
    int sender_num() const { return sender_num_; }  // event + task workers + user processes
    int pipe_fd(int worker, int reactor, End end) const {
        return pipes_[static_cast<size_t>((worker * reactor_num_ + reactor) * 2 + end)];
    }
    int stream_fd(int reactor, End end) const { return streams_[static_cast<size_t>(reactor * 2 + end)]; }
    SessionTable &sessions() { return *sessions_; }
    DispatchShared &load() { return *load_; }
    bool in_master() const;
    ReactorThread &thread(int id) { return *threads_[static_cast<size_t>(id)]; }
    // This process's side of the pipes: the event worker's (made by
    // worker_attach), or, in a task worker or user process, made on first use.
    // nullptr in the master and the manager.
    ProcessWorker *worker();
    bool callbacks_dropped() const { return drop_conn_events_; }

    // ---- the worker side (server/process_worker.cc)
    bool worker_attach(int worker_id);
    void worker_stop();

    // ---- master side: what the master accepts on its main thread
    bool shutdown();
    bool reload(bool only_task_workers);

  private:
    bool make_layout();
    void close_layout(End keep_only_other_than);
    void manager_main();  // the forked manager; never returns
    bool start_threads();
    void stop_threads();
    void begin_shutdown();
    static void on_accept(int fd, int events, void *arg);
    static void on_signal(int signo, void *arg);

    Server &server_;
    int reactor_num_ = 1;
    int worker_num_ = 1;
    int sender_num_ = 1;
    bool drop_conn_events_ = false;
    std::vector<int> pipes_;
    std::vector<int> streams_;
    SessionTable *sessions_ = nullptr;
    DispatchShared *load_ = nullptr;
    pid_t master_pid_ = 0;
    pid_t manager_ = 0;
    bool stopping_ = false;
    Reactor *main_ = nullptr;
    std::unique_ptr<Reactor> own_main_;
    std::vector<std::unique_ptr<ReactorThread>> threads_;
    std::unique_ptr<ProcessWorker> worker_;
};

}  // namespace swoole::kernel
