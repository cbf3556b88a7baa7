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

    void save();
    void restore();
};

// A fresh VM stack of `size` bytes for a new coroutine (grows by pages as needed).
void vm_stack_start(size_t size);
// Frees every page of the current VM stack.
void vm_stack_free();
// Bytes of the VM stack pages in use.
size_t vm_stack_usage(const VmState *state);

}  // namespace swoole::php
