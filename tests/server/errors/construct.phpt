--TEST--
Server: constructor properties, aliases, and a second server in the same process (-3)
--FILE--
<?php
$s = new swoole_server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP);
var_dump($s instanceof Swoole\Server, $s->host, $s->port > 0, $s->mode, $s->type);
var_dump(count($s->ports), $s->ports[0] instanceof swoole_server_port, $s->ports[0]->port === $s->port);
var_dump($s->connections instanceof swoole_connection_iterator, count($s->connections), $s->setting);
try {
    new Swoole\Server('127.0.0.1', 0);
} catch (Swoole\Exception $e) {
    var_dump($e->getCode(), $e->getMessage());
}
$p = new ReflectionClass('Swoole\Server\Port');
var_dump($p->isFinal());
?>
--EXPECT--
bool(true)
string(9) "127.0.0.1"
bool(true)
int(1)
int(1)
int(1)
bool(true)
bool(true)
bool(true)
int(0)
NULL
int(-3)
string(49) "server is running. unable to create Swoole\Server"
bool(true)
