#include "server/worker_message.h"

#include "base/error.h"
#include "server/task_ipc.h"

namespace swoole::kernel {

MessageTarget check_message_target(int self_id, int dst, int event_num, int task_num) {
    if (dst < 0 || dst >= event_num + task_num) return MessageTarget::invalid;
    if (dst == self_id) return MessageTarget::self;
    return MessageTarget::ok;
}

bool TaskIpc::send_message(int dst, std::string_view data, uint32_t data_flags) {
    if (!opened_ || check_message_target(self_, dst, event_num_, settings_.worker_num) != MessageTarget::ok) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return false;
    }
    MessageHeader h{};
    h.kind = MessageKind::pipe;
    h.flags = data_flags & kTaskSerialize;
    h.task_id = -1;
    h.src_worker_id = self_;
    long type = 0;
    if (is_task_worker(dst) && settings_.ipc_mode != 1) type = settings_.ipc_mode == 2 ? dst - event_num_ + 1 : 1;
    return send(dst, h, data, type);
}

}  // namespace swoole::kernel
