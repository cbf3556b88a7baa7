--TEST--
redis client: multi/exec (server-side), discard, PIPELINE mode (send N, read N)
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = redis_connected();
    $k = redis_key('m');
    var_dump($redis->multi(), $redis->set($k, '1'), $redis->get($k), $redis->exec());
    var_dump($redis->multi(SWOOLE_REDIS_MODE_MULTI), $redis->incr($k), $redis->discard(), $redis->get($k));
    // WATCH + a change from another connection aborts the transaction: null
    $redis->watch($k);
    redis_connected()->set($k, 'changed');
    $redis->multi();
    $redis->get($k);
    var_dump($redis->exec());
    var_dump($redis->multi(SWOOLE_REDIS_MODE_PIPELINE));
    for ($i = 0; $i < 100; $i++) $redis->incr(redis_key('n'));
    var_dump($redis->hIncrBy($k, 'f', 1), $redis->get(redis_key('n')));
    $replies = $redis->exec();
    var_dump(count($replies), $replies[0], $replies[99], $replies[100], $replies[101]);
    var_dump($redis->multi(SWOOLE_REDIS_MODE_PIPELINE), $redis->set($k, 'dropped'), $redis->discard(), $redis->get($k));
    $redis->del($k, redis_key('n'));
});
?>
--EXPECT--
bool(true)
int(0)
int(0)
array(2) {
  [0]=>
  bool(true)
  [1]=>
  string(1) "1"
}
bool(true)
int(0)
bool(true)
string(1) "1"
NULL
bool(true)
bool(true)
bool(true)
int(102)
int(1)
int(100)
bool(false)
string(3) "100"
bool(true)
bool(true)
bool(true)
string(7) "changed"
