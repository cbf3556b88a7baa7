--TEST--
Scheduler: add/parallel while running, start with no task or inside a loop
--FILE--
<?php
$s = new Co\Scheduler();
// Nothing queued: fails without leaving an event loop behind.
var_dump($s->start());

$s->add(function () use ($s) {
    var_dump($s->add(function () {}));
    var_dump($s->parallel(2, function () {}));
    var_dump($s->start());
    $other = new Swoole\Coroutine\Scheduler();
    $other->add(function () { echo "never\n"; });
    var_dump($other->start());
    var_dump(Co\run(function () { echo "never\n"; }));
});
var_dump($s->start());

// A scheduler that already ran has an empty queue again.
var_dump($s->start());

// And the loop is gone: Co\run and a new scheduler still work.
var_dump(Co\run(function () { echo "run works\n"; }));
$s->add(function () { echo "reused scheduler works\n"; });
var_dump($s->start());
?>
--EXPECTF--
Warning: Swoole\Coroutine\Scheduler::start(): no coroutine task in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Scheduler::add(): scheduler is running, unable to execute Swoole\Coroutine\Scheduler->add in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Scheduler::parallel(): scheduler is running, unable to execute Swoole\Coroutine\Scheduler->parallel in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Scheduler::start(): eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Scheduler::start(): eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)

Warning: %s(): eventLoop has already been created. unable to start Swoole\Coroutine\Scheduler in %s on line %d
bool(false)
bool(true)

Warning: Swoole\Coroutine\Scheduler::start(): no coroutine task in %s on line %d
bool(false)
run works
bool(true)
reused scheduler works
bool(true)
