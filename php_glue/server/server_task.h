// What the task, message and user-process parts of Swoole\Server share
// (server_task.cc, server_message.cc, server_user_process.cc): the options
// set() gives them, the finish callbacks of task(), the Process objects of
// addProcess(), and packing PHP values into message payloads (strings as they
// are, anything else serialized with the SWOOLE_TASK_SERIALIZE flag).
#pragma once

#include "server/php_server.h"

extern "C" {
#include "zend_smart_str.h"
}

#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace swoole::php {

struct TaskGlue {
    bool task_enable_coroutine = false;
    bool task_use_object = false;
    std::unordered_map<int64_t, std::unique_ptr<Callable>> finish_callbacks;  // task() with a callback
    std::vector<zval> processes;  // addProcess() objects, in order
};
TaskGlue &task_glue();

// A PHP value as a payload; view() stays valid while this lives.
class PackedValue {
  public:
    PackedValue() = default;
    ~PackedValue() { smart_str_free(&buf_); }
    PackedValue(const PackedValue &) = delete;
    PackedValue &operator=(const PackedValue &) = delete;
    // False when serializing threw (the exception stays pending).
    bool pack(zval *value);
    std::string_view view() const { return view_; }
    uint32_t flags() const { return flags_; }

  private:
    smart_str buf_{};
    std::string_view view_;
    uint32_t flags_ = 0;
};

// The PHP value of a payload (false when it cannot be unserialized).
void unpack_value(std::string_view data, uint32_t flags, zval *out);

// Kernel event hooks of these parts (set by prepare_task_start).
void attach_message_events(kernel::ServerEvents &events);
void attach_user_process_events(ServerState &st, kernel::ServerEvents &events);

}  // namespace swoole::php
