--TEST--
coroutine: max_coroutine, stack_size normalisation, set/getOptions, stats
--FILE--
<?php
var_dump(Co::getOptions());
Co::set(['max_coroutine' => 3, 'stack_size' => 100000, 'custom' => 0]);
var_dump(Co::getOptions());
Co\run(function () {
    go(fn() => Co::sleep(0.01));
    go(fn() => Co::sleep(0.01));
    var_dump(go(fn() => 1));  // the run coroutine and two sleepers are alive
    $s = Co::stats();
    var_dump(array_keys($s), $s['coroutine_num'], $s['c_stack_size']);
});
Co::set(['stack_size' => 0, 'max_coroutine' => 0]);
var_dump(Co::stats()['c_stack_size']);
Co::set(['c_stack_size' => -1]);
var_dump(Co::stats()['c_stack_size']);
?>
--EXPECTF--
NULL
array(3) {
  ["max_coroutine"]=>
  int(3)
  ["stack_size"]=>
  int(100000)
  ["custom"]=>
  int(0)
}

Warning: go(): exceed max number of coroutine 3 in %s on line %d
bool(false)
array(9) {
  [0]=>
  string(9) "event_num"
  [1]=>
  string(19) "signal_listener_num"
  [2]=>
  string(12) "aio_task_num"
  [3]=>
  string(14) "aio_worker_num"
  [4]=>
  string(14) "aio_queue_size"
  [5]=>
  string(12) "c_stack_size"
  [6]=>
  string(13) "coroutine_num"
  [7]=>
  string(18) "coroutine_peak_num"
  [8]=>
  string(18) "coroutine_last_cid"
}
int(3)
int(102400)
int(65536)
int(16777216)
