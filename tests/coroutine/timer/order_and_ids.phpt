--TEST--
Timer: ids count up from 1, timers fire in the order of their deadlines, a one-shot fires once
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Swoole\Timer;

$a = Timer::after(70, function () { echo "after 70\n"; });
$b = Timer::after(30, function () { echo "after 30\n"; });
$c = swoole_timer_after(50, function () { echo "after 50\n"; });
$n = 0;
$d = Timer::tick(20, function ($id) use (&$n) {
    echo "tick ", ++$n, "\n";
    if ($n == 2) Timer::clear($id);
});
var_dump([$a, $b, $c, $d]);
Swoole\Event::wait();
echo "done\n";
// Ids are never reused.
var_dump(Timer::after(1, function () {}) > $d);
?>
--EXPECT--
array(4) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
  [3]=>
  int(4)
}
tick 1
after 30
tick 2
after 50
after 70
done
bool(true)
