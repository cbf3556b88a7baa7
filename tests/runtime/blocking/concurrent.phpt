--TEST--
runtime: hooked shell_exec/exec in two coroutines run at the same time while a timer keeps ticking
--FILE--
<?php
$start = microtime(true);
$ticks = 0;
Co\run(function () use (&$ticks) {
    $id = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
    $wg = new Swoole\Coroutine\WaitGroup();
    $wg->add(2);
    go(function () use ($wg) { var_dump(shell_exec('sleep 0.3; echo a')); $wg->done(); });
    go(function () use ($wg) { var_dump(exec('sleep 0.3; echo b', $o, $rc), $rc); $wg->done(); });
    $wg->wait();
    Swoole\Timer::clear($id);
});
$elapsed = microtime(true) - $start;
var_dump($elapsed < 0.55, $ticks >= 10);
?>
--EXPECT--
string(2) "a
"
string(1) "b"
int(0)
bool(true)
bool(true)
