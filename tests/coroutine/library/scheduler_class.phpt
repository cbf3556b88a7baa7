--TEST--
Scheduler: final, not cloneable, not serializable, argument checks
--FILE--
<?php
$s = new Swoole\Coroutine\Scheduler();
try {
    $c = clone $s;
} catch (Error $e) {
    echo $e->getMessage(), "\n";
}
try {
    serialize($s);
} catch (Exception $e) {
    echo $e->getMessage(), "\n";
}
try {
    $s->add('no_such_function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
try {
    $s->parallel('x', function () {});
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
try {
    $s->set('x');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
// The failed calls queued nothing.
var_dump($s->start());
eval('class MyScheduler extends Swoole\Coroutine\Scheduler {}');
?>
--EXPECTF--
Trying to clone an uncloneable object of class Swoole\Coroutine\Scheduler
Serialization of 'Swoole\Coroutine\Scheduler' is not allowed
Swoole\Coroutine\Scheduler::add(): Argument #1 ($func) must be a valid callback, function "no_such_function" not found or invalid function name
Swoole\Coroutine\Scheduler::parallel(): Argument #1 ($n) must be of type int, string given
Swoole\Coroutine\Scheduler::set(): Argument #1 ($settings) must be of type array, string given

Warning: Swoole\Coroutine\Scheduler::start(): no coroutine task in %s on line %d
bool(false)

Fatal error: Class MyScheduler cannot extend final class Swoole\Coroutine\Scheduler in %s on line %d
