--TEST--
redis server: setHandler with a 64-byte command name is a fatal error
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
$server = new Swoole\Redis\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($server->setHandler(str_repeat('a', 63), fn() => null));
$server->setHandler(str_repeat('a', 64), fn() => null);
echo "not reached\n";
?>
--EXPECTF--
bool(true)

Fatal error: Swoole\Redis\Server::setHandler(): invalid command in %s on line %d
