--TEST--
Event: cycle() callbacks at the end (or start) of every iteration; null clears; one per position
--FILE--
<?php
use Swoole\Event;

$n = 0;
Swoole\Timer::after(100, function () {
    echo "timer [1]\n";
    Swoole\Timer::after(100, function () {
        echo "timer [2]\n";
    });
    Event::defer(function () {
        echo "defer [2]\n";
    });
});
var_dump(Event::cycle(null));  // nothing set
Event::cycle(function () { echo "replaced\n"; });
var_dump(Event::cycle(function () use (&$n) {
    echo "cycle [$n]\n";
    $n++;
    if ($n == 3) {
        var_dump(Event::cycle(null));
    }
}));
$m = 0;
Event::cycle(function () use (&$m) {
    echo "before [$m]\n";
    if (++$m == 2) Event::cycle(null, true);
}, true);
Event::wait();
echo "done\n";
?>
--EXPECT--
bool(false)
bool(true)
before [0]
cycle [0]
before [1]
timer [1]
defer [2]
cycle [1]
timer [2]
cycle [2]
bool(true)
done
