--TEST--
Timer: with swoole.enable_coroutine=0 callbacks are called directly; Timer::set() switches it
--INI--
swoole.enable_coroutine=0
--FILE--
<?php
use Swoole\Timer;

Timer::after(1, function () {
    echo "direct: ", Co::getCid(), "\n";
    Timer::set(['enable_coroutine' => true]);
    Timer::after(1, function () {
        echo "coroutine: ", var_export(Co::getCid() > 0, true), "\n";
        swoole_timer_set(['enable_coroutine' => false]);
        Timer::tick(1, function ($id, $x) {
            echo "direct tick: ", Co::getCid(), " $x\n";
            Timer::clear($id);
        }, 'arg');
    });
});
Swoole\Event::wait();
var_dump(Timer::set(['other' => 1]));
?>
--EXPECT--
direct: -1
coroutine: true
direct tick: -1 arg
NULL
