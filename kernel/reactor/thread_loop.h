// The event loop of the calling thread, created on first use, for callers
// (the module host table, the PHP glue) that need "the" loop rather than one
// they construct themselves.
#pragma once

#include "reactor/reactor.h"

namespace swoole::kernel {

// Reactor::current() when there is one, else a reactor owned by this thread
// until thread exit or release_thread_reactor().
Reactor &thread_reactor();
void release_thread_reactor();

}  // namespace swoole::kernel
