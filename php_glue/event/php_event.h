// Swoole\Event and the swoole_event_* functions: PHP callbacks on readiness of
// fds of the request's loop, Event::write's buffered writes, defer and cycle
// callbacks, and running the loop; swoole_async_set.
#pragma once

#include "glue.h"

namespace swoole::php {

// RSHUTDOWN (from timer_request_end): unregisters what is left and releases
// every PHP value the event part holds.
void event_request_end();

}  // namespace swoole::php
