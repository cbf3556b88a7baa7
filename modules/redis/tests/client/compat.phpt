--TEST--
redis client: compatibility_mode return shapes, serialize
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = redis_connected(['compatibility_mode' => true]);
    $h = redis_key('h');
    $z = redis_key('z');
    $redis->hMSet($h, ['f' => 'v', 'g' => 'w']);
    $redis->zAdd($z, 1, 'one', 2.5, 'two');
    var_dump($redis->get(redis_key('missing')), $redis->hGetAll($h), $redis->zRange($z, 0, -1, true));
    var_dump($redis->zRevRangeByScore($z, '+inf', '-inf', ['withscores' => true]), $redis->zRange($z, 0, -1));
    var_dump($redis->hMGet($h, ['f', 'x']), $redis->hExists($h, 'f'), $redis->hExists($h, 'x'), $redis->zRank($z, 'none'));
    $redis->del($h, $z);

    $s = redis_connected();
    $s->connect('127.0.0.1', redis_port(), true);  // the serialize argument
    var_dump($s->getOptions()['serialize']);
    $k = redis_key('ser');
    var_dump($s->set($k, ['a' => 1, 'b' => [true, 1.5]]), $s->get($k));
    $s->rPush(redis_key('sl'), ['x' => 1], 'plain');
    var_dump($s->lRange(redis_key('sl'), 0, -1));
    $raw = redis_connected();
    var_dump($raw->get($k));
    $raw->set($k, 'not serialized');
    var_dump($s->get($k));
    $s->del($k, redis_key('sl'));
});
?>
--EXPECT--
bool(false)
array(2) {
  ["f"]=>
  string(1) "v"
  ["g"]=>
  string(1) "w"
}
array(2) {
  ["one"]=>
  float(1)
  ["two"]=>
  float(2.5)
}
array(2) {
  ["two"]=>
  float(2.5)
  ["one"]=>
  float(1)
}
array(2) {
  [0]=>
  string(3) "one"
  [1]=>
  string(3) "two"
}
array(2) {
  ["f"]=>
  string(1) "v"
  ["x"]=>
  bool(false)
}
bool(true)
bool(false)
bool(false)
bool(true)
bool(true)
array(2) {
  ["a"]=>
  int(1)
  ["b"]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    float(1.5)
  }
}
array(2) {
  [0]=>
  array(1) {
    ["x"]=>
    int(1)
  }
  [1]=>
  string(5) "plain"
}
string(50) "a:2:{s:1:"a";i:1;s:1:"b";a:2:{i:0;b:1;i:1;d:1.5;}}"
string(14) "not serialized"
