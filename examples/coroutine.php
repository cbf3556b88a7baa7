<?php
// The project's first example: the kernel runs a coroutine and a timer for the
// example module `hello` (sdk/examples/hello), and the extension reports what it
// loaded. PHP-level coroutines (go, Co\run) plug into the same kernel next.
printf("swoole %s (Swoole 4.8 API level)\n", swoole_version());
if (!class_exists('Hello\Greeter')) {
    fwrite(STDERR, "the hello module is not loaded (check swoole.modules / swoole.module_dir)\n");
    exit(1);
}
echo Hello\Greeter::greet('swoole'), "\n";
$start = microtime(true);
$events = Hello\Greeter::wait(100);
printf("kernel coroutine slept 100 ms while a timer fired at 50 ms: %s (%.0f ms)\n",
    implode(' -> ', $events), (microtime(true) - $start) * 1000);
