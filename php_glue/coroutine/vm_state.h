// The part of the PHP executor's state that belongs to one coroutine. Saved
// when a coroutine is left and restored when it is entered again, in the way
// PHP's own Fibers keep one VM stack per fiber.
#pragma once

#include "glue.h"

extern "C" {
#include "main/php_output.h"
}

namespace swoole::php {

struct VmState {
    zend_vm_stack vm_stack = nullptr;
    zval *vm_stack_top = nullptr;
    zval *vm_stack_end = nullptr;
    size_t vm_stack_page_size = 0;
    zend_execute_data *execute_data = nullptr;
    int error_reporting = 0;
    uint32_t jit_trace_num = 0;
    JMP_BUF *bailout = nullptr;
    zend_class_entry *fake_scope = nullptr;
    zend_error_handling_t error_handling = EH_NORMAL;
    zend_class_entry *exception_class = nullptr;
    // Output buffers of this context while another one runs (null: none open).
    zend_output_globals *output = nullptr;

    // On every switch: kept inline, next to the hook that calls them.
    void save();
    void restore();
};

inline void VmState::save() {
    vm_stack = EG(vm_stack);
    vm_stack_top = EG(vm_stack_top);
    vm_stack_end = EG(vm_stack_end);
    vm_stack_page_size = EG(vm_stack_page_size);
    execute_data = EG(current_execute_data);
    error_reporting = EG(error_reporting);
    jit_trace_num = EG(jit_trace_num);
    bailout = EG(bailout);
    fake_scope = EG(fake_scope);
    error_handling = EG(error_handling);
    exception_class = EG(exception_class);
    // Open output buffers travel with the context that opened them; the next
    // context starts with none and writes straight through.
    if (OG(handlers).top > 0) {
        output = static_cast<zend_output_globals *>(emalloc(sizeof(zend_output_globals)));
        memcpy(output, ZEND_MODULE_GLOBALS_BULK(output), sizeof(zend_output_globals));
        php_output_activate();
    }
}

inline void VmState::restore() {
    EG(vm_stack) = vm_stack;
    EG(vm_stack_top) = vm_stack_top;
    EG(vm_stack_end) = vm_stack_end;
    EG(vm_stack_page_size) = vm_stack_page_size;
    EG(current_execute_data) = execute_data;
    EG(error_reporting) = error_reporting;
    EG(jit_trace_num) = jit_trace_num;
    EG(bailout) = bailout;
    EG(fake_scope) = fake_scope;
    EG(error_handling) = error_handling;
    EG(exception_class) = exception_class;
    if (output) {
        zend_stack_destroy(&OG(handlers));
        memcpy(ZEND_MODULE_GLOBALS_BULK(output), output, sizeof(zend_output_globals));
        efree(output);
        output = nullptr;
    }
}


// A fresh VM stack of `size` bytes for a new coroutine (grows by pages as needed).
void vm_stack_start(size_t size);
// Frees every page of the current VM stack.
void vm_stack_free();
// Bytes of the VM stack pages in use.
size_t vm_stack_usage(const VmState *state);

}  // namespace swoole::php
