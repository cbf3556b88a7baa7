// Loads modules (shared objects exporting swoole_module_descriptor) from a
// folder, checks each descriptor against this kernel, orders the accepted ones
// so dependencies come first, and calls their load hooks. A refused module is
// reported in one line naming its file and the reason; it never takes the
// process down and the others still load.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "swoole/module.h"

namespace swoole::kernel {

struct LoadedModule {
    std::string path;
    void *handle = nullptr;
    const sw_module_descriptor *descriptor = nullptr;
    const char *name() const { return descriptor->name; }
};

class ModuleLoader {
  public:
    using Reporter = std::function<void(const std::string &line)>;

    // php_api: ZEND_MODULE_API_NO of the running PHP, or 0 in a host without PHP
    // (then a module's PHP API number is not checked and its PHP hooks never run).
    ModuleLoader(const sw_host_api *host, uint32_t php_api, Reporter report);
    ~ModuleLoader();  // unloads what is still loaded

    // names empty: every *.so in dir. Otherwise dir/<name>.so for each name, plus
    // the required dependencies found in dir. Returns how many were loaded.
    size_t load(const std::string &dir, const std::vector<std::string> &names);

    // Accepted modules, dependencies first.
    const std::vector<LoadedModule> &modules() const { return loaded_; }
    const LoadedModule *find(const std::string &name) const;

    // Calls each unload hook in reverse order, then closes the objects.
    void unload_all();

    // Splits "a, b,c" into names; empty items are dropped.
    static std::vector<std::string> split_names(const std::string &list);

  private:
    struct Candidate;
    bool open(const std::string &path, Candidate &out);
    void refuse(const std::string &path, const std::string &reason);

    const sw_host_api *host_;
    uint32_t php_api_;
    Reporter report_;
    std::vector<LoadedModule> loaded_;
};

}  // namespace swoole::kernel
