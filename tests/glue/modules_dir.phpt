--TEST--
modules: swoole.module_dir decides where modules come from
--INI--
swoole.module_dir=/nonexistent/swoole-modules
--FILE--
<?php
var_dump(ini_get('swoole.module_dir'));
var_dump(class_exists('Hello\Greeter'));
?>
--EXPECT--
string(27) "/nonexistent/swoole-modules"
bool(false)
