// Runs one blocking system call (or a short sequence of them) for a hooked PHP
// function: inside a coroutine on the kernel's Aio pool with only the calling
// coroutine parked, outside a coroutine in place. The call may only do system
// calls (no PHP API: it runs on another thread); errno is carried back.
//
// A hooked call never returns before its work finished, even when the
// coroutine is canceled meanwhile: the work writes into the caller's buffers.
#pragma once

#include <cerrno>
#include <type_traits>

namespace swoole::php::runtime {

using BlockingThunk = void (*)(void *arg);
void run_blocking(BlockingThunk fn, void *arg);

// fn() runs once (on a pool thread inside a coroutine); its result is returned
// and errno is the one the call left.
template <class Fn>
std::invoke_result_t<Fn &> blocking(Fn &&fn) {
    using Result = std::invoke_result_t<Fn &>;
    struct Call {
        std::remove_reference_t<Fn> *fn;
        Result result;
        int err;
    } call{&fn, Result{}, 0};
    run_blocking(
        [](void *arg) {
            auto *c = static_cast<Call *>(arg);
            errno = 0;
            c->result = (*c->fn)();
            c->err = errno;
        },
        &call);
    errno = call.err;
    return call.result;
}

}  // namespace swoole::php::runtime
