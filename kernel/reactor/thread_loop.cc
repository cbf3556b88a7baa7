#include "reactor/thread_loop.h"

#include <memory>

namespace swoole::kernel {

namespace {
thread_local std::unique_ptr<Reactor> t_owned;
}

Reactor &thread_reactor() {
    if (Reactor *r = Reactor::current()) return *r;
    t_owned = std::make_unique<Reactor>();
    return *t_owned;
}

void release_thread_reactor() { t_owned.reset(); }

}  // namespace swoole::kernel
