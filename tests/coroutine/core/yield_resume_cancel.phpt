--TEST--
coroutine: yield/resume, resume of a sleeper, cancel rules, isCanceled
--FILE--
<?php
Co\run(function () {
    $y = go(function () {
        echo "yielding\n";
        var_dump(Co::yield());
        echo "resumed\n";
    });
    var_dump(Co::resume($y));
    var_dump(Co::resume(999));
    $s = go(function () { Co::sleep(0.05); });
    var_dump(Co::resume($s));

    var_dump(Co::cancel(Co::getCid()), swoole_last_error() === SWOOLE_ERROR_CO_CANNOT_CANCEL);
    var_dump(Co::cancel(999), swoole_last_error() === SWOOLE_ERROR_CO_NOT_EXISTS);
    swoole_clear_error();
    $c = go(function () {
        $t = microtime(true);
        $r = Co::sleep(10000);
        var_dump($r, Co::isCanceled(), swoole_last_error() === SWOOLE_ERROR_CO_CANCELED, microtime(true) - $t < 1);
        Co::sleep(0.001);
        var_dump(Co::isCanceled());
    });
    var_dump(Co::cancel($c));
    $w = go(function () { var_dump(Co::yield()); });
    var_dump(Co::cancel($w));
});
?>
--EXPECTF--
yielding
bool(true)
resumed
bool(true)

Warning: Swoole\Coroutine::resume(): can not resume the coroutine which is in IO operation or non-existent in %s on line %d
bool(false)

Warning: Swoole\Coroutine::resume(): can not resume the coroutine which is in IO operation or non-existent in %s on line %d
bool(false)
bool(false)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
