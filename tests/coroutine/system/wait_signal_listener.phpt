--TEST--
system: waitSignal refuses a signal that has an async listener (Process::signal)
--FILE--
<?php
Co\run(function () {
    Swoole\Process::signal(SIGUSR2, function () {});
    var_dump(Co\System::waitSignal(SIGUSR2, 0.1));
    Swoole\Process::signal(SIGUSR2, null);
    var_dump(Co\System::waitSignal(SIGUSR2, 0.05));
});
?>
--EXPECTF--
Warning: Swoole\Coroutine\System::waitSignal(): Unable to wait signal, async signal listener has been registered in %s on line %d
bool(false)
bool(false)
