#include "server/protocol_registry.h"

#include <cerrno>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "base/error.h"

namespace swoole::kernel {

namespace {

// Ordered by name would buy nothing: a handful of entries, looked up once per
// port at start.
std::unordered_map<std::string, const ServerProtocol *> &registry() {
    static std::unordered_map<std::string, const ServerProtocol *> table{{"framing", framing_protocol()}};
    return table;
}

bool complete(const ServerProtocol *p) {
    return p && p->struct_size >= offsetof(ServerProtocol, close) + sizeof(p->close) && p->name && *p->name &&
           p->input;
}

}  // namespace

bool register_protocol(const ServerProtocol *protocol) {
    if (!complete(protocol)) {
        set_last_error(SW_ERROR_INVALID_PARAMS);
        return false;
    }
    if (!registry().emplace(protocol->name, protocol).second) {
        set_last_error(EEXIST);
        return false;
    }
    return true;
}

bool unregister_protocol(std::string_view name) {
    if (name == framing_protocol()->name) return false;  // built in, always there
    return registry().erase(std::string(name)) > 0;
}

const ServerProtocol *find_protocol(std::string_view name) {
    auto it = registry().find(std::string(name));
    return it == registry().end() ? nullptr : it->second;
}

}  // namespace swoole::kernel
