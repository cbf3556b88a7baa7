--TEST--
Barrier: wait() with a timeout returns early; the children finish later without effect
--FILE--
<?php
use Swoole\Coroutine\Barrier;

$begin = microtime(true);
Co\run(function () {
    $barrier = Barrier::make();
    go(function () use ($barrier) {
        Co::sleep(0.2);
        echo "slow child done\n";
    });
    $start = microtime(true);
    Barrier::wait($barrier, 0.05);
    $elapsed = microtime(true) - $start;
    echo "wait returned\n";
    var_dump($elapsed >= 0.04 && $elapsed < 0.15);

    // A timeout that does not expire: the children end first; the timer is gone.
    $barrier = Barrier::make();
    go(function () use ($barrier) {
        Co::sleep(0.01);
        echo "fast child done\n";
    });
    Barrier::wait($barrier, 1);
    echo "second wait returned\n";
});
echo "run returned\n";
// The unexpired timer was cleared: the loop did not wait for it.
var_dump(microtime(true) - $begin < 0.8);
?>
--EXPECT--
wait returned
bool(true)
fast child done
second wait returned
slow child done
run returned
bool(true)
