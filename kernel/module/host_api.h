// The host side of the module boundary: the kernel's implementation of the
// function table in sdk/include/swoole/module.h. Without PHP it is also the
// test host a module's core is tested against.
#pragma once

#include "swoole/module.h"

namespace swoole::kernel {

// A table filled with the kernel's functions; static, valid for the process.
const sw_host_api *kernel_host_api();

}  // namespace swoole::kernel
