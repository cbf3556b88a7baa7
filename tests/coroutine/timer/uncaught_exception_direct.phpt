--TEST--
Timer: an exception thrown by a callback called directly (coroutines off) is a fatal error at once
--INI--
swoole.enable_coroutine=0
--FILE--
<?php
Swoole\Timer::tick(5, function () {
    echo "in ", Co::getCid(), "\n";
    throw new RuntimeException('boom');
});
Swoole\Timer::after(50, function () {
    echo "never\n";
});
Swoole\Event::wait();
echo "never after wait\n";
?>
--EXPECTF--
in -1

Fatal error: Uncaught RuntimeException: boom in %s:%d
Stack trace:
#0 [internal function]: {closure}(1)
#1 %s(%d): Swoole\Event::wait()
#2 {main}
  thrown in %s on line %d
