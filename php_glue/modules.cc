// Loading modules into the PHP process (filled in by the loader work).
#include "glue.h"

namespace swoole::php {
void load_modules(int type, int module_number) {}
void unload_modules() {}
void print_module_info() {}
void modules_request_start() {}
void modules_request_end() {}
}  // namespace swoole::php
