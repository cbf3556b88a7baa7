--TEST--
redis server: setHandler with something not callable is a fatal error
--INI--
swoole.modules=redis
--FILE--
<?php
$server = new Swoole\Redis\Server('127.0.0.1', 0, SWOOLE_BASE);
$server->setHandler('GET', 'nope');
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Redis\Server::setHandler(): function 'nope' is not callable in %s on line %d
