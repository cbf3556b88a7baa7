--TEST--
coroutine: a suspending API outside a coroutine is a fatal Swoole\Error, even inside try/catch
--FILE--
<?php
var_dump(Co::getCid(), Co::getPcid());
try {
    Co::sleep(1);
} catch (Throwable $e) {
    echo "caught: must not happen\n";
}
echo "not reached\n";
?>
--EXPECTF--
int(-1)
bool(false)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): Swoole\Coroutine::sleep(1)
#1 {main}
  thrown in %s on line %d
