--TEST--
Swoole\Client: SWOOLE_KEEP pool reuse, swoole_client_select over clients and streams, non-blocking connect, getSocket, udp/unix
--FILE--
<?php
$srv = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);

$a = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_KEEP);
var_dump($a->connect('127.0.0.1', $port), $a->reuse, $a->reuseCount);
$fd = $a->sock;
$a->close();
$b = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_KEEP);
var_dump($b->connect('127.0.0.1', $port), $b->reuse, $b->reuseCount, $b->sock === $fd);
var_dump($b->getSocket());
$b->close(true);
$c = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_KEEP, SWOOLE_SOCK_SYNC, 'named');
var_dump($c->connect('127.0.0.1', $port), $c->reuse, $c->id);

// select: nothing ready, then one client readable, keys kept
$x = new Swoole\Client(SWOOLE_SOCK_TCP);
$y = new Swoole\Client(SWOOLE_SOCK_TCP);
$x->connect('127.0.0.1', $port);
$y->connect('127.0.0.1', $port);
$peers = [];
for ($i = 0; $i < 4; $i++) $peers[] = stream_socket_accept($srv, 1);  // a, c, x, y
[$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$r = ['x' => $x, 'y' => $y]; $w = null; $e = null;
var_dump(swoole_client_select($r, $w, $e, 0.05), $r);
fwrite(end($peers), "to y");   // the newest accepted connection is $y's
fwrite($s2, 'ready');
$r = ['x' => $x, 'y' => $y, 'stream' => $s1];
var_dump(swoole_client_select($r, $w, $e, 2), array_keys($r), $y->recv());
$w = [7 => $x];
$r = [];
var_dump(swoole_select($r, $w, $e), array_keys($w));
$r = []; $w = []; $e = [];
var_dump(swoole_client_select($r, $w, $e));

// non-blocking connect: writable once connected
$n = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($n->connect('127.0.0.1', $port, 1, 1));
$r = null; $w = [$n]; $e = null;
var_dump(swoole_client_select($r, $w, $e, 2));
var_dump($n->send('after async connect'));
$np = stream_socket_accept($srv, 1);
var_dump(fread($np, 100));

// getSocket: an ext-sockets Socket for the connection
$g = new Swoole\Client(SWOOLE_SOCK_TCP);
$g->connect('127.0.0.1', $port);
$sock = $g->getSocket();
var_dump($sock instanceof Socket, $sock === $g->getSocket());
$gp = stream_socket_accept($srv, 1);
socket_write($sock, 'via ext-sockets');
var_dump(fread($gp, 100));

// UDP client against a stream_socket_server udp peer
$udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
$uport = (int) substr(strrchr(stream_socket_get_name($udp, false), ':'), 1);
$u = new Swoole\Client(SWOOLE_SOCK_UDP);
var_dump($u->connect('127.0.0.1', $uport), $u->send('dgram'));
$data = stream_socket_recvfrom($udp, 100, 0, $from);
stream_socket_sendto($udp, "re:$data", 0, $from);
var_dump($u->recv(), $u->getpeername()['port'] === $uport);
var_dump($u->sendto('127.0.0.1', $uport, 'more'), stream_socket_recvfrom($udp, 100));
$t = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($t->sendto('127.0.0.1', $uport, 'x'), $u->sendfile(__FILE__));

// Unix stream
$path = sys_get_temp_dir() . '/swsync_' . getmypid() . '.sock';
$us = stream_socket_server("unix://$path");
$uc = new Swoole\Client(SWOOLE_SOCK_UNIX_STREAM);
var_dump($uc->connect($path), $uc->send('unix!'));
$up = stream_socket_accept($us, 1);
fwrite($up, strtoupper(fread($up, 5)));
var_dump($uc->recv(), $uc->getsockname());
unlink($path);
?>
--EXPECTF--
bool(true)
bool(false)
int(0)
bool(true)
bool(true)
int(1)
bool(true)

Warning: Swoole\Client::getSocket(): the 'getSocket' method can't be used on persistent connection in %s on line %d
bool(false)
bool(true)
bool(false)
string(5) "named"
int(0)
array(0) {
}
int(2)
array(2) {
  [0]=>
  string(1) "y"
  [1]=>
  string(6) "stream"
}
string(4) "to y"
int(1)
array(1) {
  [0]=>
  int(7)
}

Warning: swoole_client_select(): no resource arrays were passed to select in %s on line %d
bool(false)
bool(true)
int(1)
int(19)
string(19) "after async connect"
bool(true)
bool(true)
string(15) "via ext-sockets"
bool(true)
int(5)
string(8) "re:dgram"
bool(true)
bool(true)
string(4) "more"

Warning: Swoole\Client::sendto(): only supports SWOOLE_SOCK_(UDP/UDP6/UNIX_DGRAM) in %s on line %d

Warning: Swoole\Client::sendfile(): dgram socket cannot use sendfile in %s on line %d
bool(false)
bool(false)
bool(true)
int(5)

Warning: Swoole\Client::getsockname(): getsockname() only support AF_INET family socket in %s on line %d
string(5) "UNIX!"
bool(false)
