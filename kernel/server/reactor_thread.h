// One reactor thread of a PROCESS-mode master: it owns the connections the
// main thread hands it (fd % reactor_num), reads them, frames them with the
// port's protocol (the same ServerProtocol as BASE), dispatches every
// complete packet as one pipe message to a worker, and carries out what the
// workers ask through their pipes (send, close, pause, resume). Output is
// buffered and flushed with writev; heartbeat runs here. No PHP ever runs on
// this thread (dispatch_func aside, see ServerSettings).
//
// A connection's lifetime: accepted -> session record published -> connect
// event -> data events -> closed (peer, error, heartbeat or a worker's close
// request): the fd goes when its output is flushed; the record stays until
// the worker that ran on_close confirms, so client_info() works inside it.
//
// Output bounds: crossing the port's high watermark sets the record's
// output-full flag (and posts buffer_full), draining to the low watermark
// clears it (buffer_empty) and wakes the processes parked in send(). Senders
// reserve room before they write (process_worker.h), so what arrives fits;
// should it not, data is still queued up to twice socket_buffer_size, past
// which the connection is closed with a warning: never dropped silently.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <vector>

#include "reactor/reactor.h"
#include "server/connection.h"
#include "server/dispatch.h"
#include "server/pipe_message.h"
#include "socket/address.h"

namespace swoole::kernel {

class ProcessMode;
class ListenPort;
struct SessionRecord;

class ReactorThread {
  public:
    ReactorThread(ProcessMode &pm, int id);
    ~ReactorThread();
    ReactorThread(const ReactorThread &) = delete;
    ReactorThread &operator=(const ReactorThread &) = delete;

    bool start();
    // From the main thread.
    void post_accept(int fd, ListenPort *port, const SocketAddress &peer);
    void post_stop();
    void join();

    // Through the protocol functions (Server::deliver etc.), on this thread.
    int deliver(Connection &conn, std::string_view packet);
    int send_to_conn(Connection &conn, const char *data, size_t length);
    bool close_conn(Connection &conn, bool reset, int reactor_id);

  private:
    struct Conn;  // a Connection with its session record
    struct Pipe {
        ReactorThread *owner = nullptr;
        int fd = -1;
        int worker = -1;
        PipeQueue queue;
        PipeReassembler reasm;
        bool watching_write = false;
    };
    struct Accepted {
        int fd;
        ListenPort *port;
        SocketAddress peer;
    };
    struct Orphan {  // closed, fd gone, waiting for the worker's close confirm
        SessionRecord *rec;
        double since;
    };

    void main();
    void adopt(const Accepted &a);
    void establish(Conn &conn);
    void handle_conn(Conn &conn, int events);
    bool read_conn(Conn &conn);
    void read_failed(Conn &conn, ssize_t n);
    void run_input(Conn &conn);
    bool flush(Conn &conn);
    int write_out(Conn &conn, const char *data, size_t length);
    void accept_send(Conn &conn, std::string_view data);
    void accept_sendfile(Conn &conn, std::string_view message);
    void output_grew(Conn &conn);
    void output_shrank(Conn &conn);
    void wake_senders(SessionRecord &rec, int64_t session);
    void update_interest(Conn &conn);
    void destroy(Conn &conn);
    void read_pipe(Pipe &pipe);
    void pipe_ready(Pipe &pipe, int events);
    void handle_message(Pipe &pipe, const PipeHeader &h, std::string_view payload);
    bool post_event(Conn *conn, SessionRecord *rec, int64_t session, PipeType type, int event,
                    std::string_view data, int16_t reactor_id = 0, uint32_t aux = 0);
    bool write_pipe(Pipe &pipe, const PipeHeader &h, std::string_view payload);
    void read_dgram(ListenPort &port);
    void heartbeat_tick();
    void drain_inbox();
    void shutdown_all();
    Conn *find(int64_t session);

    static void on_wake(int fd, int events, void *arg);
    static void on_conn_ready(int fd, int events, void *arg);
    static void on_pipe_ready(int fd, int events, void *arg);
    static void on_dgram_ready(int fd, int events, void *arg);
    static void on_tick(TimerId id, void *arg);
    static void on_resume_deferred(void *arg);
    static void on_free_deferred(void *arg);

    ProcessMode &pm_;
    Server &server_;
    int id_;
    std::thread thread_;
    Reactor *reactor_ = nullptr;
    std::unique_ptr<Dispatcher> dispatcher_;
    int wake_fd_ = -1;  // eventfd
    std::mutex inbox_lock_;
    std::vector<Accepted> inbox_;
    std::vector<Accepted> inbox_work_;
    bool stop_requested_ = false;  // under inbox_lock_
    std::atomic<bool> ready_{false};
    std::vector<Pipe> pipes_;  // one per worker
    Pipe stream_;              // mode 7
    std::unordered_map<int64_t, Conn *> conns_;
    std::unordered_map<int64_t, Orphan> orphans_;
    std::vector<ListenPort *> dgram_ports_;
    TimerId tick_ = 0;
    double last_heartbeat_ = 0;
    std::unique_ptr<char[]> io_buf_;    // raw reads, datagrams (with their prefix)
    std::unique_ptr<char[]> pipe_buf_;  // one pipe record
};

}  // namespace swoole::kernel
