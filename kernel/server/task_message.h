// The wire format of the messages between server processes: tasks (event
// worker -> task worker), task results (task worker -> the worker that sent
// the task) and pipe messages (sendMessage, any process -> a worker). One
// message is one datagram (unix socketpair) or one SysV queue message: a
// fixed header, then the payload. A payload over kInlineMax bytes is written
// to a temporary file in task_tmpdir and the message carries its path
// (kTaskTmpfile); the receiver reads and removes the file.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace swoole::kernel {

// The SWOOLE_TASK_* flag values (Server\Task->flags shows them).
enum TaskFlag : uint32_t {
    kTaskTmpfile = 1,     // the payload is the path of a temporary file
    kTaskSerialize = 2,   // the payload is serialized (the PHP layer's business)
    kTaskNonblock = 4,    // task(): the result goes to on_finish
    kTaskCallback = 8,    // task() with a finish callback
    kTaskWaitall = 16,    // taskWaitMulti()
    kTaskCoroutine = 32,  // taskCo() / taskwait() in a coroutine
    kTaskPeek = 64,
    kTaskNoreply = 128,   // sent from a process that gets no result
};
// The flags whose results a waiter collects: without a waiter the result expired.
inline constexpr uint32_t kTaskWaitedFlags = kTaskWaitall | kTaskCoroutine;

enum class MessageKind : uint8_t { task = 1, result = 2, pipe = 3 };

struct MessageHeader {
    MessageKind kind;
    uint8_t reserved[3];
    uint32_t flags;         // TaskFlag bits
    int64_t task_id;        // task/result: the id given by the sending process
    int32_t src_worker_id;  // task: the sender; result: the task worker; pipe: the sender (-1 manager/master)
    int32_t dst_worker_id;  // the process meant to read it
    uint32_t length;        // payload bytes that follow
    uint32_t reserved2;
    double dispatch_time;   // unix seconds when sent
};
static_assert(sizeof(MessageHeader) == 40);

// What a task worker knows about the task it runs (and needs to reply).
struct TaskInfo {
    int64_t id = -1;
    int src_worker_id = -1;  // the event worker (or other process) that sent it
    int task_worker_id = -1;  // the task worker running it
    uint32_t flags = 0;
    double dispatch_time = 0;
    // A task's payload file not read yet (TaskSettings::load_in_coroutine):
    // the data view is empty then; valid during on_task only.
    std::string_view spilled_path;
};

// Payloads above this size go through a temporary file.
inline constexpr size_t kInlineMax = 8180;
inline constexpr size_t kMessageMax = sizeof(MessageHeader) + kInlineMax;

// Writes data to a new file in dir; its path into `path`. False with errno.
bool spill_payload(const std::string &dir, std::string_view data, std::string &path);
// Reads and removes a spilled payload (the message's inline payload is the
// path). False with errno; the file is removed either way.
bool load_spilled(std::string_view path, std::string &data);
// The same from a coroutine: the file is read on the aio pool while the
// coroutine is parked (outside a coroutine: here). False with errno
// (ECANCELED when the coroutine was canceled; the file is removed anyway).
bool load_spilled_async(std::string_view path, std::string &data);

}  // namespace swoole::kernel
