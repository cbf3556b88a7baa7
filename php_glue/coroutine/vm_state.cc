#include "coroutine/vm_state.h"

namespace swoole::php {

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
