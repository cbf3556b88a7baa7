#include "glue.h"
namespace swoole::php {
const zend_function_entry mime_functions[] = {ZEND_FE_END};
}
