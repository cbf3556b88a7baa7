--TEST--
redis client: password and database on (re)connect, wrong password, NOAUTH, server killed mid-session then reconnect
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
$server = private_redis('--requirepass', 'secret');
Co\run(function () use ($server) {
    $port = $server[1];
    $noauth = new Co\Redis(['timeout' => 5]);
    var_dump($noauth->connect('127.0.0.1', $port), $noauth->get('k'));
    var_dump($noauth->errType === SWOOLE_REDIS_ERR_NOAUTH, $noauth->errCode, $noauth->errMsg, $noauth->getAuth());

    $wrong = new Co\Redis(['password' => 'nope', 'timeout' => 5]);
    var_dump($wrong->connect('127.0.0.1', $port), $wrong->errType, $wrong->errCode, $wrong->errMsg, $wrong->connected);

    var_dump($noauth->auth('secret'), $noauth->getAuth(), $noauth->get('k'));

    $redis = new Co\Redis(['password' => 'secret', 'database' => 4, 'timeout' => 5]);
    var_dump($redis->connect('127.0.0.1', $port), $redis->getAuth(), $redis->getDBNum());
    var_dump($redis->set('k', 'in db 4'));
    // The server dies: the next command finds the connection dead and
    // reconnects (AUTH and SELECT again) once the server is back.
    $redis->request(['DEBUG', 'SLEEP', '0']);
    $redis->request(['SHUTDOWN', 'NOSAVE']);
    var_dump($redis->connected, $redis->errType === SWOOLE_REDIS_ERR_EOF);
    var_dump($redis->get('k'), $redis->errType === SWOOLE_REDIS_ERR_CLOSED, $redis->errMsg);
});
proc_close($server[0]);
$server2 = private_redis('--requirepass', 'secret');
Co\run(function () use ($server2) {
    $redis = new Co\Redis(['password' => 'secret', 'database' => 4, 'timeout' => 5, 'reconnect' => 2]);
    var_dump($redis->connect('127.0.0.1', $server2[1]));
    $redis->set('k', 'again');
    // Another connection kills this one; the server has closed it before
    // the admin gets its answer.
    $admin = new Co\Redis(['password' => 'secret', 'timeout' => 5]);
    $admin->connect('127.0.0.1', $server2[1]);
    $admin->request(['CLIENT', 'KILL', 'ID', (string)$redis->request(['CLIENT', 'ID'])]);
    var_dump($redis->get('k'), $redis->connected, $redis->getDBNum());
    $redis->setOptions(['reconnect' => 0]);
    $admin->request(['CLIENT', 'KILL', 'ID', (string)$redis->request(['CLIENT', 'ID'])]);
    var_dump($redis->get('k'), $redis->errType === SWOOLE_REDIS_ERR_CLOSED);
});
stop_private_redis($server2);
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
int(13)
string(31) "NOAUTH Authentication required."
bool(false)
bool(false)
int(2)
int(22)
string(61) "WRONGPASS invalid username-password pair or user is disabled."
bool(false)
bool(true)
string(6) "secret"
NULL
bool(true)
string(6) "secret"
int(4)
bool(true)
bool(false)
bool(true)
bool(false)
bool(true)
string(27) "connection is not available"
bool(true)
string(5) "again"
bool(true)
int(4)
bool(false)
bool(true)
