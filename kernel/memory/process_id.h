// The calling process's id, cached (refreshed in the child after fork) since
// shared-memory locks record their holder on every acquisition, and the test
// whether a recorded holder has died (gone, or a zombie not yet reaped).
// current_pid() is inline: it sits on the uncontended lock path.
#pragma once

#include <sys/types.h>

#include <atomic>

namespace swoole::kernel {

namespace detail {
extern std::atomic<pid_t> cached_pid;  // 0 until the first call
pid_t load_pid();                      // fills the cache, registers the fork hook
}  // namespace detail

inline pid_t current_pid() {
    pid_t pid = detail::cached_pid.load(std::memory_order_relaxed);
    return pid != 0 ? pid : detail::load_pid();
}

bool process_dead(pid_t pid);

}  // namespace swoole::kernel
