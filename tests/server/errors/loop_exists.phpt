--TEST--
Server: start() with an event loop already created warns and returns false
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->on('receive', function () {});
Swoole\Timer::after(1, function () {});
var_dump($s->start());
Swoole\Event::wait();
?>
--EXPECTF--
Warning: Swoole\Server::start(): eventLoop has already been created, unable to start Swoole\Server in %s on line %d
bool(false)
