--TEST--
redis client: empty host, bad port, refused connect, implicit connect, wrong-type error, constructor twice
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $redis = new Co\Redis();
    var_dump($redis->get('k'));
    var_dump($redis->errType === SWOOLE_REDIS_ERR_CLOSED, $redis->errCode, $redis->errMsg);
    var_dump($redis->connect(''));
    var_dump($redis->connect('127.0.0.1', 0), $redis->connect('127.0.0.1', 70000));

    [$listener, $port] = fake_listener();
    $listener->close();  // nothing listens there now
    var_dump($redis->connect('127.0.0.1', $port));
    var_dump($redis->errType === SWOOLE_REDIS_ERR_IO, $redis->errCode === SOCKET_ECONNREFUSED, $redis->errMsg, $redis->connected);
    // The next command tries that target again (reconnect 1) and fails the same way.
    var_dump($redis->get('k'), $redis->errType === SWOOLE_REDIS_ERR_CLOSED, $redis->errCode === SOCKET_ECONNREFUSED, $redis->errMsg);

    $redis = redis_connected();
    $k = redis_key('str');
    $redis->set($k, 'text');
    var_dump($redis->hIncrBy($k, 'f', 1));
    var_dump($redis->errType === SWOOLE_REDIS_ERR_OTHER, $redis->errCode, str_starts_with($redis->errMsg, 'WRONGTYPE'), $redis->connected);
    var_dump($redis->set($k, 'v'), $redis->errType, $redis->errCode, $redis->errMsg);
    // A wrong argument list of a variadic command is false.
    var_dump($redis->del([]), $redis->zAdd($k, 1), $redis->mSet([]));
    try {
        $redis->get();
    } catch (ArgumentCountError $e) {
        echo get_class($e), "\n";
    }
    $redis->del($k);
    $redis->__construct();
});
?>
--EXPECTF--
Warning: Swoole\Coroutine\Redis::get(): The host is empty in %s on line %d
bool(false)
bool(true)
int(0)
string(27) "connection is not available"

Warning: Swoole\Coroutine\Redis::connect(): The host is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Redis::connect(): The port 0 is invalid in %s on line %d

Warning: Swoole\Coroutine\Redis::connect(): The port 70000 is invalid in %s on line %d
bool(false)
bool(false)
bool(false)
bool(true)
bool(true)
string(0) ""
bool(false)
bool(false)
bool(true)
bool(true)
string(27) "connection is not available"
bool(false)
bool(true)
int(22)
bool(true)
bool(true)
bool(true)
int(0)
int(0)
string(0) ""
bool(false)
bool(false)
bool(false)
ArgumentCountError

Fatal error: Swoole\Coroutine\Redis::__construct(): Constructor of Swoole\Coroutine\Redis can only be called once in %s on line %d
