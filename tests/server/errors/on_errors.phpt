--TEST--
Server: on() names (case-insensitive, unknown), getCallback, Port::on
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$f = function () {};
var_dump($s->on('Receive', $f), $s->getCallback('receive') === $f, $s->getCallback('RECEIVE') === $f);
var_dump($s->on('WORKERSTART', 'var_dump'), $s->getCallback('workerStart'));
var_dump($s->on('foo', $f));
var_dump($s->getCallback('connect'), $s->getCallback('foo'));
var_dump($s->ports[0]->getCallback('receive') === $f);
var_dump($s->ports[0]->on('bar', $f));
$g = function () {};
var_dump($s->on('receive', $g), $s->getCallback('receive') === $g);
$r = new ReflectionProperty($s->ports[0], 'onReceive');
$r->setAccessible(true);
var_dump($r->getValue($s->ports[0]) === $g);
$r = new ReflectionProperty($s, 'onWorkerStart');
$r->setAccessible(true);
var_dump($r->getValue($s));
$s->on('receive', 'no_such_fn');
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(true)
string(8) "var_dump"

Warning: Swoole\Server::on(): unknown event types[foo] in %s on line %d
bool(false)
NULL
NULL
bool(true)

Warning: Swoole\Server\Port::on(): unknown event types[bar] in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
string(8) "var_dump"

Fatal error: Swoole\Server::on(): function 'no_such_fn' is not callable in %s on line %d
