#include "module/loader.h"

#include <dirent.h>
#include <dlfcn.h>
#include <sys/stat.h>

#include <algorithm>
#include <map>
#include <set>

namespace swoole::kernel {

struct ModuleLoader::Candidate {
    std::string path;
    void *handle = nullptr;
    const sw_module_descriptor *descriptor = nullptr;
    bool refused = false;
    bool loaded = false;
};

namespace {

// The descriptor fields this kernel reads; an older, smaller one is refused.
constexpr uint32_t kMinDescriptorSize = offsetof(sw_module_descriptor, unload) + sizeof(void *);

bool valid_name(const char *name) {
    if (!name || !*name) return false;
    for (const char *p = name; *p; ++p) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_')) return false;
    }
    return true;
}

bool file_exists(const std::string &path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

std::vector<std::string> shared_objects_in(const std::string &dir) {
    std::vector<std::string> files;
    DIR *d = ::opendir(dir.c_str());
    if (!d) return files;
    while (dirent *e = ::readdir(d)) {
        std::string name = e->d_name;
        if (name.size() > 3 && name.compare(name.size() - 3, 3, ".so") == 0) files.push_back(dir + "/" + name);
    }
    ::closedir(d);
    std::sort(files.begin(), files.end());
    return files;
}

template <typename Fn>
void for_each_dependency(const sw_module_descriptor *d, Fn fn) {
    if (!d->dependencies) return;
    for (const sw_module_dependency *dep = d->dependencies; dep->name; ++dep) fn(*dep);
}

}  // namespace

ModuleLoader::ModuleLoader(const sw_host_api *host, uint32_t php_api, Reporter report)
    : host_(host), php_api_(php_api), report_(std::move(report)) {}

ModuleLoader::~ModuleLoader() { unload_all(); }

std::vector<std::string> ModuleLoader::split_names(const std::string &list) {
    std::vector<std::string> names;
    std::string item;
    auto flush = [&] {
        auto b = item.find_first_not_of(" \t");
        auto e = item.find_last_not_of(" \t");
        if (b != std::string::npos) names.push_back(item.substr(b, e - b + 1));
        item.clear();
    };
    for (char c : list) {
        if (c == ',') flush();
        else item += c;
    }
    flush();
    return names;
}

void ModuleLoader::refuse(const std::string &path, const std::string &reason) {
    if (report_) report_("module " + path + " refused: " + reason);
}

bool ModuleLoader::open(const std::string &path, Candidate &out) {
    out.path = path;
    // RTLD_LOCAL: modules see each other only through declared dependencies and the
    // host table, never through accidental symbol interposition.
    void *handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char *err = ::dlerror();
        refuse(path, std::string("not a loadable shared object (") + (err ? err : "unknown error") + ")");
        return false;
    }
    auto entry = reinterpret_cast<sw_module_entry_fn>(::dlsym(handle, SW_MODULE_ENTRY_SYMBOL));
    const sw_module_descriptor *d = entry ? entry() : nullptr;
    std::string reason;
    if (!entry) {
        reason = "not a module (no " SW_MODULE_ENTRY_SYMBOL " symbol)";
    } else if (!d) {
        reason = "its descriptor is null";
    } else if (d->struct_size < kMinDescriptorSize) {
        reason = "its descriptor is too small (" + std::to_string(d->struct_size) + " bytes)";
    } else if (d->abi_major != SW_MODULE_ABI_MAJOR) {
        reason = "built for module ABI " + std::to_string(d->abi_major) + "." + std::to_string(d->abi_minor) +
                 ", the kernel hosts ABI " + std::to_string(SW_MODULE_ABI_MAJOR) + ".x";
    } else if (d->abi_minor > SW_MODULE_ABI_MINOR) {
        reason = "built for module ABI " + std::to_string(d->abi_major) + "." + std::to_string(d->abi_minor) +
                 ", newer than the kernel's " + std::to_string(SW_MODULE_ABI_MAJOR) + "." +
                 std::to_string(SW_MODULE_ABI_MINOR);
    } else if (php_api_ != 0 && d->php_api != 0 && d->php_api != php_api_) {
        reason = "built for PHP API " + std::to_string(d->php_api) + ", this PHP has " + std::to_string(php_api_);
    } else if (!valid_name(d->name)) {
        reason = "its name is empty or not [a-z0-9_]+";
    }
    if (!reason.empty()) {
        refuse(path, reason);
        ::dlclose(handle);
        return false;
    }
    out.handle = handle;
    out.descriptor = d;
    return true;
}

