// PROCESS mode: the layout made before the fork, the forked manager, and the
// master's main thread (accept, signals, start and shutdown).
#include "server/master.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <mutex>

#include "base/error.h"
#include "base/log.h"
#include "process/fork.h"
#include "server/dispatch.h"
#include "server/pipe_message.h"
#include "server/process_worker.h"
#include "server/reactor_thread.h"
#include "server/server.h"
#include "server/session_table.h"

namespace swoole::kernel {

namespace {
constexpr int kAcceptBatch = 64;
}

int Server::run_process() {
    pm_ = std::make_unique<ProcessMode>(*this);
    int rc = pm_->run_master();
    pm_.reset();
    return rc;
}

int Server::reactor_num() const { return pm_ ? pm_->reactor_num() : 0; }

size_t Server::port_connection_count(int port_index) const {
    if (port_index < 0 || static_cast<size_t>(port_index) >= ports_.size()) return 0;
    if (!pm_) return ports_[static_cast<size_t>(port_index)]->connection_num;
    return static_cast<size_t>(std::max<int64_t>(0, pm_->sessions().port_connections(port_index)));
}

ProcessMode::ProcessMode(Server &server) : server_(server) {}

ProcessMode::~ProcessMode() {
    stop_threads();
    threads_.clear();
    for (int fd : pipes_) {
        if (fd >= 0) ::close(fd);
    }
    for (int fd : streams_) {
        if (fd >= 0) ::close(fd);
    }
    if (in_master()) {
        SessionTable::release(sessions_);
        DispatchShared::release(load_);
    }
}

bool ProcessMode::in_master() const { return master_pid_ != 0 && getpid() == master_pid_; }

bool ProcessMode::make_layout() {
    sessions_ = SessionTable::create_shared(static_cast<size_t>(std::max<int64_t>(server_.settings.max_conn, 1)));
    load_ = DispatchShared::create_shared(worker_num_);
    if (!sessions_ || !load_) return false;
    pipes_.assign(static_cast<size_t>(sender_num_ * reactor_num_ * 2), -1);
    for (size_t i = 0; i < pipes_.size(); i += 2) {
        if (!open_seqpacket_pair(&pipes_[i])) return false;
    }
    streams_.assign(static_cast<size_t>(reactor_num_ * 2), -1);
    if (server_.settings.dispatch_mode == 7) {
        for (size_t i = 0; i < streams_.size(); i += 2) {
            if (!open_seqpacket_pair(&streams_[i])) return false;
        }
    }
    return true;
}

// Closes the ends this process does not use (`drop`: master_end or worker_end).
void ProcessMode::close_layout(End drop) {
    for (auto *list : {&pipes_, &streams_}) {
        for (size_t i = static_cast<size_t>(drop); i < list->size(); i += 2) {
            if ((*list)[i] >= 0) ::close((*list)[i]);
            (*list)[i] = -1;
        }
    }
}

int ProcessMode::run_master() {
    ServerSettings &s = server_.settings;
    Logger::instance().set_process('#', 0);
    worker_num_ = std::max(1, s.worker_num);
    s.worker_num = worker_num_;
    long cpus = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
    int threads = s.reactor_num > 0 ? s.reactor_num : static_cast<int>(cpus);
    if (threads > cpus * 4) {
        SW_WARN("reactor_num %d is more than 4 times the CPU count; %ld used", threads, cpus * 4);
        threads = static_cast<int>(cpus * 4);
    }
    reactor_num_ = std::min(threads, worker_num_);
    sender_num_ = worker_num_ + std::max(0, s.task.worker_num) + server_.user_process_num();
    if (!s.dispatch_func && !dispatch_mode_valid(s.dispatch_mode)) {
        SW_WARN("invalid dispatch_mode %d; 2 (SWOOLE_DISPATCH_FDMOD) used", s.dispatch_mode);
        s.dispatch_mode = 2;
    }
    drop_conn_events_ = !s.enable_unsafe_event && dispatch_mode_stateless(s.dispatch_mode);
    if (drop_conn_events_ && (server_.events_.on_connect || server_.events_.on_close)) {
        SW_WARN("cannot set 'onConnect' event when using dispatch_mode=1/3/7");
    }
    if (!make_layout()) {
        set_last_error(errno);
        Logger::instance().set_process('@', 0);
        return -1;
    }
    master_pid_ = getpid();
    pid_t pid = fork_process();
    if (pid < 0) {
        set_last_error(errno);
        Logger::instance().set_process('@', 0);
        return -1;
    }
    if (pid == 0) manager_main();
    manager_ = pid;
    server_.manager_pid_ = pid;
    close_layout(worker_end);

    main_ = Reactor::current();
    if (!main_) {
        own_main_ = std::make_unique<Reactor>();
        main_ = own_main_.get();
    }
    server_.reactor_ = main_;
    // Before the threads serve anything (datagrams need no accept), so a
    // SIGTERM always finds its handler.
    for (int signo : {SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGRTMIN}) main_->on_signal(signo, on_signal, this);
    if (!start_threads()) {
        int e = errno;
        ::kill(manager_, SIGKILL);
        ::waitpid(manager_, nullptr, 0);
        stop_threads();
        for (int signo : {SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGRTMIN}) main_->on_signal(signo, nullptr, nullptr);
        server_.reactor_ = nullptr;
        Logger::instance().set_process('@', 0);
        set_last_error(e);
        return -1;
    }
    for (auto &p : server_.ports()) {
        if (p->is_stream()) main_->add(p->fd(), kEventRead, on_accept, p.get());
    }
    // A manager that died before the handler existed.
    if (::waitpid(manager_, nullptr, WNOHANG) == manager_) {
        manager_ = 0;
        begin_shutdown();
    }
    if (server_.events_.on_start) {
        std::lock_guard<std::mutex> lock(dispatch_func_lock());
        server_.events_.on_start(server_.events_.ctx, server_);
    }
    if (!stopping_ || manager_ > 0) main_->run();
    for (int signo : {SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGRTMIN}) main_->on_signal(signo, nullptr, nullptr);
    stop_threads();
    close_layout(master_end);
    server_.close_ports();
    server_.reactor_ = nullptr;
    if (server_.events_.on_shutdown) {
        std::lock_guard<std::mutex> lock(dispatch_func_lock());
        server_.events_.on_shutdown(server_.events_.ctx, server_);
    }
    own_main_.reset();
    main_ = nullptr;
    Logger::instance().set_process('@', 0);
    return 0;
}

void ProcessMode::manager_main() {
    // The manager (and through PR_SET_PDEATHSIG its workers) goes with the master.
    ::prctl(PR_SET_PDEATHSIG, SIGTERM);
    if (getppid() != master_pid_) _exit(0);
    close_layout(master_end);
    server_.manager_pid_ = getpid();
    // Same manager as BASE mode; its workers come back through worker_init()
    // -> worker_attach(). Returns once every worker stopped.
    int rc = server_.run_managed();
    _exit(rc == 0 ? 0 : 1);
}

bool ProcessMode::start_threads() {
    for (int i = 0; i < reactor_num_; ++i) {
        threads_.push_back(std::make_unique<ReactorThread>(*this, i));
        if (!threads_.back()->start()) return false;
    }
    return true;
}

void ProcessMode::stop_threads() {
    for (auto &t : threads_) t->post_stop();
    for (auto &t : threads_) t->join();
}

void ProcessMode::on_accept(int, int, void *arg) {
    auto *port = static_cast<ListenPort *>(arg);
    Server &server = *port->server;
    ProcessMode &pm = *server.pm_;
    ServerStats &stats = *server.stats_;
    for (int i = 0; i < kAcceptBatch && !pm.stopping_; ++i) {
        SocketAddress peer;
        peer.length = sizeof peer.storage;
        int fd = ::accept4(port->fd(), peer.sa(), &peer.length, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if (errno == EMFILE || errno == ENFILE) SW_WARN("accept() failed: too many open files");
            return;
        }
        stats.accept_count.fetch_add(1, std::memory_order_relaxed);
        if (stats.connection_num.load(std::memory_order_relaxed) >= server.settings.max_conn) {
            stats.abort_count.fetch_add(1, std::memory_order_relaxed);
            ::close(fd);
            continue;
        }
        stats.connection_num.fetch_add(1, std::memory_order_relaxed);
        const PortSettings &ps = port->settings;
        if (port->type() != kSockUnixStream) {
            int on = 1;
            if (ps.open_tcp_nodelay) setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            if (ps.open_tcp_keepalive) {
                setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &on, sizeof on);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &ps.tcp_keepidle, sizeof ps.tcp_keepidle);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &ps.tcp_keepinterval, sizeof ps.tcp_keepinterval);
                setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &ps.tcp_keepcount, sizeof ps.tcp_keepcount);
            }
        }
        pm.thread(fd % pm.reactor_num_).post_accept(fd, port, peer);
    }
}

