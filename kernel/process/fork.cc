#include "process/fork.h"

#include <event2/event.h>
#include <unistd.h>

#include "reactor/reactor.h"

namespace swoole::kernel {

pid_t fork_process(const sigset_t *child_mask) {
    pid_t pid = ::fork();
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, child_mask ? child_mask : &none, nullptr);
    }
    return pid;
}

bool detach_inherited_reactor(Reactor &reactor) { return event_reinit(reactor.base()) == 0; }

}  // namespace swoole::kernel
