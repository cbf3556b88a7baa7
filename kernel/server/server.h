// The server core: listening ports, the session table of accepted
// connections, their reads, framing and buffered writes, heartbeat, stats, and
// the worker processes. Swoole\Server (php_glue) sits on this API; it holds no
// PHP. Callbacks are function pointers with one context pointer (no
// allocation per event, and the same shapes can cross the module boundary).
//
// Process model (see docs/server.md): start() either serves everything in the
// calling process (the "single" case: one worker, no max_request), or makes
// the caller the manager of worker_num workers (kernel/process/
// ProcessManager), each accepting on the inherited listening sockets (or its
// own SO_REUSEPORT ones) with its own reactor and its own connections.
// PROCESS mode (settings.mode; server/master.h): the caller becomes the
// master (accepting thread + reactor threads owning the connections), forks
// a manager running the same manager code, and the workers get whole packets
// through pipes. The same events fire in a worker and the same session API
// works there in both modes.
//
// Errors: the methods return false and set last_error() to the spec's code:
// SW_ERROR_SESSION_INVALID_ID 1006 (id <= 0), SESSION_NOT_EXIST 1005 (unknown
// or gone), SESSION_CLOSING 1003 (close started, e.g. inside on_close),
// OUTPUT_BUFFER_OVERFLOW 1009, DATA_LENGTH_TOO_LARGE 1203, or an errno.
// "server is not running" is the glue's check (running()).
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reactor/reactor.h"
#include "server/connection.h"
#include "server/listen_port.h"
#include "server/server_stats.h"
#include "server/task_ipc.h"  // task workers, results, pipe messages

