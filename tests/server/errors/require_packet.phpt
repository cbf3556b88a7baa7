--TEST--
Server: a UDP server without onPacket cannot start
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_UDP);
$s->on('receive', function () {});
$s->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::start(): require onPacket callback in %s on line %d
