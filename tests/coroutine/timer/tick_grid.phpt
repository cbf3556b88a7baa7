--TEST--
Timer: a tick stays on its grid; the tick after a slow callback is postponed by as much, later ones are back on the grid
--FILE--
<?php
// Tick 50 ms, the 2nd callback busy 30 ms: fires at about 50, 100, 180, 200, 250, 300.
$start = microtime(true);
$at = [];
Swoole\Timer::tick(50, function ($id) use ($start, &$at) {
    $at[] = (microtime(true) - $start) * 1000;
    if (count($at) == 2) usleep(30000);
    if (count($at) == 6) Swoole\Timer::clear($id);
});
Swoole\Event::wait();
$expected = [50, 100, 180, 200, 250, 300];
foreach ($at as $i => $ms) {
    $ok = $ms >= $expected[$i] - 2 && $ms < $expected[$i] + 20;
    echo $expected[$i], ": ", $ok ? "ok" : "off (" . round($ms) . ")", "\n";
}
?>
--EXPECT--
50: ok
100: ok
180: ok
200: ok
250: ok
300: ok
