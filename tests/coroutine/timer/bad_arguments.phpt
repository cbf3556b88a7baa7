--TEST--
Timer: ms below 1 warns and returns false; a non-callable is a TypeError; wrong counts are ArgumentCountError
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Swoole\Timer;

var_dump(Timer::after(0, function () {}));
var_dump(Timer::tick(-1, function () {}));
var_dump(swoole_timer_after(-100, function () {}));
var_dump(swoole_timer_tick(0, function () {}));
// Nothing was created.
var_dump(Timer::stats()['initialized'], count(Timer::list()));

class Test
{
    private function hidden() {}
}
foreach ([
    fn() => Timer::after(10, 'no_such_function'),
    fn() => Timer::tick(10, [Test::class, 'nope']),
    fn() => swoole_timer_after(10, [new Test, 'hidden']),
    fn() => Timer::after(10),
    fn() => Timer::after(),
    fn() => Timer::after('abc', function () {}),
] as $call) {
    try {
        $call();
    } catch (Throwable $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
}
var_dump(Timer::stats()['initialized']);
// The limits.
var_dump(SWOOLE_TIMER_MIN_MS, SWOOLE_TIMER_MIN_SEC, SWOOLE_TIMER_MAX_MS === PHP_INT_MAX, SWOOLE_TIMER_MAX_SEC === PHP_INT_MAX / 1000);
$id = Timer::after(PHP_INT_MAX, function () { echo "never\n"; });
var_dump($id, Timer::exists($id), Timer::clear($id));
$id = Timer::tick(1, function ($id) { echo "min tick\n"; Timer::clear($id); });
?>
--EXPECTF--
Warning: Swoole\Timer::after(): Timer must be greater than or equal to 1 in %s on line %d
bool(false)

Warning: Swoole\Timer::tick(): Timer must be greater than or equal to 1 in %s on line %d
bool(false)

Warning: swoole_timer_after(): Timer must be greater than or equal to 1 in %s on line %d
bool(false)

Warning: swoole_timer_tick(): Timer must be greater than or equal to 1 in %s on line %d
bool(false)
bool(false)
int(0)
TypeError: Swoole\Timer::after(): Argument #2 ($callback) must be a valid callback, function "no_such_function" not found or invalid function name
TypeError: Swoole\Timer::tick(): Argument #2 ($callback) must be a valid callback, class Test does not have a method "nope"
TypeError: swoole_timer_after(): Argument #2 ($callback) must be a valid callback, cannot access private method Test::hidden()
ArgumentCountError: Swoole\Timer::after() expects at least 2 arguments, 1 given
ArgumentCountError: Swoole\Timer::after() expects at least 2 arguments, 0 given
TypeError: Swoole\Timer::after(): Argument #1 ($ms) must be of type int, string given
bool(false)
int(1)
float(0.001)
bool(true)
bool(true)
int(1)
bool(true)
bool(true)
min tick
