--TEST--
redis client: connect("unix:/path") selects a unix socket (the port is ignored)
--INI--
swoole.modules=redis
--FILE--
<?php
require __DIR__ . '/redis_helper.inc';
$path = sys_get_temp_dir() . '/swoole-redis-' . getmypid() . '.sock';
$server = private_redis('--unixsocket', $path);
Co\run(function () use ($path) {
    $redis = new Co\Redis(['timeout' => 5]);
    var_dump($redis->connect("unix:$path"), $redis->host === "unix:$path", $redis->port);
    var_dump($redis->set('k', 'over unix'), $redis->get('k'));
});
stop_private_redis($server);
@unlink($path);
?>
--EXPECT--
bool(true)
bool(true)
int(0)
bool(true)
string(9) "over unix"
