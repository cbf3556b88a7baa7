// The channels between the processes of a server and what travels on them:
// tasks to task workers, their results back to the sending worker, and pipe
// messages (sendMessage) between workers.
//
// Channels, made before the fork (open()), inherited by every child:
//  - one SOCK_DGRAM socketpair per event worker, and per task worker when
//    task_ipc_mode is 1: anyone writes to its "master" end, only that process
//    reads its "worker" end (one datagram = one message, writers never
//    interleave);
//  - task_ipc_mode 2/3: one SysV message queue that the task workers read,
//    by type (2: type = task worker index + 1, targeted) or any (3: type 1,
//    the first free task worker takes it).
//    The queue has no descriptor to poll, so each message pushed is followed
//    by one byte on a "doorbell" stream socketpair (mode 2: one per task
//    worker; mode 3: one shared by all): a task worker's loop watches its
//    doorbell and takes one message (IPC_NOWAIT) per byte it reads. This keeps
//    the task worker's loop (timers, coroutines, signals) running between
//    tasks at no idle cost, where polling the queue from a timer would wake
//    every task worker all the time and add its period to every task's
//    latency. One byte per message and one read per byte keep mode 3 fair
//    (whoever reads the byte takes one message); a worker starting drains
//    what an earlier one left behind.
// Task ids count from 0 in each sending process. A result is routed to a
// waiter of this process (taskwait / taskWaitMulti / taskCo), else, when it
// was sent by such a call whose waiter has gone (timed out), dropped with
// SW_ERROR_TASK_TIMEOUT logged, else handed to on_finish.
//
// Payloads over kInlineMax go through a file in task_tmpdir; a coroutine
// writes it on the aio pool (parked meanwhile), and sends from coroutines keep
// their order (see send()). Outside coroutines the file is written in place.
//
// Waiting: inside a coroutine the coroutine parks (a timer bounds it) and the
// loop reads the inbox; outside, the process polls its inbox until the
// deadline and keeps what is not for it for the next loop turn.
#pragma once

#include <signal.h>
#include <sys/types.h>

#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "process/msg_queue.h"
#include "process/unix_pipe.h"
#include "reactor/reactor.h"
#include "server/task_message.h"

namespace swoole::kernel {

class Coroutine;
class ProcessManager;

struct TaskSettings {
    int worker_num = 0;       // task_worker_num
    int ipc_mode = 1;         // task_ipc_mode: 1 unix socket, 2 queue by target, 3 queue competing
    int max_request = 0;      // task_max_request; 0: never recycled
    std::string tmpdir = "/tmp";  // task_tmpdir
    key_t message_queue_key = 0;  // 0: a private queue, removed at close()
    // task_enable_coroutine: a task whose payload went through task_tmpdir
    // reaches on_task unread (TaskInfo::spilled_path); the coroutine on_task
    // starts reads it with load_spilled_async (on the aio pool).
    bool load_in_coroutine = false;
};

class TaskIpc {
  public:
    struct Events {
        void *ctx = nullptr;
        // In a task worker. The view is valid during the call only.
        void (*on_task)(void *ctx, const TaskInfo &task, std::string_view data) = nullptr;
        // In the sending worker: a result nobody waits for. task.task_worker_id
        // is the task worker; flags are the result's.
        void (*on_finish)(void *ctx, const TaskInfo &task, std::string_view data) = nullptr;
        void (*on_pipe_message)(void *ctx, int src_worker_id, uint32_t flags, double dispatch_time,
                                std::string_view data) = nullptr;
        // A task worker ran task_max_request tasks: it should stop.
        void (*on_task_limit)(void *ctx) = nullptr;
    };
    struct Result {
        bool done = false;
        uint32_t flags = 0;
        int task_worker_id = -1;
        std::string data;
    };
    static constexpr size_t kMaxConcurrent = 1024;  // taskWaitMulti / taskCo

    TaskIpc() = default;
    ~TaskIpc();
    TaskIpc(const TaskIpc &) = delete;
    TaskIpc &operator=(const TaskIpc &) = delete;

    // ---- in the original process, before forking
    // False with errno (socketpair, msgget, or task_tmpdir not creatable).
    bool open(int event_num, const TaskSettings &settings);
    // Picks idle task workers by the statuses of pm, and marks this process
    // busy while it runs a task (pm's shared slots). Optional.
    void set_process_manager(ProcessManager *pm) { pm_ = pm; }
    // Releases the channels; removes a private queue when remove_queue.
    void close(bool remove_queue);
    bool is_open() const { return opened_; }

    // ---- in a child (or the single process)
    // Who this process is (its worker id; -1 manager/master). An event worker,
    // or a task worker in ipc mode 1, reads its inbox in `reactor`.
    bool attach(int self_id, Reactor *reactor, const Events &events);
    // Stops reading the inbox (the worker is stopping).
    void detach();
    // A task worker in ipc mode 2/3 (it reads the queue through its doorbell).
    bool reads_queue() const;

