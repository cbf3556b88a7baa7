// hello: the smallest useful module. It registers one PHP class and calls back
// into the kernel through the host table (a timer and a coroutine sleep),
// showing the whole module contract in one file.
//
//   Hello\Greeter::greet(string $name): string       "Hello, <name>!"
//   Hello\Greeter::wait(int $ms): array               runs a kernel coroutine that
//       sleeps $ms while a timer fires at $ms/2; returns the events in order,
//       e.g. ["timer", "slept"], after running the loop to completion. Call it
//       outside a running event loop.
extern "C" {
#include "php.h"
#include "zend_exceptions.h"
}

#include <swoole/sdk.hpp>

#include <string>
#include <vector>

namespace {

zend_class_entry *greeter_ce = nullptr;

struct WaitRun {
    std::vector<const char *> events;
    double seconds;
};

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_greet, 0, 1, IS_STRING, 0)
ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_wait, 0, 1, IS_ARRAY, 0)
ZEND_ARG_TYPE_INFO(0, ms, IS_LONG, 0)
ZEND_END_ARG_INFO()

PHP_METHOD(Greeter, greet) {
    zend_string *name;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_STR(name)
    ZEND_PARSE_PARAMETERS_END();
    RETURN_STR(zend_strpprintf(0, "Hello, %s!", ZSTR_VAL(name)));
}

PHP_METHOD(Greeter, wait) {
    zend_long ms;
    ZEND_PARSE_PARAMETERS_START(1, 1)
    Z_PARAM_LONG(ms)
    ZEND_PARSE_PARAMETERS_END();
    if (ms < 2) {
        zend_argument_value_error(1, "must be at least 2");
        RETURN_THROWS();
    }
    WaitRun run{{}, ms / 1000.0};
    swoole::sdk::Timer timer = swoole::sdk::Timer::after(
        ms / 2, [](int64_t, void *arg) { static_cast<WaitRun *>(arg)->events.push_back("timer"); }, &run);
    swoole::sdk::coroutine::create(
        [](void *arg) {
            auto *r = static_cast<WaitRun *>(arg);
            swoole::sdk::Wait result = swoole::sdk::coroutine::sleep(r->seconds);
            r->events.push_back(result == swoole::sdk::Wait::ready ? "slept" : "sleep failed");
        },
        &run);
    if (swoole::sdk::run_loop() != 0) {
        zend_throw_exception(zend_ce_exception, "the event loop is already running", 0);
        RETURN_THROWS();
    }
    timer.release();  // fired
    array_init(return_value);
    for (const char *e : run.events) add_next_index_string(return_value, e);
}

const zend_function_entry greeter_methods[] = {
    PHP_ME(Greeter, greet, arginfo_greet, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_ME(Greeter, wait, arginfo_wait, ZEND_ACC_PUBLIC | ZEND_ACC_STATIC)
    PHP_FE_END
};

int on_load(const sw_host_api *host) {
    swoole::sdk::Host::attach(host);
    // This example needs nothing newer than ABI 1.0; a module using a later
    // field would check SW_HOST_HAS(host, field) here and refuse to load.
    return SW_HOST_HAS(host, co_sleep) ? 0 : -1;
}

int on_register_classes(const sw_php_context *) {
    zend_class_entry ce;
    INIT_NS_CLASS_ENTRY(ce, "Hello", "Greeter", greeter_methods);
    greeter_ce = zend_register_internal_class(&ce);
    greeter_ce->ce_flags |= ZEND_ACC_FINAL;
    return 0;
}

const sw_module_library *libraries() {
    static const sw_module_library list[] = {{"greeting", "1.0"}, {nullptr, nullptr}};
    return list;
}

const sw_module_descriptor descriptor = {
    .struct_size = sizeof(sw_module_descriptor),
    .abi_major = SW_MODULE_ABI_MAJOR,
    .abi_minor = SW_MODULE_ABI_MINOR,
    .name = "hello",
    .version = "1.0.0",
    .php_api = ZEND_MODULE_API_NO,
    .dependencies = nullptr,
    .libraries = libraries,
    .load = on_load,
    .register_classes = on_register_classes,
};

}  // namespace

SWOOLE_MODULE(descriptor)
