--TEST--
WaitGroup and Barrier: a canceled waiter returns (false for WaitGroup) and later wake-ups are harmless
--FILE--
<?php
use Swoole\Coroutine\Barrier;
use Swoole\Coroutine\WaitGroup;

Co\run(function () {
    $wg = new WaitGroup(1);
    $waiter = go(function () use ($wg) {
        var_dump($wg->wait());
        var_dump(Co::isCanceled());
    });
    var_dump(Co::cancel($waiter));
    $wg->done();
    var_dump($wg->count(), $wg->wait());

    $barrier = Barrier::make();
    go(function () use ($barrier) {
        Co::sleep(0.02);
        echo "child end\n";
    });
    $waiter = go(function () use (&$barrier) {
        Barrier::wait($barrier);
        echo "barrier wait returned\n";
    });
    var_dump(Co::cancel($waiter));
    Co::sleep(0.05);
    echo "done\n";
});
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
int(0)
bool(true)
barrier wait returned
bool(true)
child end
done
