--TEST--
swoole_version() and the version constants
--FILE--
<?php
var_dump(swoole_version());
?>
--EXPECT--
string(6) "4.8.13"
