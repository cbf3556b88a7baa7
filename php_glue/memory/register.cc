// Registers the shared-memory classes (one entry point for extension.cc).
#include "memory/php_memory.h"

namespace swoole::php {

void register_memory(int module_number) {
    register_table(module_number);
    register_atomic(module_number);
    register_lock(module_number);
}

}  // namespace swoole::php
