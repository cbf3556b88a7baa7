--TEST--
redis client: read timeout (blocking pop, a server that never answers), timeout -1 and constructor timeouts
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = redis_connected();
    $redis->setOptions(['timeout' => 0.3]);
    $t = microtime(true);
    var_dump($redis->blPop([redis_key('empty')], 3));
    $took = microtime(true) - $t;
    var_dump($took > 0.25 && $took < 2, $redis->errType === SWOOLE_REDIS_ERR_IO, $redis->errCode === SOCKET_ETIMEDOUT, $redis->connected);
    $redis->setOptions(['timeout' => -1]);
    var_dump($redis->getOptions()['timeout']);
    $t = microtime(true);
    var_dump($redis->brPop(redis_key('empty'), 1), microtime(true) - $t > 0.9, $redis->errCode);

    // A constructor timeout <= 0 is "no timeout" here (4.8 refused every connect).
    $nolimit = new Co\Redis(['timeout' => -1]);
    var_dump($nolimit->connect('127.0.0.1', redis_port()), $nolimit->errMsg);

    [$server, $port] = fake_listener();
    go(function () use ($server) {
        $conn = $server->accept(5);
        $conn->recv(8192, 5);
        $conn->recv(8192, 5);  // never answers; returns when the client gives up
    });
    $silent = new Co\Redis(['timeout' => 0.2]);
    var_dump($silent->connect('127.0.0.1', $port));
    $t = microtime(true);
    var_dump($silent->get('k'), microtime(true) - $t < 2, $silent->errType === SWOOLE_REDIS_ERR_IO, $silent->errCode === SOCKET_ETIMEDOUT, $silent->errMsg, $silent->connected);
    $server->close();
});
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
bool(false)
int(-1)
NULL
bool(true)
int(0)
bool(true)
string(0) ""
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
string(20) "Connection timed out"
bool(false)
