#include "event/loop.h"

#include "coroutine/php_coroutine.h"

extern "C" {
#include "zend_exceptions.h"
}

namespace swoole::php::loop {
namespace {

uint64_t g_primed_serial = 0;

// Two deferred calls in a row: the first keeps the turn it runs in from
// waiting, the second only keeps the loop alive for that turn.
void prime_second(void *) {}
void prime_first(void *reactor) { static_cast<kernel::Reactor *>(reactor)->defer(prime_second, nullptr); }

}  // namespace

kernel::Reactor *existing() { return PhpCoroutine::has_reactor() ? &PhpCoroutine::reactor() : nullptr; }

kernel::Reactor &get() {
    kernel::Reactor &reactor = PhpCoroutine::reactor();
    if (reactor.serial() != g_primed_serial) {
        g_primed_serial = reactor.serial();
        reactor.defer(prime_first, &reactor);
    }
    return reactor;
}

bool alive(uint64_t serial) {
    kernel::Reactor *reactor = existing();
    return reactor && reactor->serial() == serial;
}

bool coroutines_enabled() { return ini().enable_coroutine; }

bool fatal_error_happened() {
    return PG(last_error_message) &&
           (PG(last_error_type) & (E_ERROR | E_CORE_ERROR | E_COMPILE_ERROR | E_USER_ERROR));
}

bool invoke(Callable &fn, uint32_t argc, zval *argv) {
    // Our own reference: the call may release fn (Timer::clear, Event::del,
    // Event::cycle(null) from inside the callback).
    zval keep;
    ZVAL_COPY(&keep, fn.value());
    bool ok;
    if (coroutines_enabled()) {
        zend_fcall_info_cache fcc = fn.fcc();
        if (!fcc.function_handler) {
            // A __call trampoline: resolved anew for every call.
            zend_fcall_info fci;
            ok = zend_fcall_info_init(&keep, 0, &fci, &fcc, nullptr, nullptr) == SUCCESS;
            ok = ok && PhpCoroutine::create(&fcc, argc, argv) >= 0;
        } else {
            ok = PhpCoroutine::create(&fcc, argc, argv) >= 0;
        }
    } else {
        zval retval;
        ok = fn.call(&retval, argc, argv);
        zval_ptr_dtor(&retval);
    }
    zval_ptr_dtor(&keep);
    if (UNEXPECTED(EG(exception))) {
        zend_exception_error(EG(exception), E_ERROR);  // reports only (E_DONT_BAIL)
        zend_bailout();
    }
    return ok;
}

Callable *make_callable(const zend_fcall_info &fci, const zend_fcall_info_cache &fcc) {
    if (fci.size == 0) return nullptr;
    return new Callable(fci, fcc);
}

zend_object *deny_create(zend_class_entry *ce) {
    zend_object *object = zend_objects_new(ce);
    object_properties_init(object, ce);
    zend_throw_error(nullptr, "The object of %s can not be created for security reasons", ZSTR_VAL(ce->name));
    return object;
}

}  // namespace swoole::php::loop
