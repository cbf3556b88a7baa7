--TEST--
Server: after-start-only methods warn "server is not running" and return false before start()
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($s->send(1, 'x'));
var_dump($s->sendto('127.0.0.1', 1, 'x'));
var_dump($s->close(1));
var_dump($s->exist(1));
var_dump($s->pause(1));
var_dump($s->resume(1));
var_dump($s->protect(1));
var_dump($s->bind(1, 1));
var_dump($s->stats());
var_dump($s->reload());
var_dump($s->shutdown());
var_dump($s->heartbeat());
var_dump($s->getClientInfo(1));
var_dump($s->getClientList());
var_dump($s->getWorkerStatus());
var_dump($s->getWorkerId());
var_dump($s->master_pid, $s->manager_pid, $s->worker_id, $s->worker_pid, $s->taskworker);
?>
--EXPECTF--
Warning: Swoole\Server::send(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::sendto(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::close(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::exist(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::pause(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::resume(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::protect(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::bind(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::stats(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::reload(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::shutdown(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::heartbeat(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::getClientInfo(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::getClientList(): server is not running in %s on line %d
bool(false)

Warning: Swoole\Server::getWorkerStatus(): server is not running in %s on line %d
bool(false)
bool(false)
int(0)
int(0)
int(-1)
int(0)
bool(false)
