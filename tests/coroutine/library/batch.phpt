--TEST--
batch(): results under the tasks' keys and in their order; null for tasks unfinished at the timeout
--FILE--
<?php
use function Swoole\Coroutine\batch;

Co\run(function () {
    $start = microtime(true);
    $results = batch([
        'slow' => function () { Co::sleep(0.03); return 'S'; },
        7 => function () { Co::sleep(0.01); return 7; },
        'sync' => fn () => ['no', 'yield'],
        -1 => function () { Co::sleep(0.02); return null; },
        'false' => fn () => false,
    ]);
    var_dump($results);
    $elapsed = microtime(true) - $start;
    var_dump($elapsed >= 0.025 && $elapsed < 0.5);

    // With a timeout: the unfinished task's slot stays null, even after it ends.
    $results = batch([
        'a' => function () { Co::sleep(0.01); return 'A'; },
        'b' => function () { Co::sleep(0.2); echo "b finished later\n"; return 'B'; },
        'c' => fn () => 'C',
    ], 0.05);
    var_dump($results);
    Co::sleep(0.25);
    var_dump($results['b']);

    var_dump(batch([]));
});
?>
--EXPECT--
array(5) {
  ["slow"]=>
  string(1) "S"
  [7]=>
  int(7)
  ["sync"]=>
  array(2) {
    [0]=>
    string(2) "no"
    [1]=>
    string(5) "yield"
  }
  [-1]=>
  NULL
  ["false"]=>
  bool(false)
}
bool(true)
array(3) {
  ["a"]=>
  string(1) "A"
  ["b"]=>
  NULL
  ["c"]=>
  string(1) "C"
}
b finished later
NULL
array(0) {
}
