--TEST--
Swoole\Client framing: length packets, EOF split, "no package eof" over package_max_length, oversize length packet
--FILE--
<?php
$srv = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($srv, false), ':'), 1);
function client(array $settings, int $port, $srv, string $payload) {
    $c = new Swoole\Client(SWOOLE_SOCK_TCP);
    $c->set($settings);
    $c->connect('127.0.0.1', $port, 2);
    $peer = stream_socket_accept($srv, 2);
    fwrite($peer, $payload);
    return [$c, $peer];
}
[$c, $p] = client(['open_length_check' => true, 'package_length_type' => 'n', 'package_body_offset' => 2], $port, $srv,
    pack('n', 3) . 'abc' . pack('n', 1) . 'd');
var_dump(bin2hex($c->recv()), bin2hex($c->recv()));
[$c, $p] = client(['open_eof_split' => true, 'package_eof' => "\r\n"], $port, $srv, "x\r\ny\r\n");
var_dump($c->recv(), $c->recv());
[$c, $p] = client(['open_eof_check' => true, 'package_eof' => "\r\n", 'package_max_length' => 16], $port, $srv, str_repeat('z', 40));
var_dump($c->recv(), $c->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE, $c->isConnected());
[$c, $p] = client(['open_length_check' => true, 'package_length_type' => 'N', 'package_body_offset' => 4, 'package_max_length' => 100],
    $port, $srv, pack('N', 1000) . 'x');
var_dump($c->recv(), $c->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE);
?>
--EXPECTF--
string(10) "0003616263"
string(6) "000164"
string(3) "x
"
string(3) "y
"

Warning: Swoole\Client::recv(): no package eof in %s on line %d
bool(false)
bool(true)
bool(false)
[%s]	ERROR	Package is too big
string(0) ""
bool(true)
