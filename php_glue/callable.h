// A PHP callable kept for later (a defer, a timer, an event handler): holds a
// reference to the callable value so a closure or object lives as long as it
// is needed, and the resolved function so calling it needs no lookup.
#pragma once

#include "glue.h"

namespace swoole::php {

class Callable {
  public:
    // From what Z_PARAM_FUNC parsed.
    Callable(const zend_fcall_info &fci, const zend_fcall_info_cache &fcc) : fcc_(fcc) {
        ZVAL_COPY(&value_, &fci.function_name);
        // A __call/__callStatic trampoline is freed after one call: resolve anew each time.
        trampoline_ = fcc.function_handler && (fcc.function_handler->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE);
        if (trampoline_) zend_release_fcall_info_cache(&fcc_);
    }
    ~Callable() { zval_ptr_dtor(&value_); }
    Callable(const Callable &) = delete;
    Callable &operator=(const Callable &) = delete;

    // Calls it; retval must be destroyed by the caller. False if it could not be called.
    bool call(zval *retval, uint32_t argc, zval *argv) {
        ZVAL_UNDEF(retval);
        if (!trampoline_) {
            zend_call_known_function(fcc_.function_handler, fcc_.object, fcc_.called_scope, retval, argc, argv,
                                     nullptr);
            return true;
        }
        zend_fcall_info fci;
        zend_fcall_info_cache fcc;
        if (zend_fcall_info_init(&value_, 0, &fci, &fcc, nullptr, nullptr) != SUCCESS) return false;
        fci.retval = retval;
        fci.params = argv;
        fci.param_count = argc;
        zend_call_function(&fci, &fcc);
        return true;
    }

    const zend_fcall_info_cache &fcc() const { return fcc_; }
    zval *value() { return &value_; }

  private:
    zval value_;
    zend_fcall_info_cache fcc_;
    bool trampoline_ = false;
};

}  // namespace swoole::php
