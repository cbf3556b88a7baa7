#include "runtime/blocking_call.h"

#include <memory>

#include "aio/aio.h"
#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::php::runtime {

using kernel::Aio;
using kernel::Coroutine;
using kernel::WaitResult;

namespace {

struct Completion {
    bool ran = false;        // the work ran (written on the pool thread, read after completion)
    bool released = false;   // the pool let go of the work: it will not touch the caller again
    int64_t waiter = -1;     // parked until released, after a cancel or timeout
};

// Owned by the submitted work; destroyed on the loop thread when the pool lets
// go of the work, which is when the caller's buffers are free again.
struct Release {
    Completion *done;
    explicit Release(Completion *c) : done(c) {}
    ~Release() {
        done->released = true;
        if (done->waiter >= 0) Coroutine::wake(done->waiter);
    }
};

}  // namespace

void run_blocking(BlockingThunk fn, void *arg) {
    if (!Coroutine::current() || !kernel::Reactor::current()) {
        fn(arg);
        return;
    }
    Completion done;
    WaitResult r = Aio::run([fn, arg, release = std::make_shared<Release>(&done)] {
        fn(arg);
        release->done->ran = true;
    });
    if (r == WaitResult::ready) return;
    if (r == WaitResult::error) {
        // The pool could not take it (no loop usable): do it here.
        fn(arg);
        return;
    }
    done.waiter = Coroutine::current_id();
    while (!done.released) Coroutine::park();
}

}  // namespace swoole::php::runtime
