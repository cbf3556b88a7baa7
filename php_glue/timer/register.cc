// Placeholder until the timer part lands.
#include "coroutine/php_coroutine.h"

namespace swoole::php {
void register_timer(int module_number) {}
}  // namespace swoole::php

namespace swoole::php {
void timer_request_end() {}
}  // namespace swoole::php