namespace swoole::kernel {

class ProcessManager;
class ProcessMode;
class Server;
struct SessionRecord;

// dispatch_func: the worker for an event of a PROCESS-mode server (see
// ServerSettings::dispatch_func). event: 0 data, 1 datagram, 4 close,
// 5 connect; data: at most kDispatchFuncDataMax bytes of the packet.
// Returns a worker id, -1 (drop the event), -2 (close the connection) or
// -3 (use dispatch_mode).
using DispatchFunc = int (*)(void *ctx, Server &server, int64_t session, int event, std::string_view data);
inline constexpr size_t kDispatchFuncDataMax = 8180;

// SWOOLE_BASE = 1, SWOOLE_PROCESS = 2 (the PHP constants' values).
enum class ServerMode : int { base = 1, process = 2 };

struct ServerSettings {
    ServerMode mode = ServerMode::base;
    int worker_num = 1;
    int max_request = 0;            // per worker; 0: never recycled
    int64_t max_conn = 100000;      // per server; extra connections are closed
    int heartbeat_check_interval = 0;  // seconds; 0: no periodic scan
    size_t buffer_output_size = UINT32_MAX;  // max bytes of one send
    bool enable_reuse_port = false;
    bool enable_delay_receive = false;  // read only after resume()
    int max_wait_time = 3;  // seconds a stopping worker may take before it is killed
    SessionId start_session_id = 0;  // session ids start after this
    // ---- PROCESS mode (ignored in BASE)
    int reactor_num = 0;      // master reactor threads; 0: CPU count; never more than worker_num
    int dispatch_mode = 2;    // see server/dispatch.h
    // Runs on the reactor thread that owns the connection, serialized by one
    // process-wide mutex (also held while on_start / on_shutdown run on the
    // master's main thread), so calls never overlap with each other or with
    // other code of the master; it must not use coroutines or the event loop.
    DispatchFunc dispatch_func = nullptr;
    void *dispatch_ctx = nullptr;
    bool enable_unsafe_event = false;      // keep on_connect/on_close with dispatch_mode 1/3/7
    bool discard_timeout_request = false;  // drop data for sessions a worker cannot find (1007)
    // send() in a coroutine parks while the session's output is full (instead
    // of 1009) until it drains, or send_timeout seconds (> 0) pass (ETIMEDOUT).
    // Only with dispatch_mode 2/4; outside a coroutine send() never parks.
    bool send_yield = true;
    double send_timeout = 0;
    // ---- task workers and their IPC (task_worker_num, task_ipc_mode,
    // task_max_request, task_tmpdir, message_queue_key: task_ipc.h), reload_async.
    TaskSettings task;
    bool reload_async = true;
};

// Where a datagram came from (onPacket's $client_info).
struct PacketInfo {
    const ListenPort *port;
    const SocketAddress *address;  // the sender (a Unix path, maybe empty, for UNIX_DGRAM)
    double dispatch_time;
};

struct ServerEvents {
    void *ctx = nullptr;
    // Process level.
    void (*on_start)(void *ctx, Server &server) = nullptr;  // in worker 0 (BASE), before its on_worker_start
    void (*on_shutdown)(void *ctx, Server &server) = nullptr;  // in the original process
    // When shutdown starts (SIGTERM or shutdown()), before the workers are
    // stopped, once: in the master (PROCESS), the manager (BASE with workers:
    // it is the master there) or the single process (BASE, 1 worker).
    void (*on_before_shutdown)(void *ctx, Server &server) = nullptr;
    void (*on_manager_start)(void *ctx, Server &server) = nullptr;
    void (*on_manager_stop)(void *ctx, Server &server) = nullptr;
    void (*on_worker_start)(void *ctx, Server &server, int worker_id) = nullptr;
    void (*on_worker_stop)(void *ctx, Server &server, int worker_id) = nullptr;
    void (*on_worker_error)(void *ctx, Server &server, int worker_id, pid_t pid, int exit_code, int signo) = nullptr;
    // Connections (conn->port tells which port: the glue picks that port's PHP callback).
    // A data view is valid during the callback only (copy it to keep it).
    void (*on_connect)(void *ctx, Server &server, Connection &conn) = nullptr;
    void (*on_receive)(void *ctx, Server &server, Connection &conn, std::string_view data) = nullptr;
    void (*on_packet)(void *ctx, Server &server, std::string_view data, const PacketInfo &info) = nullptr;
    // reactor_id < 0 when the server closed it through close().
    void (*on_close)(void *ctx, Server &server, Connection &conn, int reactor_id) = nullptr;
    void (*on_buffer_full)(void *ctx, Server &server, Connection &conn) = nullptr;
    void (*on_buffer_empty)(void *ctx, Server &server, Connection &conn) = nullptr;
    // tasks, results, pipe messages, user processes, reload (task_ipc.h; views valid during the call).
    void (*on_task)(void *ctx, Server &server, const TaskInfo &task, std::string_view data) = nullptr;
    void (*on_finish)(void *ctx, Server &server, const TaskInfo &task, std::string_view data) = nullptr;
    void (*on_pipe_message)(void *ctx, Server &server, int src_worker_id, uint32_t flags, double dispatch_time,
                            std::string_view data) = nullptr;
    void (*on_user_process)(void *ctx, Server &server, int index) = nullptr;  // the body of user process #index
    void (*on_worker_exit)(void *ctx, Server &server, int worker_id) = nullptr;  // each turn of a draining worker (reload_async)
    void (*on_before_reload)(void *ctx, Server &server) = nullptr;  // in the manager
    void (*on_after_reload)(void *ctx, Server &server) = nullptr;
};

// getClientInfo()'s facts about one connection.
struct ClientInfo {
    bool uid_bound;
    uint32_t uid;
    int worker_id;
    int server_port;
    int server_fd;
    int socket_fd;
    int socket_type;
    int remote_port;
    std::string remote_ip;
    int reactor_id;
    double connect_time;
    double last_recv_time;
    double last_send_time;
    double last_dispatch_time;
    int close_errno;
    size_t recv_queued_bytes;
    size_t send_queued_bytes;
    bool ssl;
};

class Server {
  public:
    explicit Server(const ServerEvents &events);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // ---- before start
    ServerSettings settings;
    // Creates and binds a port (index 0 is the primary one). nullptr with
    // errno on failure (the bind error, EINVAL for a bad address), or with
    // last_error SW_ERROR_SERVER_TOO_MANY_LISTEN_PORT.
    ListenPort *add_port(SocketType type, std::string_view host, int port);
    const std::vector<std::unique_ptr<ListenPort>> &ports() const { return ports_; }
    // systemd socket activation: a port for each socket passed in LISTEN_FDS
    // (fds 3..) when LISTEN_PID is this process. The number added (0: none
    // passed, or an fd that is not a usable socket: errno).
    int add_systemd_ports();

