// The methods and object handlers of Swoole\Coroutine\Channel (spec
// coroutine.md §7). Waiting, fairness, timeouts, close and cancel all live in
// kernel::Channel; this file copies values in and out and keeps errCode.
#include "channel/php_channel.h"

namespace swoole::php {

namespace {

using Result = kernel::Channel::Result;

zend_object_handlers channel_handlers;

ChannelObject *channel_of(zend_object *obj) {
    return reinterpret_cast<ChannelObject *>(reinterpret_cast<char *>(obj) - XtOffsetOf(ChannelObject, std));
}

void free_item(void *item, void *) {
    auto *value = static_cast<zval *>(item);
    zval_ptr_dtor(value);
    efree(value);
}

// The object's channel; E_ERROR (no return) when __construct was not called.
kernel::Channel *channel_or_fatal(zval *self) {
    kernel::Channel *chan = channel_of(Z_OBJ_P(self))->chan;
    if (UNEXPECTED(!chan)) php_error_docref(nullptr, E_ERROR, "you must call Channel constructor first");
    return chan;
}

void set_err_code(zval *self, Result result) {
    zend_update_property_long(channel_ce, Z_OBJ_P(self), ZEND_STRL("errCode"), static_cast<zend_long>(result));
}

// A bounded wait needs the request's event loop for its timer.
void prepare_wait(double timeout) {
    if (timeout > 0) PhpCoroutine::reactor();
}

// ---- object handlers ----

void channel_free_object(zend_object *obj) {
    ChannelObject *object = channel_of(obj);
    kernel::Channel *chan = object->chan;
    object->chan = nullptr;
    delete chan;  // frees the values still buffered
    zend_object_std_dtor(obj);
}

// Buffered values can hold the channel itself (or anything pointing back to
// it): the cycle collector must see them.
HashTable *channel_get_gc(zend_object *obj, zval **table, int *n) {
    kernel::Channel *chan = channel_of(obj)->chan;
    zend_get_gc_buffer *buffer = zend_get_gc_buffer_create();
    if (!obj->properties) {
        for (int i = 0; i < obj->ce->default_properties_count; ++i) {
            zend_get_gc_buffer_add_zval(buffer, &obj->properties_table[i]);
        }
    }
    if (chan) {
        for (size_t i = 0, len = chan->length(); i < len; ++i) {
            zend_get_gc_buffer_add_zval(buffer, static_cast<zval *>(chan->item_at(i)));
        }
    }
    zend_get_gc_buffer_use(buffer, table, n);
    return obj->properties;
}

// ---- methods ----

PHP_METHOD(Channel, __construct) {
    zend_long capacity = 1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_LONG(capacity)
    ZEND_PARSE_PARAMETERS_END();
    if (capacity <= 0) capacity = 1;

    ChannelObject *object = channel_of(Z_OBJ_P(ZEND_THIS));
    if (kernel::Channel *old = object->chan) {
        // A second __construct: fail the old channel's waiters, then replace it.
        old->close();
        object->chan = nullptr;
        delete old;
    }
    object->chan = new kernel::Channel(static_cast<size_t>(capacity), free_item, nullptr);
    zend_update_property_long(channel_ce, Z_OBJ_P(ZEND_THIS), ZEND_STRL("capacity"), capacity);
}

PHP_METHOD(Channel, push) {
    zval *data;
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(1, 2)
        Z_PARAM_ZVAL(data)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();

    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    prepare_wait(timeout);

    auto *item = static_cast<zval *>(emalloc(sizeof(zval)));
    ZVAL_COPY(item, data);
    Result result = chan->push(item, timeout);
    if (result != Result::ok) free_item(item, nullptr);  // not taken: still ours
    set_err_code(ZEND_THIS, result);
    RETURN_BOOL(result == Result::ok);
}

PHP_METHOD(Channel, pop) {
    double timeout = -1;
    ZEND_PARSE_PARAMETERS_START(0, 1)
        Z_PARAM_OPTIONAL
        Z_PARAM_DOUBLE(timeout)
    ZEND_PARSE_PARAMETERS_END();

    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    PhpCoroutine::require_coroutine();
    prepare_wait(timeout);

    void *item = nullptr;
    Result result = chan->pop(&item, timeout);
    set_err_code(ZEND_THIS, result);
    if (result != Result::ok) RETURN_FALSE;
    auto *value = static_cast<zval *>(item);
    RETVAL_COPY_VALUE(value);
    efree(value);
}

PHP_METHOD(Channel, close) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    RETURN_BOOL(chan->close());
}

PHP_METHOD(Channel, length) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    RETURN_LONG(static_cast<zend_long>(chan->length()));
}

PHP_METHOD(Channel, isEmpty) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    RETURN_BOOL(chan->is_empty());
}

PHP_METHOD(Channel, isFull) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    RETURN_BOOL(chan->is_full());
}

PHP_METHOD(Channel, stats) {
    ZEND_PARSE_PARAMETERS_NONE();
    kernel::Channel *chan = channel_or_fatal(ZEND_THIS);
    if (!chan) RETURN_FALSE;
    array_init_size(return_value, 3);
    add_assoc_long(return_value, "consumer_num", static_cast<zend_long>(chan->consumer_num()));
    add_assoc_long(return_value, "producer_num", static_cast<zend_long>(chan->producer_num()));
    add_assoc_long(return_value, "queue_num", static_cast<zend_long>(chan->length()));
}

ZEND_BEGIN_ARG_INFO_EX(arginfo_construct, 0, 0, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, capacity, IS_LONG, 0, "1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_push, 0, 1, _IS_BOOL, 0)
    ZEND_ARG_TYPE_INFO(0, data, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_pop, 0, 0, IS_MIXED, 0)
    ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, timeout, IS_DOUBLE, 0, "-1")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_bool, 0, 0, _IS_BOOL, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_long, 0, 0, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_array, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

}  // namespace

const zend_function_entry channel_methods[] = {
    ZEND_ME(Channel, __construct, arginfo_construct, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, push, arginfo_push, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, pop, arginfo_pop, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, close, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, length, arginfo_long, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, isEmpty, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, isFull, arginfo_bool, ZEND_ACC_PUBLIC)
    ZEND_ME(Channel, stats, arginfo_array, ZEND_ACC_PUBLIC)
    ZEND_FE_END
};

zend_object *channel_create_object(zend_class_entry *ce) {
    auto *object = static_cast<ChannelObject *>(zend_object_alloc(sizeof(ChannelObject), ce));
    object->chan = nullptr;
    zend_object_std_init(&object->std, ce);
    object_properties_init(&object->std, ce);
    object->std.handlers = &channel_handlers;
    return &object->std;
}

void channel_init_handlers() {
    channel_handlers = std_object_handlers;
    channel_handlers.offset = XtOffsetOf(ChannelObject, std);
    channel_handlers.free_obj = channel_free_object;
    channel_handlers.clone_obj = nullptr;
    channel_handlers.get_gc = channel_get_gc;
}

}  // namespace swoole::php
