<?php
// The project's main example for now: PHP coroutines on the kernel's loop.
// Three workers share a channel; the whole run takes as long as the slowest,
// not the sum. (Once the http module lands, tools/run serves HTTP instead.)
use Swoole\Coroutine;
use Swoole\Coroutine\Channel;

printf("swoole %s (Swoole 4.8 API level)\n", swoole_version());
$start = microtime(true);
Co\run(function () use ($start) {
    $results = new Channel(3);
    foreach ([300, 100, 200] as $ms) {
        go(function () use ($ms, $results, $start) {
            Coroutine::sleep($ms / 1000);
            $results->push(sprintf("coroutine %d slept %d ms (done at %.0f ms)", Coroutine::getCid(), $ms,
                (microtime(true) - $start) * 1000));
        });
    }
    for ($i = 0; $i < 3; $i++) echo $results->pop(), "\n";
});
printf("all three finished in %.0f ms\n", (microtime(true) - $start) * 1000);
if (class_exists('Hello\Greeter')) {
    echo Hello\Greeter::greet('module author'), " (the example module from sdk/examples/hello is loaded)\n";
}
