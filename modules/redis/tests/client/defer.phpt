--TEST--
redis client: setDefer/recv, recv without defer, recv when not connected
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = new Co\Redis();
    $redis->setDefer();
    var_dump($redis->getDefer(), $redis->recv());  // not connected
    $redis = redis_connected();
    var_dump($redis->recv());
    $k = redis_key('defer');
    var_dump($redis->setDefer(true));
    var_dump($redis->set($k, 'a'), $redis->get($k), $redis->hIncrBy($k, 'f', 1));
    var_dump($redis->recv(), $redis->recv(), $redis->recv(), $redis->errType === SWOOLE_REDIS_ERR_OTHER);
    $redis->setDefer(false);
    var_dump($redis->getDefer(), $redis->del($k), $redis->errType);
});
?>
--EXPECTF--
bool(true)
bool(false)

Warning: Swoole\Coroutine\Redis::recv(): you should not use recv without defer or subscribe in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
string(1) "a"
bool(false)
bool(true)
bool(false)
int(1)
int(0)
