// How Swoole\Timer and Swoole\Event use the request's event loop: find or
// create it, notice that it was replaced (end of Co\run, end of request), and
// call PHP callbacks from it the way Swoole does.
#pragma once

#include "glue.h"
#include "callable.h"

#include <cstdint>

#include "reactor/reactor.h"

namespace swoole::php::loop {

// The request's loop, or nullptr when none exists (nothing created it yet, or
// it was freed at the end of Co\run).
kernel::Reactor *existing();

// The request's loop, created when missing. A loop seen here for the first time
// gets one turn that does not wait (Swoole's loop starts with one).
kernel::Reactor &get();

// Whether the loop with this serial is still the request's loop: state kept for
// a loop that was freed must not be handed back to a new one.
bool alive(uint64_t serial);

// swoole.enable_coroutine (also set by Timer::set and swoole_async_set).
bool coroutines_enabled();

// A fatal error already happened in this request: the loop must not run again.
bool fatal_error_happened();

// Calls fn(argv...) from the loop: in a new coroutine when coroutines are
// enabled, else directly. An exception a direct call leaves has no PHP frame to
// go back to: it becomes the fatal "Uncaught ..." error at once. fn may be
// released by the call itself. False when it could not be called.
bool invoke(Callable &fn, uint32_t argc, zval *argv);

// A Callable from the arguments Z_PARAM_FUNC filled, or nullptr when they are
// empty (a null passed for a nullable callable).
Callable *make_callable(const zend_fcall_info &fci, const zend_fcall_info_cache &fcc);

// create_object handler of the static-only classes (Swoole\Timer, Swoole\Event):
// throws Error "The object of <class> can not be created for security reasons".
zend_object *deny_create(zend_class_entry *ce);

}  // namespace swoole::php::loop
