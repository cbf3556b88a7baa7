// The command handlers of Redis\Server (setHandler/getHandler): lower-cased
// command name -> PHP callable. Process-wide as in 4.8 (register before
// start() and every worker inherits them); request memory, so it is emptied
// at the end of each request (server_request_end).
#pragma once

extern "C" {
#include "php.h"
}

#include <string_view>

namespace swoole::mod::redis {

// Longest accepted command name + 1 (4.8's limit: names of 64 bytes or more
// are refused).
inline constexpr size_t kCommandNameLimit = 64;

// Stores a copy of `callable` under the lower-cased name (< kCommandNameLimit bytes).
void handler_set(std::string_view name, zval *callable);
// The callable for `name` in any case, or nullptr.
zval *handler_find(std::string_view name);
void handler_table_clear();

// Lower-cases name into out (kCommandNameLimit bytes); false when too long.
bool lower_command(std::string_view name, char *out);

}  // namespace swoole::mod::redis
