#include "glue.h"
namespace swoole::php {
void register_exceptions() {}
}
