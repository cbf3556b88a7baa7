#include "glue.h"
namespace swoole::php {
void register_constants(int module_number) {}
}
