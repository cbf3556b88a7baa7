// The calling process's id, cached (refreshed in the child after fork) since
// shared-memory locks record their holder on every acquisition, and the test
// whether a recorded holder has died (gone, or a zombie not yet reaped).
#pragma once

#include <sys/types.h>

namespace swoole::kernel {

pid_t current_pid();
bool process_dead(pid_t pid);

}  // namespace swoole::kernel