    // task(): the task id, or -1 with last_error (SW_ERROR_TASK_DISPATCH_FAIL,
    // or errno). dst: task worker index 0..worker_num-1, -1 any idle one.
    int64_t dispatch(std::string_view data, uint32_t data_flags, int dst, uint32_t flags = kTaskNonblock);
    // taskwait(): true with the result, false on timeout (SW_ERROR_TASK_TIMEOUT)
    // or dispatch failure. timeout <= 0: no limit.
    bool wait(std::string_view data, uint32_t data_flags, double timeout, int dst, Result &out);
    // taskWaitMulti()/taskCo(): dispatches n tasks (any task worker) and
    // collects their results until all came or the timeout; out[i].done tells
    // which did. False only when n is 0 or above kMaxConcurrent (nothing sent).
    bool wait_multi(const std::string_view *data, const uint32_t *data_flags, size_t n, double timeout, Result *out,
                    uint32_t flag);
    // In a task worker: a result for `task` (several are allowed). False with
    // last_error: the task expects no reply, or sending failed.
    bool finish(const TaskInfo &task, std::string_view data, uint32_t data_flags);
    // sendMessage(): to event or task worker dst (not this process). False with
    // last_error SW_ERROR_INVALID_PARAMS for a bad target, or the send error.
    bool send_message(int dst, std::string_view data, uint32_t data_flags);

    const TaskInfo *current_task() const { return current_; }
    int self_id() const { return self_; }
    int event_num() const { return event_num_; }
    int task_num() const { return settings_.worker_num; }
    const TaskSettings &settings() const { return settings_; }
    bool is_task_worker(int id) const { return id >= event_num_ && id < event_num_ + settings_.worker_num; }
    unsigned long tasks_done() const { return tasks_done_; }

  private:
    struct Waiter {
        const int64_t *ids;
        Result *results;
        size_t n;
        size_t remaining;
        Coroutine *co = nullptr;
        TimerId timer = 0;
        bool timed_out = false;
    };

    bool send(int dst, MessageHeader &header, std::string_view payload, long queue_type);
    bool send_now(int dst, MessageHeader &header, std::string_view payload, long queue_type, bool in_pool);
    bool spill_in_pool(std::string_view payload, std::string &path);
    int pick_task_worker(int dst);
    void handle(const char *msg, size_t n);
    bool load_payload(const MessageHeader &h, const char *inline_payload, std::string_view &view);
    bool deliver_to_waiter(const MessageHeader &h, const char *payload);
    void collect(Waiter &w, double timeout);
    void collect_blocking(Waiter &w, double timeout);
    void collect_parked(Waiter &w, double timeout);
    static void on_inbox(int fd, int events, void *arg);
    static void on_doorbell(int fd, int events, void *arg);
    static void on_queue_leftovers(void *arg);
    bool pop_queue();  // one message of this worker's type, if any
    int doorbell_index(int task_index) const { return settings_.ipc_mode == 2 ? task_index : 0; }
    static void on_wait_timeout(TimerId id, void *arg);
    static void on_stash(void *arg);
    static void on_deferred_wake(void *arg);

    TaskSettings settings_;
    int event_num_ = 0;
    bool opened_ = false;
    std::vector<std::unique_ptr<UnixPipe>> pipes_;  // by worker id; null where the queue is used
    MsgQueue queue_;
    std::vector<std::unique_ptr<UnixPipe>> doorbells_;  // ipc mode 2: per task worker; 3: one
    int doorbell_fd_ = -1;  // registered in reactor_ (a task worker in mode 2/3)
    ProcessManager *pm_ = nullptr;
    pid_t owner_pid_ = 0;  // the process that opened (and may remove) the queue

    int self_ = -1;
    Reactor *reactor_ = nullptr;
    Events events_;
    int inbox_fd_ = -1;  // registered in reactor_
    int64_t next_task_id_ = 0;
    unsigned rr_ = 0;  // round robin over task workers
    unsigned long tasks_done_ = 0;
    const TaskInfo *current_ = nullptr;
    std::vector<Waiter *> waiters_;
    struct GateWait {
        int64_t co;
        bool *granted;
    };
    bool gate_held_ = false;           // a coroutine is sending (see send())
    std::deque<GateWait> gate_waits_;  // coroutines waiting to send, in order
    int blocking_depth_ = 0;            // inside collect_blocking
    std::vector<std::string> stash_;    // messages read by a blocking wait for later
    bool stash_scheduled_ = false;
    std::string spill_path_;            // reused path buffer
    std::string spilled_;               // a loaded tmpfile payload (reused)
    std::unique_ptr<char[]> rbuf_;      // the loop's reads
    std::unique_ptr<char[]> wbuf_;      // blocking waits' and queue reads
};

}  // namespace swoole::kernel
