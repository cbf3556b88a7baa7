--TEST--
map(): $fn applied to each element in its own coroutine, keys preserved, null at the timeout
--FILE--
<?php
use function Swoole\Coroutine\map;

Co\run(function () {
    $cids = [];
    $out = map(['x' => 3, 5 => 1, 'z' => 2], function ($n) use (&$cids) {
        $cids[] = Co::getCid();
        Co::sleep($n / 100);
        return $n * $n;
    });
    var_dump($out);
    var_dump(count(array_unique($cids)));

    $out = map([10, 20, 30], function ($n) {
        if ($n === 20) {
            Co::sleep(0.2);
        }
        return $n + 1;
    }, 0.05);
    var_dump($out);

    var_dump(map([], 'strtoupper'));
    var_dump(map(['a' => 'hi', 'b' => 'there'], 'strtoupper'));
});
?>
--EXPECT--
array(3) {
  ["x"]=>
  int(9)
  [5]=>
  int(1)
  ["z"]=>
  int(4)
}
int(3)
array(3) {
  [0]=>
  int(11)
  [1]=>
  NULL
  [2]=>
  int(31)
}
array(0) {
}
array(2) {
  ["a"]=>
  string(2) "HI"
  ["b"]=>
  string(5) "THERE"
}
