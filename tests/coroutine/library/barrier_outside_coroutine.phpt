--TEST--
Barrier: wait() outside a coroutine is the usual "API must be called in the coroutine" fatal error
--FILE--
<?php
$barrier = Swoole\Coroutine\Barrier::make();
try {
    Swoole\Coroutine\Barrier::wait($barrier);
} catch (Throwable $e) {
    echo "caught\n";
}
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s
Stack trace:
%A
