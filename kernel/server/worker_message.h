// sendMessage between the processes of a server: any process (event worker,
// task worker, user process, manager) may send to an event or task worker
// other than itself; the receiver's loop hands it to on_pipe_message with
// the sender's id (-1 for the manager). The message rides the channels of
// task_ipc.h: the receiver's socketpair, or for a task worker in ipc mode
// 2/3 the task queue (mode 3: whichever task worker is free takes it).
#pragma once

namespace swoole::kernel {

enum class MessageTarget { ok, invalid, self };

// Whether a process may send to dst: valid ids are 0..event_num+task_num-1.
MessageTarget check_message_target(int self_id, int dst, int event_num, int task_num);

}  // namespace swoole::kernel
