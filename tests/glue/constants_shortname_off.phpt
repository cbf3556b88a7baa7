--TEST--
SWOOLE_USE_SHORTNAME mirrors ini swoole.use_shortname
--INI--
swoole.use_shortname=Off
--FILE--
<?php
var_dump(SWOOLE_USE_SHORTNAME, (bool) ini_get('swoole.use_shortname'));
?>
--EXPECT--
bool(false)
bool(false)
