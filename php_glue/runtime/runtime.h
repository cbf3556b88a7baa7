// Swoole\Runtime internals: the SWOOLE_HOOK_* values, the recorded and applied
// flag sets, and the points where the coroutine runtime switches hooks on
// (activation: first coroutine, Co\run, server worker) and off (its loop is
// torn down). Each hook family installs itself through install_* below.
#pragma once

#include "glue.h"

#include <cstdint>

#include "runtime/hooks.h"

namespace swoole::php::runtime {

// The 4.8 flag values (spec runtime-hooks.md §2).
inline constexpr uint32_t kHookTcp = 1u << 1;
inline constexpr uint32_t kHookUdp = 1u << 2;
inline constexpr uint32_t kHookUnix = 1u << 3;
inline constexpr uint32_t kHookUdg = 1u << 4;
inline constexpr uint32_t kHookSsl = 1u << 5;
inline constexpr uint32_t kHookTls = 1u << 6;
inline constexpr uint32_t kHookStreamFunction = 1u << 7;
inline constexpr uint32_t kHookFile = 1u << 8;
inline constexpr uint32_t kHookSleep = 1u << 9;
inline constexpr uint32_t kHookProc = 1u << 10;
inline constexpr uint32_t kHookCurl = 1u << 11;
inline constexpr uint32_t kHookNativeCurl = 1u << 12;
inline constexpr uint32_t kHookBlockingFunction = 1u << 13;
inline constexpr uint32_t kHookSockets = 1u << 14;
inline constexpr uint32_t kHookStdio = 1u << 15;
// This build has no libcurl integration: "all" leaves NATIVE_CURL out, as 4.8
// does when built without --enable-swoole-curl.
inline constexpr uint32_t kHookAll = 0x7fffffffu & ~kHookNativeCurl;

// Applies flags now (replacing the previous set) and records them as the
// hook_flags option: Runtime::enableCoroutine / setHookFlags.
void enable(uint32_t flags);
// Records flags as the hook_flags option only (Co::set, Server::set): applied
// at the next activation.
void record_hook_flags(int64_t flags);
// The value getHookFlags() reports.
uint32_t reported_flags();

// The coroutine runtime starts: applies the recorded flags (HOOK_ALL for Co\run
// when nothing was recorded). Only the first call until deactivate() acts.
void activate(bool from_co_run);
// Its loop is torn down: every hook is removed (flags 0).
void deactivate();
// RSHUTDOWN: remove every hook and forget the recorded option.
void request_end();

// The hook families this folder implements; each installs (on) or restores (off).
void install_sleep_hooks(bool on);
void install_blocking_hooks(bool on);
void install_file_hooks(bool on);
void install_proc_hooks(bool on);

}  // namespace swoole::php::runtime
