--TEST--
runtime: during a hooked usleep a timer keeps ticking; with the hook off (enableCoroutine(false) before Co\run) sleeps block the loop
--FILE--
<?php
function ticks_during_sleep(): array {
    $ticks = 0;
    $start = microtime(true);
    Co\run(function () use (&$ticks) {
        $id = Swoole\Timer::tick(10, function () use (&$ticks) { $ticks++; });
        go(function () { usleep(200000); });
        go(function () use ($id) { usleep(200000); Swoole\Timer::clear($id); });
    });
    return [$ticks, microtime(true) - $start];
}
[$ticks, $elapsed] = ticks_during_sleep();
var_dump($ticks >= 5, $elapsed < 0.38);
Swoole\Runtime::enableCoroutine();
Swoole\Runtime::enableCoroutine(false);
[$ticks, $elapsed] = ticks_during_sleep();
var_dump($ticks <= 2, $elapsed >= 0.39);   // two sleeps one after the other, nothing ran meanwhile
var_dump(Swoole\Runtime::getHookFlags());
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
int(0)
