// Registers every group of global functions.
#include "glue.h"

namespace swoole::php {

void register_functions(int type) {
    for (const zend_function_entry *group : {version_functions, error_functions, system_functions, mime_functions}) {
        zend_register_functions(nullptr, group, nullptr, type);
    }
}

}  // namespace swoole::php
