--TEST--
redis client: without the redis module none of its classes or constants exist
--INI--
swoole.modules=hello
--FILE--
<?php
var_dump(class_exists('Swoole\Coroutine\Redis'));
var_dump(class_exists('Co\Redis'));
var_dump(defined('SWOOLE_REDIS_ERR_IO'));
var_dump(defined('SWOOLE_REDIS_MODE_PIPELINE'));
?>
--EXPECT--
bool(false)
bool(false)
bool(false)
bool(false)
