--TEST--
Server: task_worker_num > 0 without onTask cannot start
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['task_worker_num' => 1]);
$s->on('receive', function () {});
$s->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Server::start(): failed to start server. Error: Server::start_check(): onTask event callback must be set in %s on line %d
