--TEST--
Timer: info(), list(), stats() and exists() values
--FILE--
<?php
use Swoole\Timer;

// Before any timer: no timer subsystem.
var_dump(Timer::stats());
var_dump(Timer::info(1), Timer::exists(1), iterator_to_array(Timer::list()));

$timers = [];
for ($c = 200; $c--;) {
    $ms = mt_rand(100, 500);
    $timers[Timer::after($ms, function () {})] = $ms;
}
$list = Timer::list();
var_dump(get_class($list), $list instanceof ArrayIterator, $list instanceof swoole_timer_iterator);
$ids = iterator_to_array($list);
var_dump(count($ids), $ids[0] === max(array_keys($timers)));  // newest first
sort($ids);
var_dump($ids === array_keys($timers));
$bad = 0;
foreach ($timers as $id => $ms) {
    $info = Timer::info($id);
    if (abs($info['exec_msec'] - $ms) > 50 || $info['exec_count'] !== 0 || $info['interval'] !== 0 ||
        $info['round'] !== 0 || $info['removed'] !== false || !Timer::exists($id)) {
        $bad++;
    }
}
var_dump($bad);
$stats = Timer::stats();
var_dump($stats['initialized'], $stats['num'], $stats['round']);
foreach (Timer::list() as $id) {
    Timer::clear($id);
}
var_dump(Timer::stats()['num'], count(Timer::list()), Timer::info(array_key_first($timers)));

Timer::tick(1, function (int $id) {
    static $n = 0;
    $info = Timer::info($id);
    if (++$n == 1) {
        var_dump(array_keys($info));
        var_dump($info['interval'], $info['exec_count'], $info['round'], $info['removed']);
        return;
    }
    var_dump($info['exec_count']);  // counted after each callback returns
    Timer::clear($id);
    var_dump(Timer::info($id)['removed'], Timer::exists($id));
    // A timer created now belongs to the next round.
    $after = Timer::info(Timer::after(1, function () {}));
    var_dump($after['exec_msec'] > 0, $after['interval'], $after['round'] >= 1, $after['removed']);
});
Swoole\Event::wait();

// Event::wait() freed the loop: a new one starts a new timer set, and its
// first turn does not wait, so a 100 ms timer sees round 1.
var_dump(Timer::stats()['initialized']);
$start = microtime(true);
Timer::after(100, function () {
    var_dump(Timer::stats());
});
Swoole\Event::wait();
var_dump(microtime(true) - $start < 0.5);
?>
--EXPECT--
array(3) {
  ["initialized"]=>
  bool(false)
  ["num"]=>
  int(0)
  ["round"]=>
  int(0)
}
bool(false)
bool(false)
array(0) {
}
string(21) "Swoole\Timer\Iterator"
bool(true)
bool(true)
int(200)
bool(true)
bool(true)
int(0)
bool(true)
int(200)
int(0)
int(0)
int(0)
NULL
array(5) {
  [0]=>
  string(9) "exec_msec"
  [1]=>
  string(10) "exec_count"
  [2]=>
  string(8) "interval"
  [3]=>
  string(5) "round"
  [4]=>
  string(7) "removed"
}
int(1)
int(0)
int(0)
bool(false)
int(1)
bool(true)
bool(false)
bool(true)
int(0)
bool(true)
bool(false)
bool(false)
array(3) {
  ["initialized"]=>
  bool(true)
  ["num"]=>
  int(1)
  ["round"]=>
  int(1)
}
bool(true)
