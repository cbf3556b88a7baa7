--TEST--
runtime: Co\run applies SWOOLE_HOOK_ALL unless hook_flags was set (Co::set or enableCoroutine); hooks are removed when the loop ends
--FILE--
<?php
use Swoole\Runtime;
Co::set(['hook_flags' => SWOOLE_HOOK_SLEEP]);
var_dump(Runtime::getHookFlags());                 // never applied yet: the option
Co\run(function () { var_dump(Runtime::getHookFlags()); });
var_dump(Runtime::getHookFlags());                 // removed at loop teardown
Co::set(['hook_flags' => SWOOLE_HOOK_CURL]);
Co\run(function () { var_dump(Runtime::getHookFlags() === SWOOLE_HOOK_CURL); });
var_dump(Runtime::getHookFlags());
Runtime::enableCoroutine();                        // recorded as the option too
Co\run(function () { var_dump(Runtime::getHookFlags() === SWOOLE_HOOK_ALL); });
var_dump(Runtime::getHookFlags());
Runtime::enableCoroutine(false);                   // a later Co\run runs without hooks
Co\run(function () { var_dump(Runtime::getHookFlags()); });
Runtime::enableCoroutine(SWOOLE_HOOK_FILE);
Co\run(function () {
    Runtime::setHookFlags(SWOOLE_HOOK_SLEEP);      // immediate inside the loop as well
    var_dump(Runtime::getHookFlags());
});
var_dump(Runtime::getHookFlags());
?>
--EXPECT--
int(512)
int(512)
int(0)
bool(true)
int(0)
bool(true)
int(0)
int(0)
int(512)
int(0)
