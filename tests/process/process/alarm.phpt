--TEST--
process: alarm delivers SIGALRM through the loop at the interval; clearing; not after a Timer exists
--FILE--
<?php
use Swoole\Process;
use Swoole\Timer;
$count = 0;
Process::signal(SIGALRM, function () use (&$count) {
    if (++$count === 3) {
        var_dump(Process::alarm(-1));
        Process::signal(SIGALRM, null);
        echo "three alarms\n";
    }
});
var_dump(Process::alarm(20 * 1000));
// A handler alone does not keep the loop running: this coroutine does, until
// three alarms came (or a generous guard ran out).
go(function () use (&$count) {
    for ($i = 0; $i < 500 && $count < 3; $i++) Co::sleep(0.01);
});
Swoole\Event::wait();
var_dump($count);
Timer::after(1000, function () {});
var_dump(Process::alarm(1000));
Timer::clearAll();
?>
--EXPECTF--
bool(true)
bool(true)
three alarms
int(3)

Warning: Swoole\Process::alarm(): cannot use both 'timer' and 'alarm' at the same time in %s on line %d
bool(false)

Deprecated: Swoole\Event::rshutdown(): Event::wait() in shutdown function is deprecated in Unknown on line 0
