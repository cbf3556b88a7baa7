// The kernel's own version (distinct from the Swoole-compatible API version the
// PHP extension reports) and the module ABI it hosts.
#pragma once

namespace swoole::kernel {
inline constexpr const char *kKernelVersion = "0.1.0";
}
