--TEST--
Timer: clear() from inside the timer's own callback, of other timers, of fired or unknown ids
--FILE--
<?php
use Swoole\Timer;

var_dump(Timer::clear(1));  // no timer yet
$n = 0;
$tick = Timer::tick(20, function ($id) use (&$n) {
    $n++;
    echo "tick $n\n";
    if ($n == 3) {
        var_dump(Timer::clear($id));      // true: cleared from its own callback
        var_dump(Timer::exists($id));     // false at once
        var_dump(Timer::info($id)['removed']);
        var_dump(Timer::clear($id));      // already cleared
    }
});
$once = Timer::after(5, function () use (&$once) {
    var_dump(Timer::exists($once));       // a one-shot exists during its callback
    var_dump(Timer::clear($once));        // and may clear itself
    var_dump(Timer::exists($once));
});
$victim = Timer::after(200, function () { echo "never\n"; });
Timer::after(50, function () use ($victim) {
    var_dump(Timer::clear($victim));
});
$fired = Timer::after(1, function () {});
Timer::after(100, function () use ($fired, $tick) {
    var_dump(Timer::clear($fired));       // a fired one-shot is gone
    var_dump(Timer::clear($tick));        // so is a cleared tick
    var_dump(Timer::clear(999999));
    var_dump(Timer::exists($fired), Timer::info($fired));
});
Swoole\Event::wait();
echo "ticks: $n\n";
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(false)
tick 1
tick 2
bool(true)
tick 3
bool(true)
bool(false)
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
NULL
ticks: 3
