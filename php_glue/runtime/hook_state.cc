// The flag sets: the one applied now (process-wide, as the hooks patch the
// global function and wrapper tables) and the hook_flags option recorded for the
// next activation of the coroutine runtime.
#include "runtime/runtime.h"

#include <optional>

namespace swoole::php::runtime {

// The stream transports are hooked by php_glue/runtime/stream/; until that part
// is linked in, they stay unhooked.
__attribute__((weak)) void apply_stream_hooks(uint32_t) {}

namespace {

uint32_t g_applied = 0;
bool g_ever_applied = false;             // getHookFlags reports the option until then
std::optional<uint32_t> g_recorded;      // the hook_flags option, when set this request
bool g_active = false;                   // the coroutine runtime is active

uint32_t normalize(uint32_t flags) {
    if ((flags & kHookCurl) && (flags & kHookNativeCurl)) {
        php_error_docref(nullptr, E_WARNING, "cannot enable both hooks HOOK_NATIVE_CURL and HOOK_CURL at same time");
        flags &= ~kHookCurl;
    }
    return flags;
}

void apply(uint32_t flags) {
    install_sleep_hooks(flags & kHookSleep);
    install_blocking_hooks(flags & kHookBlockingFunction);
    install_file_hooks(flags & kHookFile);
    install_proc_hooks(flags & kHookProc);
    apply_stream_hooks(flags);
    g_applied = flags;
    g_ever_applied = true;
}

}  // namespace

uint32_t hook_flags() { return g_applied; }

void enable(uint32_t flags) {
    flags = normalize(flags);
    g_recorded = flags;
    apply(flags);
}

void record_hook_flags(int64_t flags) { g_recorded = static_cast<uint32_t>(flags < 0 ? 0 : flags); }

uint32_t reported_flags() {
    if (g_ever_applied) return g_applied;
    return g_recorded.value_or(0);
}

void activate(bool from_co_run) {
    if (g_active) return;
    g_active = true;
    uint32_t flags = g_recorded ? *g_recorded : (from_co_run ? kHookAll : 0);
    // Like 4.8: an empty option leaves what Runtime::enableCoroutine applied.
    if (flags) apply(normalize(flags));
}

void deactivate() {
    if (!g_active) return;
    g_active = false;
    apply(0);
}

void request_end() {
    g_active = false;
    if (g_applied) apply(0);
    g_recorded.reset();
}

}  // namespace swoole::php::runtime

namespace swoole::php {
void runtime_request_end() { runtime::request_end(); }
}  // namespace swoole::php
