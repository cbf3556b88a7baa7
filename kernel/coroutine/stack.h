// C stacks for coroutines: mmap'd, with a PROT_NONE guard page below the
// usable area so an overflow faults instead of corrupting the neighbour.
// Every guard page splits a mapping and Linux caps the mappings of a process
// (vm.max_map_count), so only the first quarter of that many live stacks get
// a guard; later ones run unguarded (and merge into few mappings) rather than
// make coroutine creation, and then malloc itself, fail.
// Freed stacks of the common size are kept in a small per-thread pool: mmap,
// mprotect and munmap per coroutine would dominate create+finish.
#pragma once

#include <cstddef>

namespace swoole::kernel {

class Stack {
  public:
    static constexpr size_t kMinSize = 64 * 1024;
    static constexpr size_t kMaxSize = 16 * 1024 * 1024;
    static constexpr size_t kDefaultSize = 2 * 1024 * 1024;

    // Clamped to [kMinSize, kMaxSize] and rounded up to whole pages.
    static size_t normalize(size_t size);

    // nullptr (errno set) when the memory cannot be mapped.
    static Stack allocate(size_t usable_size);
    static void release(Stack &stack);

    // Drops every pooled stack of this thread.
    static void trim_pool();

    void *base() const { return base_; }  // lowest usable address (just above the guard)
    void *top() const { return static_cast<char *>(base_) + size_; }
    size_t size() const { return size_; }
    bool valid() const { return base_ != nullptr; }

    bool guarded() const { return guarded_; }

  private:
    void *base_ = nullptr;
    size_t size_ = 0;
    bool guarded_ = false;
};

}  // namespace swoole::kernel
