--TEST--
coroutine: sleep bounds, overlapping sleeps, 10,000 sleepers in well under a second
--FILE--
<?php
Co\run(function () {
    var_dump(Co::sleep(0.0001));
    var_dump(Co::sleep(0));
    $t = microtime(true);
    for ($i = 0; $i < 10000; $i++) {
        go(function () { Co::sleep(0.1); });
    }
    $created = microtime(true);
    Co::sleep(0.15);
    $stats = Co::stats();
    printf("all woke: %s\n", $stats['coroutine_num'] === 1 ? 'yes' : 'no ' . $stats['coroutine_num']);
    // They sleep together: everything is over soon after the last was created
    // (the cost of creating them is measured by tools/bench, not asserted here).
    $after_creation = microtime(true) - $created;
    var_dump($after_creation < 0.6 ? true : "took $after_creation s after creation");
});
?>
--EXPECTF--
Warning: Swoole\Coroutine::sleep(): Timer must be greater than or equal to 0.001 in %s on line %d
bool(false)

Warning: Swoole\Coroutine::sleep(): Timer must be greater than or equal to 0.001 in %s on line %d
bool(false)
all woke: yes
bool(true)
