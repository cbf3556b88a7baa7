// Placeholder until the event part lands.
#include "coroutine/php_coroutine.h"

namespace swoole::php {
void register_event(int module_number) {}
}  // namespace swoole::php
