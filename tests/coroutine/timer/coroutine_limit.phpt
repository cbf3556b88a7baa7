--TEST--
Timer: when no coroutine can be created for a callback it warns and the timer carries on
--FILE--
<?php
Co::set(['max_coroutine' => 1]);
go(function () {
    Co::sleep(0.05);
    echo "slept\n";
});
$n = 0;
Swoole\Timer::tick(30, function ($id) use (&$n) {
    echo "tick ", ++$n, "\n";
    Swoole\Timer::clear($id);
});
Swoole\Event::wait();
?>
--EXPECTF--
Warning: %s: exceed max number of coroutine 1 in %s on line %d

Warning: %s: Swoole\Timer->onTimeout handler error in %s on line %d
slept
tick 1
