--TEST--
Event: defer() runs at the end of the loop iteration, in order; defers added by a defer run in the next one
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Swoole\Event;

var_dump(Event::defer(function () {
    echo "defer 1\n";
    Event::defer(function () { echo "defer 3 (next iteration)\n"; });
}));
Event::defer(function () { echo "defer 2\n"; });
Event::cycle(function () { echo "-- end of iteration\n"; });
Swoole\Timer::after(20, function () {
    echo "timer\n";
    Event::defer(function () { echo "defer from timer\n"; });
    Event::cycle(null);
});
echo "script\n";
Event::wait();
// defer() alone creates the loop, which runs at the end of the script.
Event::defer(function () { echo "implicit loop\n"; });
echo "end\n";
?>
--EXPECT--
bool(true)
script
defer 1
defer 2
-- end of iteration
defer 3 (next iteration)
-- end of iteration
timer
defer from timer
end
implicit loop
