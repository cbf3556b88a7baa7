// Registers Swoole\Coroutine\Channel (Co\Channel and chan with
// swoole.use_shortname) and the SWOOLE_CHANNEL_* result constants.
#include "channel/php_channel.h"

namespace swoole::php {

zend_class_entry *channel_ce = nullptr;

namespace {

constexpr int kConstantFlags = CONST_CS | CONST_PERSISTENT;

using Result = kernel::Channel::Result;

void register_result_constant(const char *name, Result value, int module_number) {
    zend_register_long_constant(name, strlen(name), static_cast<zend_long>(value), kConstantFlags, module_number);
}

}  // namespace

void register_channel(int module_number) {
    zend_class_entry ce;
    INIT_CLASS_ENTRY(ce, "Swoole\\Coroutine\\Channel", channel_methods);
    channel_ce = zend_register_internal_class(&ce);
    channel_ce->create_object = channel_create_object;
    channel_ce->ce_flags |= ZEND_ACC_NOT_SERIALIZABLE;
    channel_init_handlers();
    zend_declare_property_long(channel_ce, ZEND_STRL("capacity"), 0, ZEND_ACC_PUBLIC);
    zend_declare_property_long(channel_ce, ZEND_STRL("errCode"), 0, ZEND_ACC_PUBLIC);

    if (ini().use_shortname) {
        zend_register_class_alias("Co\\Channel", channel_ce);
        zend_register_class_alias("chan", channel_ce);
    }

    register_result_constant("SWOOLE_CHANNEL_OK", Result::ok, module_number);
    register_result_constant("SWOOLE_CHANNEL_TIMEOUT", Result::timeout, module_number);
    register_result_constant("SWOOLE_CHANNEL_CLOSED", Result::closed, module_number);
    register_result_constant("SWOOLE_CHANNEL_CANCELED", Result::canceled, module_number);
}

}  // namespace swoole::php
