--TEST--
redis client: a kept connection found dead by the command itself (no probe before it) is reconnected and the command sent again, except blocking commands and inside MULTI
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
Co\run(function () {
    $admin = redis_connected();
    $kill = function (Co\Redis $r, ?int $id = null) use ($admin) {
        // The server has closed the connection before the admin gets its answer.
        return $admin->request(['CLIENT', 'KILL', 'ID', (string)($id ?? $r->request(['CLIENT', 'ID']))]);
    };
    $k = redis_key('dead');
    $redis = redis_connected();
    $redis->set($k, '5');

    // Read and write commands alike are sent again on a new connection.
    var_dump($kill($redis));
    var_dump($redis->get($k), $redis->connected, $redis->errType);
    $kill($redis);
    var_dump($redis->incr($k), $redis->get($k));

    // A blocking command is not sent again: it fails, the next one reconnects.
    $kill($redis);
    var_dump($redis->blPop(redis_key('empty'), 1), $redis->connected);
    var_dump(in_array($redis->errType, [SWOOLE_REDIS_ERR_EOF, SWOOLE_REDIS_ERR_IO], true));
    var_dump($redis->get($k), $redis->errType);

    // Inside MULTI nothing is sent again: the queued SET is lost with the
    // connection, EXEC fails and the value stays.
    $id = $redis->request(['CLIENT', 'ID']);
    var_dump($redis->multi(), $redis->set($k, 'lost'));
    $kill($redis, $id);
    var_dump($redis->exec(), $redis->connected, $redis->get($k));
    $redis->del($k);
});
?>
--EXPECT--
int(1)
string(1) "5"
bool(true)
int(0)
int(6)
string(1) "6"
bool(false)
bool(false)
bool(true)
string(1) "6"
int(0)
bool(true)
int(0)
bool(false)
bool(false)
string(1) "6"
