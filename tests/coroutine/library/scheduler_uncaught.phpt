--TEST--
Scheduler: an uncaught exception in a task is the usual fatal error; later tasks never start
--FILE--
<?php
$s = new Swoole\Coroutine\Scheduler();
$s->add(function () {
    echo "task 1\n";
    Co::sleep(0.05);
    echo "task 1 never resumes\n";
});
$s->add(function () {
    throw new RuntimeException('boom');
});
$s->add(function () {
    echo "task 3 never starts\n";
});
$s->start();
echo "not reached\n";
?>
--EXPECTF--
task 1

Fatal error: Uncaught RuntimeException: boom in %s:%d
Stack trace:
%A
