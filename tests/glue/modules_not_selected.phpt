--TEST--
modules: a module left out of swoole.modules registers nothing
--INI--
swoole.modules=no_such_module
--FILE--
<?php
var_dump(class_exists('Hello\Greeter'));
var_dump(extension_loaded('swoole'));
?>
--EXPECTF--
%AWarning: PHP Startup: swoole: unknown module %s
bool(false)
bool(true)
