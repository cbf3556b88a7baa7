--TEST--
modules: a module's classes exist only when it is loaded
--INI--
swoole.modules=hello
--FILE--
<?php
var_dump(class_exists('Hello\Greeter'));
var_dump(Hello\Greeter::greet('world'));
?>
--EXPECT--
bool(true)
string(13) "Hello, world!"
