// PHP coroutines: a kernel coroutine plus the PHP VM state that belongs to it
// (its own VM stack, current frame, exception and error state, output
// buffers). The switch hook saves the state of the coroutine left and restores
// the one entered, so every PHP coroutine behaves like a separate thread of
// PHP execution sharing one interpreter.
#pragma once

#include "glue.h"
#include "callable.h"

#include <cstdint>
#include <vector>

#include "coroutine/coroutine.h"
#include "reactor/reactor.h"

namespace swoole::php {

class PhpCoroutine {
  public:
    // Runs fcc(argv...) in a new coroutine at once. Returns the cid, or -1 after
    // emitting the warning Swoole emits (limit reached, shutting down).
    static int64_t create(zend_fcall_info_cache *fcc, uint32_t argc, zval *argv);

    static bool inside() { return kernel::Coroutine::current() != nullptr; }
    static int64_t cid() { return kernel::Coroutine::current_id(); }

    // Outside a coroutine: raises the fatal Swoole\Error "API must be called in
    // the coroutine" (never returns). Call first in every API that may suspend.
    static void require_coroutine();

    // The request's event loop, created on first use; the loop is then run at
    // the end of the script (as Swoole's implicit Event::wait).
    static kernel::Reactor &reactor();
    static bool has_reactor();
    // The most coroutines alive at once in this request.
    static size_t peak();

    // Runs the loop until nothing is left (or stopped), then the deadlock report
    // if coroutines are still parked. Used by Co\run, Event::wait and the
    // implicit end-of-script run. Propagates a fatal error raised in a coroutine.
    static void run_loop();

    // After a resume from C code outside any coroutine: if the coroutine hit a
    // fatal error (bailout), continue the bailout here.
    static void check_bailout();

    // Frees the request's loop (end of Co\run): a later Co\run may create a new one.
    static void release_reactor();
    // Live coroutine ids, newest first.
    static std::vector<int64_t> list();
    // A coroutine's backtrace (0: the current one) into out; false if it does not exist.
    static bool backtrace(int64_t cid, zval *out, int options, zend_long limit);
    // The PHP side of a coroutine (0: current), or nullptr.
    static struct PhpTask *task(int64_t cid);

    // MINIT: switch hooks; RSHUTDOWN: forget the request's loop and options.
    static void install();
    static void request_end();
    static HashTable *options_for_update();

    // The options merged by Co::set() / Scheduler::set() (null until the first set).
    static HashTable *options();
    // One option as a zval, or nullptr when not set.
    static zval *option(const char *name);

    // Registers a callable to run when the current coroutine's function returns
    // (LIFO). False outside a coroutine.
    static bool defer(const zend_fcall_info &fci, const zend_fcall_info_cache &fcc);
};

// Registration entry points of the coroutine-related parts (MINIT).
void register_coroutine(int module_number);  // coroutine/*.cc: Coroutine, System::sleep, go, defer, Co\run
void register_channel(int module_number);    // channel/*.cc: Swoole\Coroutine\Channel
void register_timer(int module_number);      // timer/*.cc: Swoole\Timer, swoole_timer_*
void register_event(int module_number);      // event/*.cc: Swoole\Event, swoole_event_*, swoole_async_set
void register_system(int module_number);     // system/*.cc: Swoole\Coroutine\System helpers
void register_socket(int module_number);     // socket/*.cc: Swoole\Coroutine\Socket, swoole_coroutine_socketpair
void register_library(int module_number);    // library/*.cc: the embedded PHP library
void coroutine_request_end();
// preemption.cc: the optional preemptive scheduler.
void preemption_install();                      // MINIT
void preemption_start();                        // the loop is created with the option on
void preemption_stop();                         // the loop is released
void preemption_note_switch(bool into_coroutine);
bool preemption_wanted();                       // ini or Co::set enable_preemptive_scheduler
void runtime_guard_enable();   // runtime_guard.cc: pcntl_fork & co. warn while a loop exists
void runtime_guard_disable();                // RSHUTDOWN: drop per-request coroutine state
void timer_request_end();                    // RSHUTDOWN: clear the request's timers

}  // namespace swoole::php
