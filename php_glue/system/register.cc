// Placeholder until the system part lands.
#include "coroutine/php_coroutine.h"

namespace swoole::php {
void register_system(int module_number) {}
}  // namespace swoole::php
