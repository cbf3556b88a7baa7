--TEST--
Barrier: wait() returns once every coroutine holding the barrier has ended
--FILE--
<?php
use Swoole\Coroutine\Barrier;

Co\run(function () {
    $barrier = Barrier::make();
    var_dump($barrier instanceof Barrier);
    $start = microtime(true);
    foreach ([3, 1, 2] as $n) {
        go(function () use ($barrier, $n) {
            Co::sleep($n / 100);
            echo "child $n\n";
        });
    }
    // A child that ends before wait() is called.
    go(function () use ($barrier) {
        echo "quick child\n";
    });
    Barrier::wait($barrier);
    var_dump($barrier);
    echo "all done\n";
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.025 && $elapsed < 0.5);

    // Nested: a child starts a grandchild that also holds the barrier.
    $barrier = Barrier::make();
    go(function () use ($barrier) {
        go(function () use ($barrier) {
            Co::sleep(0.02);
            echo "grandchild\n";
        });
        Co::sleep(0.01);
        echo "child\n";
    });
    Barrier::wait($barrier);
    echo "nested done\n";

    // No child at all: returns at once.
    $barrier = Barrier::make();
    Barrier::wait($barrier);
    echo "empty done\n";

    // Many children at once.
    $barrier = Barrier::make();
    $count = 0;
    for ($i = 0; $i < 100; $i++) {
        go(function () use ($barrier, &$count) {
            Co::sleep(0.01);
            $count++;
        });
    }
    Barrier::wait($barrier);
    var_dump($count);
});
?>
--EXPECT--
bool(true)
quick child
child 1
child 2
child 3
NULL
all done
bool(true)
child
grandchild
nested done
empty done
int(100)
