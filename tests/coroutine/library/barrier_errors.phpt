--TEST--
Barrier: waiting again on a barrier that is being waited on throws Swoole\Exception
--FILE--
<?php
use Swoole\Coroutine\Barrier;

Co\run(function () {
    $barrier = Barrier::make();
    go(function () use ($barrier) {
        Co::sleep(0.01);
        $copy = $barrier;
        try {
            Barrier::wait($copy);
        } catch (Swoole\Exception $e) {
            echo get_class($e), ': ', $e->getMessage(), "\n";
        }
        var_dump($copy === $barrier);
    });
    Barrier::wait($barrier);
    echo "done\n";
});
?>
--EXPECT--
Swoole\Exception: The barrier is waiting, cannot wait again.
bool(true)
done
