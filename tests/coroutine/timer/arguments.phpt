--TEST--
Timer: a tick callback gets its id then the extra params; an after callback gets only the extra params, captured at creation
--FILE--
<?php
use Swoole\Timer;

$value = ['x' => 1];
$obj = new stdClass;
$obj->v = 'before';
$after = Timer::after(10, function (...$args) {
    echo "after: ", json_encode($args), "\n";
}, $value, 'two', 3, $obj);
$tick = swoole_timer_tick(30, function (...$args) use (&$tick) {
    echo "tick: ", json_encode($args), " first is the id: ", var_export($args[0] === $tick, true), "\n";
    Timer::clear($args[0]);
}, $value);
swoole_timer_after(50, function () {
    echo "no params: ", func_num_args(), "\n";
});
Timer::tick(70, function () {
    echo "tick without params: ", func_num_args(), " ", json_encode(func_get_args()), "\n";
    Timer::clear(func_get_arg(0));
});
// By value: later changes to the variable are not seen; an object is the same object.
$value['x'] = 2;
$obj->v = 'after';
Swoole\Event::wait();
?>
--EXPECT--
after: [{"x":1},"two",3,{"v":"after"}]
tick: [2,{"x":1}] first is the id: true
no params: 0
tick without params: 1 [4]
