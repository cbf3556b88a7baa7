--TEST--
Scheduler: set() writes the options of Co::set(); getOptions() agrees with Co::getOptions()
--FILE--
<?php
$s = new Swoole\Coroutine\Scheduler();
var_dump($s->getOptions(), Co::getOptions());
var_dump($s->set(['max_coroutine' => 100, 'custom_key' => 'x']));
Co::set(['stack_size' => 0]);
var_dump($s->getOptions());
var_dump($s->getOptions() === Co::getOptions());
// A copy: changing it changes nothing.
$o = $s->getOptions();
$o['max_coroutine'] = 1;
var_dump(Co::getOptions()['max_coroutine']);

// The options apply to coroutines the scheduler starts.
$s->set(['max_coroutine' => 2]);
$s->parallel(3, function () { Co::sleep(0.01); });
var_dump($s->start());
?>
--EXPECTF--
NULL
NULL
NULL
array(3) {
  ["max_coroutine"]=>
  int(100)
  ["custom_key"]=>
  string(1) "x"
  ["stack_size"]=>
  int(0)
}
bool(true)
int(100)

Warning: Swoole\Coroutine\Scheduler::start(): exceed max number of coroutine 2 in %s on line %d
bool(true)