size_t ModuleLoader::load(const std::string &dir, const std::vector<std::string> &names) {
    std::vector<Candidate> candidates;
    std::map<std::string, size_t> by_name;  // accepted candidates
    std::set<std::string> tried_paths;

    auto consider = [&](const std::string &path) {
        if (!tried_paths.insert(path).second) return;
        Candidate c;
        if (!open(path, c)) return;
        std::string name = c.descriptor->name;
        if (by_name.count(name) || find(name)) {
            const std::string &first = by_name.count(name) ? candidates[by_name[name]].path : find(name)->path;
            refuse(path, "duplicate module name '" + name + "' (already loaded from " + first + ")");
            ::dlclose(c.handle);
            return;
        }
        by_name[name] = candidates.size();
        candidates.push_back(c);
    };

    if (names.empty()) {
        for (const std::string &path : shared_objects_in(dir)) consider(path);
    } else {
        for (const std::string &name : names) {
            std::string path = dir + "/" + name + ".so";
            if (!valid_name(name.c_str()) || !file_exists(path)) {
                if (report_) report_("unknown module '" + name + "' (no " + path + ")");
                continue;
            }
            consider(path);
        }
        // Pull in required dependencies that sit in the same folder.
        for (size_t i = 0; i < candidates.size(); ++i) {
            for_each_dependency(candidates[i].descriptor, [&](const sw_module_dependency &dep) {
                if (dep.kind != SW_DEP_REQUIRED || by_name.count(dep.name) || find(dep.name)) return;
                std::string path = dir + "/" + dep.name + ".so";
                if (file_exists(path)) consider(path);
            });
        }
    }

    auto present = [&](const std::string &name) {
        auto it = by_name.find(name);
        return find(name) != nullptr || (it != by_name.end() && !candidates[it->second].refused);
    };
    auto drop = [&](Candidate &c, const std::string &reason) {
        c.refused = true;
        refuse(c.path, reason);
    };

    // Refuse missing dependencies and conflicts until nothing changes (a refusal
    // can leave another module without its dependency).
    for (bool changed = true; changed;) {
        changed = false;
        for (Candidate &c : candidates) {
            if (c.refused) continue;
            for_each_dependency(c.descriptor, [&](const sw_module_dependency &dep) {
                if (c.refused) return;
                if (dep.kind == SW_DEP_REQUIRED && !present(dep.name)) {
                    drop(c, std::string("missing dependency '") + dep.name + "'");
                    changed = true;
                } else if (dep.kind == SW_DEP_CONFLICTS && present(dep.name)) {
                    drop(c, std::string("conflicts with loaded module '") + dep.name + "'");
                    changed = true;
                }
            });
        }
    }

    // Depth-first topological order over required and optional dependencies.
    std::vector<size_t> order;
    std::vector<int> mark(candidates.size(), 0);  // 0 new, 1 visiting, 2 done
    std::function<bool(size_t)> visit = [&](size_t i) -> bool {
        if (mark[i] == 2) return !candidates[i].refused;
        if (mark[i] == 1) return false;  // cycle
        mark[i] = 1;
        bool ok = !candidates[i].refused;
        for_each_dependency(candidates[i].descriptor, [&](const sw_module_dependency &dep) {
            if (dep.kind == SW_DEP_CONFLICTS) return;
            auto it = by_name.find(dep.name);
            if (it == by_name.end()) return;  // already loaded earlier, or absent optional
            if (!visit(it->second) && dep.kind == SW_DEP_REQUIRED && ok) {
                ok = false;
                if (!candidates[i].refused) drop(candidates[i], std::string("dependency cycle or failed dependency '") + dep.name + "'");
            }
        });
        mark[i] = 2;
        if (ok) order.push_back(i);
        return ok;
    };
    for (size_t i = 0; i < candidates.size(); ++i) visit(i);

    size_t count = 0;
    for (size_t i : order) {
        Candidate &c = candidates[i];
        bool deps_loaded = true;
        for_each_dependency(c.descriptor, [&](const sw_module_dependency &dep) {
            if (dep.kind == SW_DEP_REQUIRED && !find(dep.name)) deps_loaded = false;
        });
        if (!deps_loaded) {
            drop(c, "a required dependency failed to load");
        } else if (c.descriptor->load && c.descriptor->load(host_) != 0) {
            drop(c, "its load hook failed");
        } else {
            loaded_.push_back({c.path, c.handle, c.descriptor});
            c.loaded = true;
            ++count;
        }
    }
    for (Candidate &c : candidates) {
        if (!c.loaded) ::dlclose(c.handle);
    }
    return count;
}

const LoadedModule *ModuleLoader::find(const std::string &name) const {
    for (const LoadedModule &m : loaded_) {
        if (name == m.name()) return &m;
    }
    return nullptr;
}

void ModuleLoader::unload_all() {
    for (auto it = loaded_.rbegin(); it != loaded_.rend(); ++it) {
        if (it->descriptor->unload) it->descriptor->unload();
    }
    for (auto it = loaded_.rbegin(); it != loaded_.rend(); ++it) ::dlclose(it->handle);
    loaded_.clear();
}

}  // namespace swoole::kernel
