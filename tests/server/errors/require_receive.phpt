--TEST--
Server: a TCP server without onReceive cannot start
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::start(): require onReceive callback in %s on line %d
