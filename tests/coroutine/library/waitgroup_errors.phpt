--TEST--
WaitGroup: misuse errors (negative counter, add during wait, concurrent wait) and wait timeout
--FILE--
<?php
use Swoole\Coroutine\WaitGroup;

function attempt(callable $fn) {
    try {
        $fn();
        echo "no exception\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}

Co\run(function () {
    // done() more times than add()
    $wg = new WaitGroup();
    $wg->add();
    $wg->done();
    attempt(fn () => $wg->done());
    var_dump($wg->count());

    // add() that would make the counter negative
    attempt(fn () => $wg->add(-1));
    $wg->add(2);
    attempt(fn () => $wg->add(-3));
    var_dump($wg->count());
    $wg->add(-2);
    var_dump($wg->count());
    attempt(fn () => new WaitGroup(-1));

    // add() and a second wait() while a wait is in progress
    $wg = new WaitGroup(1);
    go(function () use ($wg) {
        Co::sleep(0.01);  // the parent is in wait() now
        attempt(fn () => $wg->add());
        attempt(fn () => $wg->wait());
        $wg->done();
    });
    var_dump($wg->wait());

    // wait() with a timeout and work still pending
    $wg = new WaitGroup(1);
    $start = microtime(true);
    var_dump($wg->wait(0.1));
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.09 && $elapsed < 0.5);
    var_dump($wg->count());
    // after the timeout the group is usable again; a late done() wakes nobody
    go(function () use ($wg) {
        Co::sleep(0.01);
        $wg->done();
    });
    var_dump($wg->wait(1), $wg->count());
});
?>
--EXPECT--
BadMethodCallException: WaitGroup misuse: negative counter
int(0)
InvalidArgumentException: WaitGroup misuse: negative counter
InvalidArgumentException: WaitGroup misuse: negative counter
int(2)
int(0)
InvalidArgumentException: WaitGroup misuse: negative counter
BadMethodCallException: WaitGroup misuse: add called concurrently with wait
BadMethodCallException: WaitGroup misuse: reused before previous wait has returned
bool(true)
bool(false)
bool(true)
int(1)
bool(true)
int(0)
