--TEST--
Channel: push() outside a coroutine is the fatal Swoole\Error even when it would not block
--FILE--
<?php
$c = new Swoole\Coroutine\Channel(4);
try {
    $c->push(1);
} catch (Throwable $e) {
    echo "caught\n";
}
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:%d
Stack trace:
#0 %s(%d): Swoole\Coroutine\Channel->push(1)
#1 {main}
  thrown in %s on line %d
