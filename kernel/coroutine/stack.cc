#include "coroutine/stack.h"

#include <sys/mman.h>
#include <unistd.h>

#include <vector>

namespace swoole::kernel {

namespace {

size_t page_size() {
    static const size_t size = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

// Only stacks of one size are pooled (the current default in practice).
struct Pool {
    // Unmapping is the costly part of a coroutine's life (page tables freed, a
    // TLB flush on every core), while a kept stack costs only the pages it
    // touched: keep enough for a burst of ten thousand coroutines and more.
    static constexpr size_t kCapacity = 16384;
    size_t size = 0;
    std::vector<void *> bases;

    ~Pool() { drain(); }
    void drain() {
        for (void *base : bases) ::munmap(static_cast<char *>(base) - page_size(), size + page_size());
        bases.clear();
    }
};

thread_local Pool t_pool;

}  // namespace

size_t Stack::normalize(size_t size) {
    if (size < kMinSize) size = kMinSize;
    if (size > kMaxSize) size = kMaxSize;
    size_t page = page_size();
    return (size + page - 1) / page * page;
}

Stack Stack::allocate(size_t usable_size) {
    Stack stack;
    size_t size = normalize(usable_size);
    if (t_pool.size == size && !t_pool.bases.empty()) {
        stack.base_ = t_pool.bases.back();
        t_pool.bases.pop_back();
        stack.size_ = size;
        return stack;
    }
    size_t guard = page_size();
    // MAP_NORESERVE: only the pages a coroutine touches cost memory.
    void *mem = ::mmap(nullptr, size + guard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                       -1, 0);
    if (mem == MAP_FAILED) return stack;
    if (::mprotect(mem, guard, PROT_NONE) != 0) {
        ::munmap(mem, size + guard);
        return stack;
    }
    stack.base_ = static_cast<char *>(mem) + guard;
    stack.size_ = size;
    return stack;
}

void Stack::release(Stack &stack) {
    if (!stack.base_) return;
    if (t_pool.size != stack.size_) {
        t_pool.drain();
        t_pool.size = stack.size_;
    }
    if (t_pool.bases.size() < Pool::kCapacity) {
        t_pool.bases.push_back(stack.base_);
    } else {
        ::munmap(static_cast<char *>(stack.base_) - page_size(), stack.size_ + page_size());
    }
    stack.base_ = nullptr;
    stack.size_ = 0;
}

void Stack::trim_pool() { t_pool.drain(); }

}  // namespace swoole::kernel
