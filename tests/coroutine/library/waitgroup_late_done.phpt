--TEST--
WaitGroup: a done() after a timed-out wait does not leave a token behind
--FILE--
<?php
Co\run(function () {
    $wg = new Swoole\Coroutine\WaitGroup(1);
    go(function () use ($wg) {
        Co::sleep(0.05);
        $wg->done();
        echo "late done\n";
    });
    var_dump($wg->wait(0.01));
    Co::sleep(0.1);
    // Counter is 0 now: wait returns at once. Then a new round must really wait.
    var_dump($wg->wait(0.01));
    $wg->add(1);
    var_dump($wg->wait(0.02));
    $wg->done();
    var_dump($wg->wait(), $wg->count());
});
?>
--EXPECT--
bool(false)
late done
bool(true)
bool(false)
bool(true)
int(0)
