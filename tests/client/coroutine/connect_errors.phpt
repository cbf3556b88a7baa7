--TEST--
Co\Client: refused connect (111), connect twice (106), send before connect (5001), empty data, bad types
--FILE--
<?php
Co\run(function () {
    $srv = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $srv->bind('127.0.0.1', 0);
    $port = $srv->getsockname()['port'];
    $srv->close();  // nothing listens there now

    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $t = microtime(true);
    var_dump($c->connect('127.0.0.1', $port, 2));
    var_dump($c->errCode === SOCKET_ECONNREFUSED, $c->errMsg, $c->connected, microtime(true) - $t < 1);
    var_dump(swoole_last_error() === 111);

    $s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($s->connect('127.0.0.1', $port), $s->errCode, $s->errMsg);

    $c2 = new Co\Client(SWOOLE_SOCK_TCP);
    var_dump($c2->send('x'), $c2->errCode === SWOOLE_ERROR_CLIENT_NO_CONNECTION, $c2->errMsg);
    var_dump($c2->send(''));
    var_dump($c2->connect('', 80));
    var_dump($c2->connect('127.0.0.1', 0));
    var_dump($c2->connect('127.0.0.1', 70000));
    var_dump($c2->close());

    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    $lp = $l->getsockname()['port'];
    var_dump($c2->connect('127.0.0.1', $lp), $c2->connected, $c2->isConnected(), $c2->fd > 0);
    var_dump($c2->connect('127.0.0.1', $lp), $c2->errCode, $c2->errMsg);
    $name = $c2->getsockname();
    var_dump(array_keys($name), $name['host'] === '127.0.0.1', $c2->getpeername()['port'] === $lp);
    var_dump($c2->close(), $c2->close(), $c2->connected, $c2->fd);
});
try {
    new Co\Client(99);
} catch (TypeError $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
$c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
var_dump($c->type === (SWOOLE_SOCK_TCP | SWOOLE_SSL));
$c->__construct(SWOOLE_SOCK_TCP);
?>
--EXPECTF--
bool(false)
bool(true)
string(18) "Connection refused"
bool(false)
bool(true)
bool(true)
bool(false)
int(111)
string(18) "Connection refused"
bool(false)
bool(true)
string(20) "Client no connection"

Warning: Swoole\Coroutine\Client::send(): data to send is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::connect(): The host is empty in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::connect(): The port is invalid in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::connect(): The port is invalid in %s on line %d
bool(false)
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
int(106)
string(39) "Transport endpoint is already connected"
array(3) {
  [0]=>
  string(4) "host"
  [1]=>
  string(7) "address"
  [2]=>
  string(4) "port"
}
bool(true)
bool(true)
bool(true)
bool(false)
bool(false)
int(-1)
TypeError: Swoole\Coroutine\Client::__construct() expects parameter 1 to be client type, unknown type 99 given
bool(true)

Fatal error: Swoole\Coroutine\Client::__construct(): Constructor of Swoole\Coroutine\Client can only be called once in %s on line %d
