// Loads the modules chosen by swoole.modules from swoole.module_dir at MINIT,
// lets them register their PHP classes, forwards request hooks, and lists
// them in `php --ri swoole`.
#include <dlfcn.h>

#include <memory>
#include <string>

#include "glue.h"
#include "server/php_server.h"

extern "C" {
#include "ext/standard/info.h"
}

#include "module/host_api.h"
#include "module/loader.h"

namespace swoole::php {
namespace {

std::unique_ptr<kernel::ModuleLoader> g_loader;
// The kernel's table plus the PHP side of the server (server_modules.cc).
sw_host_api g_php_host_api;

// "swoole/" beside the swoole.so this code was loaded from.
std::string default_module_dir() {
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void *>(&default_module_dir), &info) && info.dli_fname) {
        std::string path = info.dli_fname;
        auto slash = path.rfind('/');
        return (slash == std::string::npos ? std::string(".") : path.substr(0, slash)) + "/swoole";
    }
    return "swoole";
}

}  // namespace

void load_modules(int type, int module_number) {
    std::string dir = ini().module_dir.empty() ? default_module_dir() : ini().module_dir;
    g_php_host_api = *kernel::kernel_host_api();
    fill_server_host_api(g_php_host_api, type);
    g_loader = std::make_unique<kernel::ModuleLoader>(
        &g_php_host_api, ZEND_MODULE_API_NO,
        [](const std::string &line) { php_error_docref(nullptr, E_WARNING, "swoole: %s", line.c_str()); });
    g_loader->load(dir, kernel::ModuleLoader::split_names(ini().modules));

    sw_php_context context{module_number, type};
    for (const kernel::LoadedModule &m : g_loader->modules()) {
        const sw_module_descriptor *d = m.descriptor;
        if (d->register_classes && d->register_classes(&context) != 0) {
            php_error_docref(nullptr, E_WARNING, "swoole: module %s failed to register its classes", d->name);
        }
    }
}

void unload_modules() {
    if (g_loader) g_loader->unload_all();
    g_loader.reset();
    forget_server_modules();
}

void print_module_info() {
    if (!g_loader) return;
    std::string names;
    for (const kernel::LoadedModule &m : g_loader->modules()) names += (names.empty() ? "" : ", ") + std::string(m.name());
    php_info_print_table_row(2, "Modules", names.empty() ? "none" : names.c_str());
    for (const kernel::LoadedModule &m : g_loader->modules()) {
        const sw_module_descriptor *d = m.descriptor;
        std::string value = std::string("version ") + d->version;
        if (d->libraries) {
            std::string libs;
            for (const sw_module_library *lib = d->libraries(); lib && lib->name; ++lib) {
                libs += (libs.empty() ? "" : ", ") + std::string(lib->name) + " " + lib->version;
            }
            if (!libs.empty()) value += "; uses " + libs;
        }
        std::string key = std::string("module ") + d->name;
        php_info_print_table_row(2, key.c_str(), value.c_str());
    }
}

void modules_request_start() {
    if (!g_loader) return;
    for (const kernel::LoadedModule &m : g_loader->modules()) {
        if (m.descriptor->request_start) m.descriptor->request_start();
    }
}

void modules_request_end() {
    if (!g_loader) return;
    const auto &mods = g_loader->modules();
    for (auto it = mods.rbegin(); it != mods.rend(); ++it) {
        if (it->descriptor->request_end) it->descriptor->request_end();
    }
}

}  // namespace swoole::php
