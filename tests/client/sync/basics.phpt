--TEST--
Swoole\Client: refused connect warning, not connected, recv timeout (EAGAIN), TCP round trip, recv flags, close twice, async flag
--FILE--
<?php
$srv = stream_socket_server('tcp://127.0.0.1:0', $errno, $errstr);
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
$probe = stream_socket_server('tcp://127.0.0.1:0');
$closed = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);

$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump(array_keys(get_object_vars($c)));
var_dump($c->connect('127.0.0.1', $closed), $c->errCode);
var_dump($c->send('x'), $c->errCode === SWOOLE_ERROR_CLIENT_NO_CONNECTION);
var_dump($c->close());

$c = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($c->connect('127.0.0.1', $port, 0.5), $c->isConnected(), $c->sock > 0);
var_dump($c->connect('127.0.0.1', $port));
$peer = stream_socket_accept($srv);
$t = microtime(true);
var_dump($c->recv(), $c->errCode);
var_dump(microtime(true) - $t >= 0.45);
var_dump($c->send('hello'), fread($peer, 5));
fwrite($peer, "abcdefghij");
var_dump($c->recv(3, Swoole\Client::MSG_PEEK), $c->recv(4, 1), $c->recv(3, MSG_WAITALL), $c->recv());
var_dump($c->send(''));
var_dump(array_keys($c->getsockname()), $c->getpeername());
fclose($peer);
var_dump($c->recv());
var_dump($c->close(), $c->isConnected(), $c->sock);
new Swoole\Client(SWOOLE_SOCK_TCP, SWOOLE_SOCK_ASYNC);
?>
--EXPECTF--
array(7) {
  [0]=>
  string(7) "errCode"
  [1]=>
  string(4) "sock"
  [2]=>
  string(5) "reuse"
  [3]=>
  string(10) "reuseCount"
  [4]=>
  string(4) "type"
  [5]=>
  string(2) "id"
  [6]=>
  string(7) "setting"
}

Warning: Swoole\Client::connect(): connect to server[127.0.0.1:%d] failed. Error: Connection refused[111] in %s on line %d
bool(false)
int(111)

Warning: Swoole\Client::send(): client is not connected to server in %s on line %d
bool(false)
bool(true)

Warning: Swoole\Client::close(): client is not connected to the server in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)

Warning: Swoole\Client::connect(): connection to the server has already been established in %s on line %d
bool(false)

Warning: Swoole\Client::recv(): recv() failed, Error: Resource temporarily unavailable[11] in %s on line %d
bool(false)
int(11)
bool(true)
int(5)
string(5) "hello"
string(3) "abc"
string(4) "abcd"
string(3) "efg"
string(3) "hij"

Warning: Swoole\Client::send(): data to send is empty in %s on line %d
bool(false)

Warning: Swoole\Client::getpeername(): only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM) in %s on line %d
array(2) {
  [0]=>
  string(4) "port"
  [1]=>
  string(4) "host"
}
bool(false)
string(0) ""
bool(true)
bool(false)
int(-1)

Fatal error: Swoole\Client::__construct(): please install the ext-async extension, using Swoole\Async\Client in %s on line %d
