--TEST--
coroutine: max_concurrency queues top-level coroutines beyond the limit; go() still returns their cid at once
--FILE--
<?php
Co::set(['max_concurrency' => 2]);
$running = 0;
$most = 0;
$started = [];
$ids = [];
for ($i = 1; $i <= 5; $i++) {
    $ids[] = go(function ($n) use (&$running, &$most, &$started) {
        $started[] = $n;
        $most = max($most, ++$running);
        Co::sleep(0.02 * $n);
        // Nested coroutines are not top-level: never queued.
        go(function () use (&$started, $n) { $started[] = "child of $n"; });
        $running--;
    }, $i);
}
echo "go returned ", implode(',', $ids), " with ", count($started), " started\n";
Swoole\Event::wait();
echo "most running at once: $most\n";
echo "top-level start order: ", implode(',', array_filter($started, 'is_int')), "\n";
echo "children: ", count($started) - 5, "\n";
?>
--EXPECT--
go returned 1,2,3,4,5 with 2 started
most running at once: 2
top-level start order: 1,2,3,4,5
children: 5