    // Serves until shutdown (see the header comment). Returns 0 in the
    // original process once the server stopped; in a worker it never returns
    // (the worker _exit()s). -1 with last_error when it could not start.
    int start();
    bool running() const { return running_; }

    // ---- after start, in a worker (or the single process)
    bool send(SessionId session, std::string_view data);
    // sendfile(): queues `length` bytes of the file at path from `offset`
    // behind what is queued already; the loop writes them with sendfile(2)
    // (TLS: read 64 KiB at a time), no copy in user space. PROCESS mode: the
    // owning reactor thread opens the file and queues it. The caller checked
    // the range (see the glue). False with last_error as send(), or the
    // errno of open(2) (BASE).
    bool send_file(SessionId session, const char *path, off_t offset, size_t length);
    // A datagram from a port of that family (port: a given one, or null for
    // the first UDP/UDP6/UNIX_DGRAM port matching addr's family).
    bool sendto(const SocketAddress &addr, std::string_view data, const ListenPort *port = nullptr);
    // sendwait(): send() that returns once the connection's whole output has
    // reached the socket. In a coroutine it parks (the loop writes on and
    // wakes it when the output drains); outside it blocks in poll(2) and
    // writes itself. BASE mode only (PROCESS: false, SW_ERROR_OPERATION_NOT_SUPPORT).
    // False with last_error as send(), or SESSION_CLOSED when the connection
    // went away before its output drained.
    bool send_wait(SessionId session, std::string_view data);
    bool close(SessionId session, bool reset = false);
    bool pause(SessionId session);
    bool resume(SessionId session);
    bool exist(SessionId session) const;
    bool protect(SessionId session, bool value = true);
    bool bind_uid(SessionId session, uint32_t uid);
    bool client_info(SessionId session, ClientInfo &info, bool ignore_error = false) const;
    // Sessions above `start` (0: from the first), ascending, at most count.
    bool client_list(SessionId start, size_t count, std::vector<SessionId> &out) const;
    // Connections idle past their port's heartbeat_idle_time (protected ones
    // skipped), closed when close_them. False when no heartbeat is configured.
    bool heartbeat(bool close_them, std::vector<SessionId> *idle = nullptr);
    Connection *find(SessionId session) const;  // live (not closing) or nullptr

    // Graceful stop of the whole server: SIGTERM to the manager (or this
    // single process). From the single process, or a test, it may be called
    // in a callback.
    bool shutdown();
    // Restarts every worker one by one (SIGUSR1 to the manager), or only the
    // task workers (SIGUSR2).
    bool reload(bool only_task_workers = false);
    // Stops this worker gracefully: no new connections, in-flight work and
    // output finish, then the worker exits (the manager forks a new one).
    void stop_worker();

    const ServerStats &stats() const { return *stats_; }
    const WorkerStats &worker_stats() const { return worker_stats_; }
    size_t connection_count() const {  // PROCESS mode: the whole server's
        return pm_ ? static_cast<size_t>(stats_->connection_num.load(std::memory_order_relaxed)) : sessions_.size();
    }
    // Live connections of one port: this process's (BASE) or the server's (PROCESS).
    size_t port_connection_count(int port_index) const;
    int worker_id() const { return worker_id_; }
    pid_t master_pid() const { return master_pid_; }
    pid_t manager_pid() const { return manager_pid_; }
    bool single() const {
        return settings.mode == ServerMode::base && settings.worker_num <= 1 && settings.max_request <= 0 &&
               settings.task.worker_num <= 0 && user_process_num_ == 0;  // and no task workers / user processes
    }
    bool process_mode() const { return settings.mode == ServerMode::process; }
    // PROCESS mode: the master's reactor threads (0 before start / in BASE).
    int reactor_num() const;
    Reactor *reactor() const { return reactor_; }
    // Wall clock, unix seconds with microseconds.
    static double now();

