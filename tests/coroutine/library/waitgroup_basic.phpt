--TEST--
WaitGroup: add/done/wait/count, constructor delta, wait on zero returns at once
--FILE--
<?php
use Swoole\Coroutine\WaitGroup;

Co\run(function () {
    $wg = new WaitGroup();
    var_dump($wg->count(), $wg->wait());

    $start = microtime(true);
    foreach ([3, 1, 2] as $n) {
        $wg->add();
        go(function () use ($wg, $n) {
            Co::sleep($n / 100);
            echo "job $n\n";
            $wg->done();
        });
    }
    var_dump($wg->count());
    var_dump($wg->wait());
    var_dump($wg->count());
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.025 && $elapsed < 0.5);

    // The constructor's delta, add() with a larger delta, done() from coroutines
    // that never yield.
    $wg = new WaitGroup(2);
    $wg->add(3);
    var_dump($wg->count());
    for ($i = 0; $i < 5; $i++) {
        go(fn () => $wg->done());
    }
    var_dump($wg->count(), $wg->wait());

    // The same group can be used again once a wait has returned.
    $wg->add(1);
    go(function () use ($wg) {
        Co::sleep(0.01);
        $wg->done();
    });
    var_dump($wg->wait(1));
});
?>
--EXPECT--
int(0)
bool(true)
int(3)
job 1
job 2
job 3
bool(true)
int(0)
bool(true)
int(5)
int(0)
bool(true)
bool(true)
