// What a PHP coroutine owns besides its kernel coroutine: its VM state while
// it is not running, its defer list, its context object, and whether it is
// suspended by Co::yield (only those may be resumed by Co::resume).
#pragma once

#include <memory>
#include <vector>

#include "callable.h"
#include "coroutine/vm_state.h"

namespace swoole::php {

struct JoinWait {
    int64_t cid;    // the joining coroutine
    int remaining;  // targets still running
    bool woken;
};

struct PhpTask {
    VmState vm;
    std::vector<std::unique_ptr<Callable>> defers;
    zend_object *context = nullptr;
    bool context_closed = false;  // being torn down: getContext() warns
    bool user_yield = false;      // suspended in Co::yield()
    bool preempted = false;       // yielded by the preemptive scheduler, queued on the loop
    bool preemption_off = false;  // Co::disableScheduler() in this coroutine
    struct JoinWait *join = nullptr; // the Co::join() waiting for this one to end
};

}  // namespace swoole::php
