// The worker side of a PROCESS-mode server: reads the pipes from the master's
// reactor threads (one per thread, plus the mode 7 stream pipes) in the
// worker's reactor and fires the same ServerEvents as BASE mode, with a
// Connection filled from the shared session table (session, port, reactor id,
// peer; valid during the callback). The session API of Server (send, close,
// pause, resume, ...) turns into messages to the reactor thread that owns
// the session; exist / client_info / client_list / protect / bind_uid read or
// flag the shared record directly.
//
// Return values follow the spec's PROCESS-mode rows: pause of a paused
// connection and resume of a running one are true (the request is forwarded);
// after a close completed the session is gone (1005); close() again before
// that, or inside on_close, is 1003; send after this worker's close() is 1004.
//
// send() is bounded as in BASE: it reserves its bytes in the session record
// (send_pending) and fails with 1009 when queued + reserved bytes would pass
// the port's socket_buffer_size, or while the owning thread flags the output
// full (high watermark .. low watermark). With send_yield, a coroutine parks
// instead until the thread reports the output drained (a send_wake message).
//
// Task workers and user processes use the same class as senders
// (attach_sender): their pipes carry requests; they read them only while a
// coroutine is parked in send(), and flush their requests at once (their
// loop may not run while they work).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "reactor/reactor.h"
#include "server/connection.h"
#include "server/pipe_message.h"

namespace swoole::kernel {

class Coroutine;
class ProcessMode;
class Server;
struct SessionRecord;
struct ClientInfo;

class ProcessWorker {
  public:
    ProcessWorker(ProcessMode &pm, int worker_id);
    ~ProcessWorker();
    ProcessWorker(const ProcessWorker &) = delete;
    ProcessWorker &operator=(const ProcessWorker &) = delete;

    // Registers the pipes in the worker's reactor.
    bool attach(Reactor &reactor);
    // A task worker or user process (see above).
    void attach_sender();
    // Graceful stop: no more events are read (what waits in the pipes goes to
    // the replacement worker); queued requests to the master still flush.
    void stop();

    bool send(SessionId session, std::string_view data);
    bool send_file(SessionId session, const char *path, off_t offset, size_t length);
    bool close(SessionId session, bool reset);
    bool pause(SessionId session);
    bool resume(SessionId session);
    bool exist(SessionId session) const;
    bool protect(SessionId session, bool value);
    bool bind_uid(SessionId session, uint32_t uid);
    bool client_info(SessionId session, ClientInfo &info, bool ignore_error) const;
    bool client_list(SessionId start, size_t count, std::vector<SessionId> &out) const;
    bool heartbeat(bool close_them, std::vector<SessionId> *idle);
    Connection *find(SessionId session);

  private:
    struct Pipe {
        ProcessWorker *owner = nullptr;
        int fd = -1;
        int reactor = 0;  // the reactor thread at the other end
        bool shared = false;  // a mode 7 stream pipe (read only)
        bool reading = true;
        int interest = 0;
        PipeQueue queue;
        PipeReassembler reasm;
    };

    struct SendWaiter {  // a coroutine parked in send(), on its own stack
        Coroutine *co;
        SessionId session;
        uint64_t generation;  // the last wake pass that resumed it
        bool timed_out;
    };

    SessionRecord *live(SessionId session, bool allow_closing) const;
    bool reserve(SessionRecord &rec, size_t bytes) const;
    size_t output_cap(const SessionRecord &rec) const;  // the port's socket_buffer_size (0: none)
    bool can_yield() const;
    bool wait_output(SessionRecord &rec, SessionId session, size_t bytes);
    void wake_senders(SessionId session);
    bool flush_blocking(Pipe &pipe);
    static void on_send_timeout(TimerId id, void *arg);
    bool request(SessionRecord &rec, SessionId session, PipeType type, std::string_view payload, uint32_t aux = 0);
    void update(Pipe &pipe);
    void read_pipe(Pipe &pipe);
    void handle(Pipe &pipe, const PipeHeader &h, std::string_view payload);
    bool fill(Connection &conn, SessionId session, const SessionRecord *rec, int reactor_id) const;
    static void on_pipe_ready(int fd, int events, void *arg);
    static void on_turn(void *arg);

    ProcessMode &pm_;
    Server &server_;
    int worker_id_;
    bool event_worker_ = true;  // false: a task worker or user process
    bool stopping_ = false;     // stop() ran: the pipes are read only for parked senders
    Reactor *reactor_ = nullptr;
    std::vector<SendWaiter *> waiters_;
    uint64_t wake_generation_ = 0;
    int turn_hook_ = 0;
    std::vector<Pipe> pipes_;    // to / from reactor thread i
    std::vector<Pipe> streams_;  // mode 7: from reactor thread i, shared by all workers
    std::unique_ptr<char[]> buf_;
    Connection event_conn_;  // the Connection handed to callbacks
    Connection found_;       // what find() returns
};

}  // namespace swoole::kernel
