--TEST--
system: waitSignal returns on the signal, times out, refuses invalid signals and a second waiter; cancel
--FILE--
<?php
Co\run(function () {
    go(function () {
        Co::sleep(0.05);
        Co\System::exec('kill -USR1 ' . getmypid());
    });
    var_dump(Co\System::waitSignal(SIGUSR1, 5));

    $t = microtime(true);
    var_dump(Co\System::waitSignal(SIGUSR2, 0.1));
    var_dump(microtime(true) - $t >= 0.09, swoole_errno(), swoole_last_error());

    var_dump(Co\System::waitSignal(0));
    var_dump(Co\System::waitSignal(999));
    var_dump(Co\System::waitSignal(SIGKILL));

    // Two waiters on one signal: the second is refused.
    go(function () { var_dump(Co\System::waitSignal(SIGUSR2, 0.1)); });
    var_dump(Co\System::waitSignal(SIGUSR2, 0.1));
    Co::sleep(0.15);

    // A canceled wait.
    $cid = go(function () {
        var_dump(Co\System::waitSignal(SIGUSR1));
        var_dump(swoole_last_error() === SWOOLE_ERROR_CO_CANCELED, Co::isCanceled());
    });
    var_dump(Co::cancel($cid));
});
?>
--EXPECTF--
bool(true)
bool(false)
bool(true)
int(110)
int(110)

Warning: Swoole\Coroutine\System::waitSignal(): Invalid signal [0] in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::waitSignal(): Invalid signal [999] in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::waitSignal(): Invalid signal [9] in %s on line %d
bool(false)

Warning: Swoole\Coroutine\System::waitSignal(): Signal can only be monitored by one coroutine in %s on line %d
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