void ProcessMode::on_signal(int signo, void *arg) {
    auto *pm = static_cast<ProcessMode *>(arg);
    switch (signo) {
    case SIGTERM:
        pm->begin_shutdown();
        break;
    case SIGUSR1:
    case SIGUSR2:
        Logger::instance().reopen();
        if (pm->manager_ > 0) ::kill(pm->manager_, signo);
        break;
    case SIGCHLD:
        if (pm->manager_ > 0 && ::waitpid(pm->manager_, nullptr, WNOHANG) == pm->manager_) {
            pm->manager_ = 0;
            if (!pm->stopping_) SW_WARN("the manager process exited: the server stops");
            pm->begin_shutdown();
        }
        break;
    default:
        if (signo == SIGRTMIN) {  // log rotation: here, then the manager passes it on to the workers
            Logger::instance().reopen();
            if (pm->manager_ > 0) ::kill(pm->manager_, signo);
        }
        break;
    }
}

// Stops accepting, then the manager stops the workers (they drain: the
// reactor threads still carry their replies); once it is gone the loop ends.
void ProcessMode::begin_shutdown() {
    if (!stopping_) {
        stopping_ = true;
        if (server_.events_.on_before_shutdown) {
            std::lock_guard<std::mutex> lock(dispatch_func_lock());
            server_.events_.on_before_shutdown(server_.events_.ctx, server_);
        }
        for (auto &p : server_.ports()) {
            if (p->is_stream() && p->fd() >= 0 && main_->exists(p->fd())) main_->remove(p->fd());
        }
        if (manager_ > 0) ::kill(manager_, SIGTERM);
    }
    if (manager_ <= 0) main_->stop();
}

