#include "coroutine/stack.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <vector>

#include "base/log.h"

namespace swoole::kernel {

namespace {

size_t page_size() {
    static const size_t size = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    return size;
}

// Live guarded stacks allowed: a quarter of the process's mapping limit, which
// leaves the rest for the heap, libraries and everything else.
size_t guard_budget() {
    static const size_t budget = [] {
        size_t limit = 65530;
        if (FILE *f = std::fopen("/proc/sys/vm/max_map_count", "r")) {
            unsigned long value = 0;
            if (std::fscanf(f, "%lu", &value) == 1 && value > 0) limit = value;
            std::fclose(f);
        }
        return limit / 4;
    }();
    return budget;
}

size_t g_guarded_live = 0;  // guarded stacks mapped (in use or pooled)

void unmap(void *base, size_t size, bool guarded) {
    size_t guard = guarded ? page_size() : 0;
    ::munmap(static_cast<char *>(base) - guard, size + guard);
    if (guarded) --g_guarded_live;
}

// Freed stacks of one size (the current default in practice), ready for reuse.
struct Pool {
    // Unmapping is the costly part of a coroutine's life (page tables freed, a
    // TLB flush on every core), while a kept stack costs only the pages it
    // touched: keep enough for a burst of ten thousand coroutines and more.
    static constexpr size_t kCapacity = 16384;
    size_t size = 0;
    std::vector<Stack> stacks;

    ~Pool() { drain(); }
    void drain() {
        for (Stack &s : stacks) unmap(s.base(), s.size(), s.guarded());
        stacks.clear();
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
    size_t size = normalize(usable_size);
    if (t_pool.size == size && !t_pool.stacks.empty()) {
        Stack stack = t_pool.stacks.back();
        t_pool.stacks.pop_back();
        return stack;
    }
    Stack stack;
    bool guarded = g_guarded_live < guard_budget();
    size_t guard = guarded ? page_size() : 0;
    // MAP_NORESERVE: only the pages a coroutine touches cost memory.
    void *mem = ::mmap(nullptr, size + guard, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                       -1, 0);
    if (mem == MAP_FAILED) return stack;
    if (guarded && ::mprotect(mem, guard, PROT_NONE) != 0) {
        ::munmap(mem, size + guard);
        return stack;
    }
    if (!guarded) {
        static bool warned = false;
        if (!warned) {
            warned = true;
            Logger::instance().writef(static_cast<int>(LogLevel::notice),
                                      "coroutine stacks beyond %zu run without a guard page; raise vm.max_map_count "
                                      "to guard more",
                                      guard_budget());
        }
    }
    g_guarded_live += guarded;
    stack.base_ = static_cast<char *>(mem) + guard;
    stack.size_ = size;
    stack.guarded_ = guarded;
    return stack;
}

void Stack::release(Stack &stack) {
    if (!stack.base_) return;
    if (t_pool.size != stack.size_) {
        t_pool.drain();
        t_pool.size = stack.size_;
    }
    if (t_pool.stacks.size() < Pool::kCapacity) {
        t_pool.stacks.push_back(stack);
    } else {
        unmap(stack.base_, stack.size_, stack.guarded_);
    }
    stack.base_ = nullptr;
    stack.size_ = 0;
}

void Stack::trim_pool() { t_pool.drain(); }

}  // namespace swoole::kernel
