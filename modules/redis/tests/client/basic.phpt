--TEST--
redis client: options, connect, commands and the default reply mapping
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
var_dump(class_exists('Co\Redis'), SWOOLE_REDIS_ERR_IO, SWOOLE_REDIS_ERR_ALLOC, SWOOLE_REDIS_TYPE_HASH, SWOOLE_REDIS_MODE_PIPELINE);
$fresh = new Swoole\Coroutine\Redis();
var_dump($fresh->getOptions() === ['connect_timeout' => 2.0, 'timeout' => 60.0, 'serialize' => false, 'reconnect' => 1, 'password' => '', 'database' => 0]);
var_dump($fresh->sock, $fresh->connected, $fresh->host, $fresh->port, $fresh->getDBNum(), $fresh->getAuth());
$fresh->setOptions(['timeout' => -1, 'compatibility_mode' => true]);
var_dump(array_slice($fresh->getOptions(), -2, 2, true));
Co\run(function () {
    $redis = new Co\Redis();
    var_dump($redis->connect('127.0.0.1', redis_port()));
    var_dump($redis->connected, $redis->sock > 0, $redis->host, $redis->port === redis_port());
    var_dump($redis->connect('127.0.0.1', redis_port()));  // same target: no reconnect
    $k = redis_key('basic');
    var_dump($redis->ping());
    var_dump($redis->set($k, 'v'));
    var_dump($redis->get($k));
    var_dump($redis->get(redis_key('missing')));
    var_dump($redis->type(redis_key('missing')) === SWOOLE_REDIS_TYPE_NOT_FOUND, $redis->type($k));
    var_dump($redis->set($k, 'w', ['nx']));
    var_dump($redis->set($k, 'v', 10), $redis->ttl($k));
    var_dump($redis->set($k, 'x', ['xx', 'ex' => 20]), $redis->ttl($k), $redis->get($k));
    var_dump($redis->del($k, redis_key('missing')));
    var_dump($redis->mSet([redis_key('a') => 1, redis_key('b') => 2]), $redis->mGet([redis_key('a'), redis_key('b'), redis_key('c')]));
    var_dump($redis->incrBy(redis_key('a'), 5), $redis->incrByFloat(redis_key('a'), 0.5));
    var_dump($redis->delete([redis_key('a'), redis_key('b')]));
    $h = redis_key('h');
    var_dump($redis->hMSet($h, ['f' => 'v', 'g' => 'w']), $redis->hGetAll($h), $redis->hMGet($h, ['f', 'x']), $redis->hExists($h, 'f'));
    $l = redis_key('l');
    var_dump($redis->rPush($l, 'a', 'b', 'c'), $redis->lPush($l, ['z']), $redis->lRange($l, 0, -1), $redis->lRem($l, 'b'), $redis->lLen($l));
    $z = redis_key('z');
    var_dump($redis->zAdd($z, 1, 'one', 2.5, 'two'), $redis->zRange($z, 0, -1, true), $redis->zRangeByScore($z, '-inf', '+inf', ['withscores' => true, 'limit' => [1, 1]]));
    var_dump($redis->zRank($z, 'two'), $redis->zRank($z, 'none'), $redis->zScore($z, 'two'));
    $s = redis_key('s');
    var_dump($redis->sAdd($s, 'm1', 'm2'), $redis->sContains($s, 'm1'), $redis->sismember($s, 'x'), $redis->sSize($s));
    var_dump($redis->request(['ECHO', 123]), $redis->request(['DEL', $h, $l, $z, $s]));
    var_dump($redis->eval('return {KEYS[1], ARGV[1]}', ['k', 'a'], 1));
    var_dump($redis->exists($h), $redis->errType, $redis->errCode, $redis->errMsg);
    var_dump($redis->select(2), $redis->getDBNum());
    var_dump($redis->close(), $redis->close(), $redis->connected, $redis->sock, $redis->getDBNum());
    // The next command connects again (SELECT 2 again too).
    var_dump($redis->dbSize() >= 0, $redis->connected, $redis->getDBNum());
});
?>
--EXPECT--
bool(true)
int(1)
int(8)
int(5)
int(1)
bool(true)
int(-1)
bool(false)
string(0) ""
int(0)
bool(false)
bool(false)
array(2) {
  ["database"]=>
  int(0)
  ["compatibility_mode"]=>
  bool(true)
}
bool(true)
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
bool(true)
int(0)
bool(true)
string(1) "v"
NULL
bool(true)
int(1)
NULL
bool(true)
int(10)
bool(true)
int(20)
string(1) "x"
int(1)
bool(true)
array(3) {
  [0]=>
  string(1) "1"
  [1]=>
  string(1) "2"
  [2]=>
  NULL
}
int(6)
string(3) "6.5"
int(2)
bool(true)
array(4) {
  [0]=>
  string(1) "f"
  [1]=>
  string(1) "v"
  [2]=>
  string(1) "g"
  [3]=>
  string(1) "w"
}
array(2) {
  [0]=>
  string(1) "v"
  [1]=>
  NULL
}
int(1)
int(3)
int(4)
array(4) {
  [0]=>
  string(1) "z"
  [1]=>
  string(1) "a"
  [2]=>
  string(1) "b"
  [3]=>
  string(1) "c"
}
int(1)
int(3)
int(2)
array(4) {
  [0]=>
  string(3) "one"
  [1]=>
  string(1) "1"
  [2]=>
  string(3) "two"
  [3]=>
  string(3) "2.5"
}
array(2) {
  [0]=>
  string(3) "two"
  [1]=>
  string(3) "2.5"
}
int(1)
NULL
string(3) "2.5"
int(2)
int(1)
int(0)
int(2)
string(3) "123"
int(4)
array(2) {
  [0]=>
  string(1) "k"
  [1]=>
  string(1) "a"
}
int(0)
int(0)
int(0)
string(0) ""
bool(true)
int(2)
bool(true)
bool(false)
bool(false)
int(-1)
int(2)
bool(true)
bool(true)
int(2)
