// Swoole\Process and Swoole\Process\Pool (spec process-memory.md §1, §2): the
// object layouts and what the two classes share. A Process owns its pipe (a
// kernel::UnixPipe) and its message queue; a Process that a Pool hands out
// through getProcess() borrows the pool's pipe end instead.
#pragma once

#include "coroutine/php_coroutine.h"

#include <sys/types.h>

#include <memory>

#include "process/msg_queue.h"
#include "process/pipe_writer.h"
#include "process/unix_pipe.h"

namespace swoole::php {

// Process::close($which) and the class constants.
inline constexpr int kPipeMaster = 1;
inline constexpr int kPipeWorker = 2;
inline constexpr int kPipeRead = 3;
inline constexpr int kPipeWrite = 4;
inline constexpr int kIpcNowait = 256;
// SWOOLE_IPC_* (Pool ipc types).
inline constexpr int kIpcNone = 0;
inline constexpr int kIpcUnixSock = 1;
inline constexpr int kIpcMsgQueue = 2;
inline constexpr int kIpcSocket = 3;

struct ProcessState {
    std::unique_ptr<Callable> callback;
    bool redirect_stdio = false;
    bool enable_coroutine = false;
    int pipe_type = 0;          // 0 none, SOCK_STREAM, SOCK_DGRAM
    kernel::UnixPipe pipe;      // owned ends (empty for a borrowed pipe)
    int fd = -1;                // the end this process uses; -1: none
    bool blocking = true;
    double timeout = -1;        // setTimeout(); <= 0 none
    std::unique_ptr<kernel::MsgQueue> queue;
    bool queue_targeted = false;  // pop() only takes type id+1
    pid_t pid = 0;              // the child (parent side) or this process (child side)
    zval exported;              // exportSocket()'s object, UNDEF until asked
    // Non-blocking writes inside a loop (pipe_writer.h). Last, so it is
    // destroyed first: its flusher stops before the pipe closes.
    std::unique_ptr<PipeWriter> writer;
};

struct ProcessObject {
    ProcessState *state;
    zend_object std;
};

extern zend_class_entry *process_ce;
extern zend_class_entry *pool_ce;

inline ProcessObject *process_of(zend_object *obj) {
    return reinterpret_cast<ProcessObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(ProcessObject, std));
}

// In a freshly forked child (Process::start, a pool worker): drop the loop,
// timers, event registrations and Process::signal handlers inherited from
// the parent, so the child starts with none of them.
void process_child_reset();

// Ends the current process the way a finished child script does: the script
// unwinds and PHP shuts down (shutdown functions run) with exit status
// `status`; a pending uncaught exception becomes the fatal error (status 255).
// Returns to the PHP call that must then return at once.
void process_child_finish(int status);

// A Process object for a pool worker: pid, id and a borrowed pipe end.
void process_make_borrowed(zval *out, pid_t pid, int id, int fd, int pipe_type);

// Process::signal's table: forget it (child reset, request end).
void process_signals_clear();

void process_request_end();  // RSHUTDOWN
void register_process_class(int module_number);
void register_pool_class(int module_number);
void register_process(int module_number);  // both classes and the constants

}  // namespace swoole::php
