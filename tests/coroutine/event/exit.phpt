--TEST--
Event: exit() stops the loop after the current iteration and clears the timers; wait() returns with fds still added
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Event::add($a, function ($s) { echo "never read\n"; });
Swoole\Timer::after(1000, function () { echo "never\n"; });
$n = 0;
Swoole\Timer::tick(10, function ($id) use (&$n) {
    echo "tick ", ++$n, "\n";
    if ($n == 3) {
        swoole_event_exit();
        var_dump(Swoole\Timer::exists($id), count(Swoole\Timer::list()));
        echo "exit called\n";
    }
});
Event::defer(function () { echo "defer\n"; });
$start = microtime(true);
Event::wait();
echo "wait returned\n";
var_dump(microtime(true) - $start < 0.5);
// What was left is not run again at the end of the script.
?>
--EXPECT--
defer
tick 1
tick 2
tick 3
bool(false)
int(0)
exit called
wait returned
bool(true)
