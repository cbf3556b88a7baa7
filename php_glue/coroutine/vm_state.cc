#include "coroutine/vm_state.h"

namespace swoole::php {

void VmState::save() {
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

void VmState::restore() {
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

void vm_stack_start(size_t size) {
    auto page = static_cast<zend_vm_stack>(emalloc(size));
    page->top = ZEND_VM_STACK_ELEMENTS(page);
    page->end = reinterpret_cast<zval *>(reinterpret_cast<char *>(page) + size);
    page->prev = nullptr;
    EG(vm_stack) = page;
    EG(vm_stack_top) = page->top;
    EG(vm_stack_end) = page->end;
    EG(vm_stack_page_size) = size;
}

void vm_stack_free() {
    zend_vm_stack page = EG(vm_stack);
    while (page) {
        zend_vm_stack prev = page->prev;
        efree(page);
        page = prev;
    }
    EG(vm_stack) = nullptr;
}

size_t vm_stack_usage(const VmState *state) {
    size_t bytes = 0;
    for (zend_vm_stack page = state->vm_stack; page; page = page->prev) {
        zval *top = page == state->vm_stack ? state->vm_stack_top : page->top;
        bytes += reinterpret_cast<char *>(top) - reinterpret_cast<char *>(page);
    }
    return bytes;
}

}  // namespace swoole::php