bool ProcessMode::shutdown() {
    if (in_master()) {
        begin_shutdown();
        return true;
    }
    return ::kill(master_pid_, SIGTERM) == 0;
}

bool ProcessMode::reload(bool only_task_workers) {
    int signo = only_task_workers ? SIGUSR2 : SIGUSR1;
    pid_t target = in_master() ? manager_ : server_.manager_pid_;
    return target > 0 && ::kill(target, signo) == 0;
}

bool ProcessMode::worker_attach(int worker_id) {
    worker_ = std::make_unique<ProcessWorker>(*this, worker_id);
    if (!worker_->attach(*server_.reactor_)) return false;
    return server_.reactor_->on_signal(SIGTERM, Server::on_stop_signal, &server_);
}

ProcessWorker *ProcessMode::worker() {
    if (worker_) return worker_.get();
    int id = server_.worker_id_;
    // Task workers and user processes: their pipes are used from the first call on.
    if (id < worker_num_ || id >= sender_num_ || in_master() || getpid() == server_.manager_pid_) return nullptr;
    worker_ = std::make_unique<ProcessWorker>(*this, id);
    worker_->attach_sender();
    return worker_.get();
}

void ProcessMode::worker_stop() {
    if (worker_) worker_->stop();
}

}  // namespace swoole::kernel
