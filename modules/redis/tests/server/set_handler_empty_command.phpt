--TEST--
redis server: setHandler with an empty command name is a fatal error
--INI--
swoole.modules=redis
--FILE--
<?php
$server = new Swoole\Redis\Server('127.0.0.1', 0, SWOOLE_BASE);
$server->setHandler('', fn() => null);
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Redis\Server::setHandler(): invalid command in %s on line %d
