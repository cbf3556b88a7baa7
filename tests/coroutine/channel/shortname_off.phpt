--TEST--
Channel: without swoole.use_shortname only Swoole\Coroutine\Channel exists
--INI--
swoole.use_shortname=Off
--FILE--
<?php
var_dump(class_exists('Swoole\Coroutine\Channel'), class_exists('Co\Channel'), class_exists('chan'));
var_dump(SWOOLE_CHANNEL_CANCELED);
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
int(-3)
