--TEST--
coroutine: the preemptive scheduler interleaves busy coroutines; disableScheduler keeps one running
--INI--
swoole.enable_preemptive_scheduler=1
--FILE--
<?php
function busy(float $seconds) { $end = microtime(true) + $seconds; while (microtime(true) < $end); }
$order = [];
Co\run(function () use (&$order) {
    go(function () use (&$order) { busy(0.1); $order[] = 'A'; });
    go(function () use (&$order) { $order[] = 'B started'; });
});
// B ran while A was still busy: A was preempted.
echo implode(', ', $order), "\n";

$order = [];
Co\run(function () use (&$order) {
    go(function () use (&$order) {
        var_dump(Co::disableScheduler(), Co::disableScheduler());
        busy(0.1);
        $order[] = 'A';
        var_dump(Co::enableScheduler(), Co::enableScheduler());
    });
    go(function () use (&$order) { $order[] = 'B started'; });
});
echo implode(', ', $order), "\n";
?>
--EXPECT--
B started, A
bool(true)
bool(false)
bool(true)
bool(false)
A, B started
