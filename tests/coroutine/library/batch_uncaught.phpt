--TEST--
batch(): an exception thrown by a task is the usual uncaught-exception fatal error
--FILE--
<?php
Co\run(function () {
    try {
        Swoole\Coroutine\batch([
            'ok' => fn () => 1,
            'bad' => function () {
                Co::sleep(0.01);
                throw new LogicException('task failed');
            },
        ]);
    } catch (Throwable $e) {
        echo "not caught here\n";
    }
    echo "not reached\n";
});
?>
--EXPECTF--
Fatal error: Uncaught LogicException: task failed in %s:%d
Stack trace:
%A
