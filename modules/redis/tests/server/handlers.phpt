--TEST--
redis server: setHandler/getHandler (case-insensitive), the dynamic property mirror, the class shape
--INI--
swoole.modules=redis
--FILE--
<?php
use Swoole\Redis\Server;
$server = new Server('127.0.0.1', 0, SWOOLE_BASE);
var_dump($server instanceof Swoole\Server, get_parent_class($server));
var_dump(class_exists('swoole_redis_server'), (new ReflectionClass('swoole_redis_server'))->getName());
$get = function (int $fd, array $args) { return Server::format(Server::NIL); };
var_dump($server->setHandler('GET', $get));
var_dump($server->getHandler('get') === $get, $server->getHandler('GeT') === $get, $server->getHandler('GET') === $get);
var_dump($server->_handler_get === $get);
var_dump($server->getHandler('set'));
// Replacing a handler: no second deprecation (the property exists now).
$other = 'strlen';
var_dump($server->setHandler('get', $other), $server->getHandler('GET'));
var_dump($server->setHandler(str_repeat('x', 63), $get));
var_dump((new ReflectionMethod(Server::class, 'format'))->isStatic());
?>
--EXPECTF--
bool(true)
string(13) "Swoole\Server"
bool(true)
string(19) "Swoole\Redis\Server"

Deprecated: Creation of dynamic property Swoole\Redis\Server::$_handler_get is deprecated in %s on line %d
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
NULL
bool(true)
string(6) "strlen"

Deprecated: Creation of dynamic property Swoole\Redis\Server::$_handler_%r[x]{63}%r is deprecated in %s on line %d
bool(true)
bool(true)
