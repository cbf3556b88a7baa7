// Forking a process that starts clean: the child must not keep serving the
// parent's event loop (a libevent base shares its epoll set and signal pipe
// with the parent until reinitialised) nor keep the parent's blocked signals.
#pragma once

#include <signal.h>
#include <sys/types.h>

namespace swoole::kernel {

class Reactor;

// fork(2). In the child, the signal mask becomes `child_mask` (nullptr: none
// blocked). Returns like fork.
pid_t fork_process(const sigset_t *child_mask = nullptr);

// In a forked child: gives the inherited loop its own kernel objects, so that
// freeing it (or removing its events) cannot touch the parent's registrations.
// False when libevent could not do it.
bool detach_inherited_reactor(Reactor &reactor);

}  // namespace swoole::kernel
