--TEST--
system: exec refuses to run while a SIGCHLD listener is registered with Process::signal
--FILE--
<?php
Co\run(function () {
    Swoole\Process::signal(SIGCHLD, function () {});
    var_dump(Co\System::exec('echo never'));
    Swoole\Process::signal(SIGCHLD, null);
    var_dump(Co\System::exec('echo now')['output']);
});
?>
--EXPECTF--
Warning: Swoole\Coroutine\System::exec(): The signal [SIGCHLD] is registered, cannot execute swoole_coroutine_exec in %s on line %d
bool(false)
string(4) "now
"
