// What a forked child gives up of its parent: the request's event loop (with
// its timers, fd events and signal events) and the Process::signal table. The
// loop's kernel objects are first made the child's own (event_reinit), so that
// freeing it cannot unregister anything of the parent's.
#include "process/php_process.h"

#include "process/fork.h"
#include "reactor/reactor.h"

namespace swoole::php {

void process_child_reset() {
    if (PhpCoroutine::has_reactor()) kernel::detach_inherited_reactor(PhpCoroutine::reactor());
    process_signals_clear();
    // Timer and Event state notices the new loop by its serial and drops the old.
    PhpCoroutine::release_reactor();
}

void process_request_end() { process_signals_clear(); }

}  // namespace swoole::php
