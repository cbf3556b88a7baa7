--TEST--
Swoole\Coroutine\defer() outside a coroutine is the "API must be called in the coroutine" fatal error
--FILE--
<?php
try {
    Swoole\Coroutine\defer(function () {});
} catch (Throwable $e) {
    echo "caught\n";
}
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s
Stack trace:
%A
