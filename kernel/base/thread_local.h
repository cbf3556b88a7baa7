// Per-thread state for the kernel's hot paths. The kernel is linked into
// swoole.so, which PHP loads with dlopen; there a plain thread_local goes
// through __tls_get_addr (and an init wrapper for non-trivial types) on every
// access. initial-exec puts the variable in the static TLS block instead: use
// it only for a few trivially constructible values, such as pointers.
#pragma once

#define SW_THREAD_LOCAL thread_local __attribute__((tls_model("initial-exec")))
