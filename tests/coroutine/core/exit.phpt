--TEST--
coroutine: exit() inside a coroutine throws Swoole\ExitException with the status and flags
--FILE--
<?php
Co\run(function () {
    try {
        exit(3);
    } catch (Swoole\ExitException $e) {
        var_dump($e->getMessage(), $e->getCode(), $e->getStatus(), (bool)($e->getFlags() & SWOOLE_EXIT_IN_COROUTINE));
    }
    try {
        exit;
    } catch (Swoole\ExitException $e) {
        var_dump($e->getStatus());
    }
    try {
        die(['a' => 1]);
    } catch (Swoole\ExitException $e) {
        var_dump($e->getStatus());
    } finally {
        echo "finally\n";
    }
});
go(function () { exit(4); });
?>
--EXPECTF--
string(11) "swoole exit"
int(0)
int(3)
bool(true)
NULL
array(1) {
  ["a"]=>
  int(1)
}
finally

Fatal error: Uncaught Swoole\ExitException: swoole exit in %s:%d
Stack trace:
#0 [internal function]: {closure}()
#1 {main}
  thrown in %s on line %d
