// Swoole\Coroutine\Channel: a zend_object wrapping a kernel::Channel whose
// items are heap-allocated zvals (one emalloc per pushed value, freed by pop
// or, for values still buffered, when the object is freed).
#pragma once

#include "coroutine/php_coroutine.h"

#include "coroutine/channel.h"

namespace swoole::php {

struct ChannelObject {
    kernel::Channel *chan;  // nullptr until __construct ran
    zend_object std;
};

extern zend_class_entry *channel_ce;
extern const zend_function_entry channel_methods[];

// Object handlers: create/free (the free handler frees buffered values), no
// clone, and a GC walk over the buffered values.
zend_object *channel_create_object(zend_class_entry *ce);
void channel_init_handlers();

}  // namespace swoole::php
