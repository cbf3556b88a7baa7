// Swoole\Timer and the swoole_timer_* functions: PHP callbacks on the request's
// event loop. Timer ids are process-wide, from 1, never reused. A tick stays on
// the grid of multiples of its interval; a callback runs in a new coroutine
// when swoole.enable_coroutine is on.
#pragma once

#include "glue.h"

namespace swoole::php {

// Timer::after / Timer::tick with the PHP arguments of the current call; for
// classes that alias them (Server::after, Server::tick).
void timer_add(INTERNAL_FUNCTION_PARAMETERS, bool repeat);

// Timer::clear(id): false for an unknown id or one already cleared.
bool timer_clear(zend_long id);

// Removes every PHP timer (Timer::clearAll, Event::exit). False when no timer
// was created on the current loop.
bool timer_clear_all();

}  // namespace swoole::php
