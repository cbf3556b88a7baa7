// OpenSSL's per-thread error queue as one line of text, for the messages of
// kernel/tls. Internal to kernel/tls.
#pragma once

#include <string>

namespace swoole::kernel {

// The oldest error of the queue (the cause; later entries only say where it
// went by) as "reason (detail)", then the queue is emptied. "unknown error"
// when the queue is empty.
std::string tls_error_queue_text();

}  // namespace swoole::kernel