    // ---- task workers, user processes, worker table (server_process.cc, task_ipc.h)
    // Before start: one more user process; returns its index (its worker id is
    // worker_num + task_worker_num + index).
    int add_user_process() { return user_process_num_++; }
    int user_process_num() const { return user_process_num_; }
    TaskIpc &task_ipc() { return task_ipc_; }
    ServerEvents &events() { return events_; }  // before start: the glue adds the task events
    bool is_task_worker() const { return task_ipc_.is_task_worker(worker_id_); }
    // Any process of the server: pid / SWOOLE_WORKER_* status of a worker, -1 unknown.
    pid_t worker_pid(int worker_id) const;
    int worker_status(int worker_id) const;

    // ---- used by the protocol functions (protocol.h)
    int deliver(Connection &conn, std::string_view packet);
    int send_to_conn(Connection &conn, const char *data, size_t length);
    int queue_file(Connection &conn, int file_fd, off_t offset, size_t length);  // takes file_fd
    bool close_conn(Connection &conn, bool reset, int reactor_id);

  private:
    friend class ProcessMode;
    friend class ReactorThread;
    friend class ProcessWorker;
    int run_process();  // PROCESS mode start() (server/master.cc)
    bool ensure_shared();
    int run_single();
    int run_managed();
    [[noreturn]] void run_worker(int worker_id);  // a forked process: they _exit()
    [[noreturn]] void run_task_worker(int worker_id);
    [[noreturn]] void run_user_process(int worker_id);
    TaskIpc::Events task_events();
    bool worker_init();
    void worker_loop();
    void worker_teardown();
    void begin_stop();
    void close_ports();

    static void on_accept_ready(int fd, int events, void *arg);
    static void on_dgram_ready(int fd, int events, void *arg);
    static void on_conn_ready(int fd, int events, void *arg);
    static void on_heartbeat(TimerId id, void *arg);
    static void on_stop_signal(int signo, void *arg);
    static void on_log_signal(int signo, void *arg);  // SIGRTMIN: re-open log_file
    void watch_log_signal(bool on);
    static void on_resume_deferred(void *arg);
    static void on_free_deferred(void *arg);
    void accept_from(ListenPort &port);
    void read_dgram(ListenPort &port);
    void handle_conn(Connection &conn, int events);
    void establish(Connection &conn);
    bool read_conn(Connection &conn);  // true when bytes came
    void read_failed(Connection &conn, ssize_t n);
    void run_input(Connection &conn);
    bool flush(Connection &conn);
    void update_interest(Connection &conn);
    void destroy(Connection &conn);
    Connection *lookup(SessionId session, bool allow_closing) const;
    struct DrainWait;  // a sendwait() parked until its connection's output drains
    void notify_drained(Connection &conn, int result);
    static void on_drained_deferred(void *arg);

    ServerEvents events_;
    std::vector<std::unique_ptr<ListenPort>> ports_;
    std::unordered_map<SessionId, Connection *> sessions_;
    ServerStats *stats_ = nullptr;
    WorkerStats worker_stats_;
    Reactor *reactor_ = nullptr;
    std::unique_ptr<Reactor> own_reactor_;
    std::unique_ptr<ProcessManager> manager_;
    TimerId heartbeat_timer_ = 0;
    int worker_id_ = -1;
    pid_t master_pid_ = 0;
    pid_t manager_pid_ = 0;
    bool running_ = false;
    bool stopping_ = false;
    size_t pending_frees_ = 0;  // closed connections waiting for their deferred delete
    std::unique_ptr<char[]> io_buf_;  // raw stream reads and datagrams (64 KiB)
    // task IPC, user processes, the onWorkerExit turn hook.
    TaskIpc task_ipc_;
    int user_process_num_ = 0;
    int exit_hook_ = 0;
    std::unique_ptr<ProcessMode> pm_;  // PROCESS mode state (master and worker sides)
    std::vector<DrainWait *> drain_waits_;  // empty but for parked sendwait() calls
};

}  // namespace swoole::kernel
