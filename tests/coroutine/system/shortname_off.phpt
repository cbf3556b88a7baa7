--TEST--
system: without swoole.use_shortname there is no Co\System, the full name works
--INI--
swoole.use_shortname=Off
--FILE--
<?php
var_dump(class_exists('Co\System', false), class_exists('Swoole\Coroutine\System', false));
Swoole\Coroutine\run(function () {
    var_dump(Swoole\Coroutine\System::exec('echo ok')['output']);
});
?>
--EXPECT--
bool(false)
bool(true)
string(3) "ok
"
