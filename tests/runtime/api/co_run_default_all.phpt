--TEST--
runtime: a plain Co\run (no hook_flags ever set) runs with SWOOLE_HOOK_ALL, and a top-level go() with the recorded option
--FILE--
<?php
Co\run(function () {
    var_dump(Swoole\Runtime::getHookFlags() === SWOOLE_HOOK_ALL);
});
var_dump(Swoole\Runtime::getHookFlags());
Co::set(['hook_flags' => SWOOLE_HOOK_BLOCKING_FUNCTION]);
go(function () {
    var_dump(Swoole\Runtime::getHookFlags());
    echo shell_exec('echo from-go');
});
echo "before the loop\n";
Swoole\Event::wait();
var_dump(Swoole\Runtime::getHookFlags());      // the loop is gone, so are the hooks
?>
--EXPECT--
bool(true)
int(0)
int(8192)
before the loop
from-go
int(0)
