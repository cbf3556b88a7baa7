// Server protocols by name: the kernel's built-in ones and those modules add
// through the host table (protocol_register). A port's settings name the
// protocol they want (e.g. the http module's "http"); the glue looks it up
// here when it applies the settings. Registration happens at load time, on
// the main thread, before any server starts; lookups are read-only after.
#pragma once

#include <string_view>

#include "server/protocol.h"

namespace swoole::kernel {

// false with last_error: SW_ERROR_INVALID_PARAMS for a table without a name
// or an input function (or an older, smaller table), EEXIST for a taken name.
bool register_protocol(const ServerProtocol *protocol);
bool unregister_protocol(std::string_view name);
const ServerProtocol *find_protocol(std::string_view name);

}  // namespace swoole::kernel
