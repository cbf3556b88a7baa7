--TEST--
runtime stream: with HOOK_TCP on, fsockopen at top level (no coroutine) is the fatal "API must be called in the coroutine"
--FILE--
<?php
Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_TCP);
var_dump(Swoole\Runtime::getHookFlags());
fsockopen('127.0.0.1', 9);
echo "not reached\n";
?>
--EXPECTF--
int(2)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): fsockopen('127.0.0.1', 9)
#1 {main}
  thrown in %s on line %d
