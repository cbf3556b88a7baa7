--TEST--
hello: the example module calls back into the kernel (a timer and a coroutine sleep)
--INI--
swoole.modules=hello
--FILE--
<?php
$start = microtime(true);
var_dump(Hello\Greeter::wait(60));
$ms = (microtime(true) - $start) * 1000;
var_dump($ms >= 55 && $ms < 1000);
// Twice in a row: the loop ends cleanly each time.
var_dump(Hello\Greeter::wait(10));
try {
    Hello\Greeter::wait(1);
} catch (ValueError $e) {
    echo $e->getMessage(), "\n";
}
?>
--EXPECT--
array(2) {
  [0]=>
  string(5) "timer"
  [1]=>
  string(5) "slept"
}
bool(true)
array(2) {
  [0]=>
  string(5) "timer"
  [1]=>
  string(5) "slept"
}
Hello\Greeter::wait(): Argument #1 ($ms) must be at least 2
