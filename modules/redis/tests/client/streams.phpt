--TEST--
redis client: stream commands and their argument conventions
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = redis_connected();
    $s = redis_key('stream');
    var_dump($redis->xAdd($s, '1-1', ['f' => 'a']), $redis->xAdd($s, '2-1', ['f' => 'b'], ['maxlen' => ['~', 100]]));
    var_dump($redis->xLen($s), $redis->xRange($s, '-', '+', 1));
    var_dump($redis->xGroupCreate($s, 'g', '0', true), $redis->xReadGroup('g', 'c1', [$s => '>'], ['count' => 1]));
    var_dump($redis->xAck($s, 'g', ['1-1']), $redis->xDel($s, ['2-1']), $redis->xTrim($s, ['maxlen' => 0]), $redis->xLen($s));
    var_dump($redis->xRead([$s => '0'], ['count' => 5]));
    $redis->del($s);
});
?>
--EXPECTF--
string(3) "1-1"
string(3) "2-1"
int(2)
array(1) {
  [0]=>
  array(2) {
    [0]=>
    string(3) "1-1"
    [1]=>
    array(2) {
      [0]=>
      string(1) "f"
      [1]=>
      string(1) "a"
    }
  }
}
bool(true)
array(1) {
  [0]=>
  array(2) {
    [0]=>
    string(%d) "phpt:%d:stream"
    [1]=>
    array(1) {
      [0]=>
      array(2) {
        [0]=>
        string(3) "1-1"
        [1]=>
        array(2) {
          [0]=>
          string(1) "f"
          [1]=>
          string(1) "a"
        }
      }
    }
  }
}
int(1)
int(1)
int(1)
int(0)
NULL
