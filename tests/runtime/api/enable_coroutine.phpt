--TEST--
runtime: enableCoroutine's four forms, setHookFlags, getHookFlags; negative flags mean 0; TypeError for other types; CURL|NATIVE_CURL warns
--FILE--
<?php
use Swoole\Runtime;
var_dump(Runtime::getHookFlags());                     // nothing applied at script start
var_dump(Runtime::enableCoroutine());                  // all
var_dump(Runtime::getHookFlags() === SWOOLE_HOOK_ALL);
Runtime::enableCoroutine(SWOOLE_HOOK_SLEEP);           // replaces the set
var_dump(Runtime::getHookFlags());
Runtime::enableCoroutine(true, SWOOLE_HOOK_FILE | SWOOLE_HOOK_PROC);
var_dump(Runtime::getHookFlags());
Runtime::enableCoroutine(false);
var_dump(Runtime::getHookFlags());
Runtime::enableCoroutine(SWOOLE_HOOK_ALL);
var_dump(Runtime::enableCoroutine(-5), Runtime::getHookFlags());
var_dump(Runtime::setHookFlags(SWOOLE_HOOK_SLEEP | SWOOLE_HOOK_BLOCKING_FUNCTION), Runtime::getHookFlags());
try {
    Runtime::enableCoroutine('x');
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
try {
    Runtime::enableCoroutine(1.5);
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(Runtime::getHookFlags());                     // unchanged by the failed calls
var_dump(Runtime::enableCoroutine(SWOOLE_HOOK_CURL | SWOOLE_HOOK_NATIVE_CURL));
var_dump(Runtime::getHookFlags() === SWOOLE_HOOK_NATIVE_CURL);
var_dump(swoole_runtime::setHookFlags(0), swoole_runtime::getHookFlags());
?>
--EXPECTF--
int(0)
bool(true)
bool(true)
int(512)
int(1280)
int(0)
bool(true)
int(0)
bool(true)
int(8704)
TypeError: Swoole\Runtime::enableCoroutine() expects parameter 1 to be bool or long, string given
Swoole\Runtime::enableCoroutine() expects parameter 1 to be bool or long, float given
int(8704)

Warning: Swoole\Runtime::enableCoroutine(): cannot enable both hooks HOOK_NATIVE_CURL and HOOK_CURL at same time in %s on line %d
bool(true)
bool(true)
bool(true)
int(0)
