// Placeholder until the library part lands.
#include "coroutine/php_coroutine.h"

namespace swoole::php {
void register_library(int module_number) {}
}  // namespace swoole::php
