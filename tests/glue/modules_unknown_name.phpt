--TEST--
modules: an unknown name in swoole.modules warns once and the rest load
--INI--
swoole.modules=no_such_module, hello
display_startup_errors=1
--FILE--
<?php
var_dump(class_exists('Hello\Greeter'));
?>
--EXPECTF--
%AWarning: PHP Startup: swoole: unknown module 'no_such_module' (no %s/no_such_module.so) in Unknown on line 0
bool(true)
