// Error codes of the kernel: POSIX errno values below 500, the project's own
// codes from 501 (the numbering of Swoole 4.8, see spec/errors-constants.md),
// and the per-thread "last error" that swoole_last_error() reports.
#pragma once

#include <string_view>

namespace swoole::kernel {

enum Error : int {
#define SW_ERROR_ENTRY(name, value, text) SW_ERROR_##name = value,
#include "error_table.inc"
#undef SW_ERROR_ENTRY
};

// The message of a project code, or an empty view when the code is not one.
std::string_view error_message(int code);

// Text for any code: the project's table for 500 < code < 10019 when listed,
// "Unknown error <n>" when in that range and unlisted, strerror() otherwise.
// The returned pointer stays valid until the next call on this thread.
const char *error_text(int code);

// Each name and value, for registering the SWOOLE_ERROR_* constants.
struct ErrorName {
    const char *name;  // without the SWOOLE_ERROR_ prefix
    int code;
};
std::basic_string_view<ErrorName> error_names();

int last_error();
void set_last_error(int code);

}  // namespace swoole::kernel
