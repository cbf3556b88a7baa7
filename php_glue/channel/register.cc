// Placeholder until the channel part lands.
#include "coroutine/php_coroutine.h"

namespace swoole::php {
void register_channel(int module_number) {}
}  // namespace swoole::php
