--TEST--
coroutine: exists, list, getElapsed, getStackUsage, getBackTrace, printBackTrace, new Coroutine
--FILE--
<?php
try { new Swoole\Coroutine; } catch (Error $e) { echo $e->getMessage(), "\n"; }
var_dump(Co::getElapsed(), is_int(Co::getStackUsage()));
Co\run(function () {
    $a = go(function () { Co::sleep(0.05); });
    $b = go(function () { Co::sleep(0.05); });
    var_dump(Co::exists($a), Co::exists(12345));
    $list = Co::list();
    var_dump($list instanceof Swoole\Coroutine\Iterator, iterator_to_array($list) == [$b, $a, 1]);
    Co::sleep(0.02);
    var_dump(Co::getElapsed($a) >= 15, Co::getElapsed(12345));
    var_dump(Co::getStackUsage($a) > 0, Co::getStackUsage(12345), swoole_last_error() === SWOOLE_ERROR_CO_NOT_EXISTS);
    $trace = Co::getBackTrace($a);
    var_dump($trace[0]['function'], $trace[0]['class']);
    var_dump(Co::getBackTrace(12345));
    Co::printBackTrace($a);
    function where() { return Co::getBackTrace(); }
    var_dump(where()[0]['function']);
});
var_dump(Co::exists(1));
?>
--EXPECTF--
The object of Swoole\Coroutine can not be created for security reasons
int(-1)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(-1)
bool(true)
bool(false)
bool(true)
string(5) "sleep"
string(16) "Swoole\Coroutine"
bool(false)
#0 %s(%d): Swoole\Coroutine::sleep(0.05)
#1 [internal function]: {closure}()
string(5) "where"
bool(false)
