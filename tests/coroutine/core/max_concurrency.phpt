--TEST--
coroutine: max_concurrency queues top-level coroutines beyond the limit; go() still returns their cid at once
--FILE--
<?php
Co::set(['max_concurrency' => 2]);
$start = microtime(true);
$ids = [];
for ($i = 1; $i <= 5; $i++) {
    $ids[] = go(function ($n) use ($start) {
        printf("start %d at %d\n", $n, (microtime(true) - $start) * 10);
        Co::sleep(0.1);
        go(function () use ($n) { echo "child of $n runs at once\n"; });
    }, $i);
}
echo "go returned ", implode(',', $ids), "\n";
Swoole\Event::wait();
echo "done\n";
?>
--EXPECT--
start 1 at 0
start 2 at 0
go returned 1,2,3,4,5
child of 1 runs at once
child of 2 runs at once
start 3 at 1
start 4 at 1
child of 3 runs at once
child of 4 runs at once
start 5 at 2
child of 5 runs at once
done
