--TEST--
Timer: an exception thrown by a callback (in its coroutine) is a fatal error; no later timer runs
--FILE--
<?php
Swoole\Timer::after(5, function () {
    echo "in ", Co::getCid(), "\n";
    throw new Exception('boom');
});
Swoole\Timer::after(50, function () {
    echo "never\n";
});
Swoole\Event::wait();
echo "never after wait\n";
?>
--EXPECTF--
in 1

Fatal error: Uncaught Exception: boom in %s:%d
Stack trace:
#0 [internal function]: {closure}()
#1 {main}
  thrown in %s on line %d
