// A hint to the CPU inside a spin-wait loop (less power, and on SMT the
// sibling thread gets the core while this one waits).
#pragma once

namespace swoole::kernel {

inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    asm volatile("yield");
#endif
}

}  // namespace swoole::kernel
