--TEST--
coroutine: join waits for all, rejects self, empty lists and a second joiner; times out
--FILE--
<?php
Co\run(function () {
    var_dump(Co::join([]), swoole_last_error() === SWOOLE_ERROR_INVALID_PARAMS);
    var_dump(Co::join([Co::getCid()]), swoole_last_error() === SWOOLE_ERROR_WRONG_OPERATION);
    $ids = [];
    for ($i = 0; $i < 10; $i++) $ids[] = go(fn() => Co::sleep(0.3));
    $t = microtime(true);
    var_dump(Co::join(array_merge($ids, [99999])));
    $e = microtime(true) - $t;
    var_dump($e > 0.25 && $e < 0.6);
    $long = go(fn() => Co::sleep(0.5));
    go(function () use ($long) { var_dump(Co::join([$long])); echo "first joiner done\n"; });
    var_dump(Co::join([$long], 0.1), swoole_last_error() === SWOOLE_ERROR_CO_HAS_BEEN_BOUND);
    $other = go(fn() => Co::sleep(1));
    $t = microtime(true);
    var_dump(Co::join([$other], 0.1), swoole_last_error() === SWOOLE_ERROR_CO_TIMEDOUT, microtime(true) - $t < 0.5);
    Co::cancel($other);
});
?>
--EXPECTF--
bool(false)
bool(true)

Warning: Swoole\Coroutine::join(): can not join self in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
first joiner done
