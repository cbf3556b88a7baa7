--TEST--
php --ri swoole shows the versions and each loaded module with its version and libraries
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE');
$out = shell_exec(escapeshellarg($php) . ' -d swoole.modules=hello --ri swoole 2>&1');
echo $out;
?>
--EXPECTF--
swoole

Swoole => enabled
Version => 4.8.13
Compatible with => Swoole 4.8.13
Kernel version => %d.%d.%d
libevent => %s
Boost.Context => %s
Modules => hello
module hello => version 1.0.0; uses greeting 1.0

Directive => Local Value => Master Value
swoole.modules => hello => hello
%A
