--TEST--
Timer: clearAll() removes every timer, also when a released callback's destructor clears others
--FILE--
<?php
use Swoole\Timer;

var_dump(Timer::clearAll());  // false: no timer was ever created
var_dump(swoole_timer_clear_all());

class OnDestruct
{
    public function __construct(private Closure $fn) {}
    public function __destruct() { ($this->fn)(); }
}

$ids = [];
$called = [];
for ($i = 0; $i < 4; $i++) {
    $object = new OnDestruct(function () use (&$ids, &$called, $i) {
        foreach ($ids as $id) {
            Timer::clear($id);
        }
        $called[] = $i;
    });
    $ids[] = Timer::after(1000, function () use ($object) {});
    unset($object);
}
Timer::tick(1000, function () { echo "never\n"; });
var_dump(count(Timer::list()));
var_dump(Timer::clearAll());
sort($called);
var_dump($called === [0, 1, 2, 3]);
var_dump(count(Timer::list()), Timer::stats()['num']);
// The loop has nothing left to wait for.
$start = microtime(true);
Swoole\Event::wait();
var_dump(microtime(true) - $start < 0.5);

// From inside a callback: the running tick is removed once it returns.
$n = 0;
Timer::after(200, function () { echo "never\n"; });
Timer::tick(5, function ($id) use (&$n) {
    $n++;
    var_dump(Timer::clearAll(), Timer::exists($id), count(Timer::list()));
});
Swoole\Event::wait();
var_dump($n);
?>
--EXPECT--
bool(false)
bool(false)
int(5)
bool(true)
bool(true)
int(0)
int(0)
bool(true)
bool(true)
bool(false)
int(0)
int(1)
