--TEST--
redis server: without the redis module the class does not exist
--INI--
swoole.modules=hello
--FILE--
<?php
var_dump(class_exists('Swoole\Redis\Server'), class_exists('swoole_redis_server'));
?>
--EXPECT--
bool(false)
bool(false)
