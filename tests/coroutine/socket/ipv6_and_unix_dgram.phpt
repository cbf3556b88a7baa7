--TEST--
Co\Socket: IPv6 stream on ::1 and a named Unix datagram socket
--SKIPIF--
<?php if (!@stream_socket_server('tcp://[::1]:0')) die('skip no IPv6 loopback'); ?>
--FILE--
<?php
Co\run(function () {
    $server = new Co\Socket(AF_INET6, SOCK_STREAM, 0);
    var_dump($server->bind('::1', 0), $server->listen());
    $port = $server->getsockname()['port'];
    go(function () use ($server) {
        $conn = $server->accept(1);
        $conn->send($conn->recv(100, 1));
    });
    $c = new Co\Socket(AF_INET6, SOCK_STREAM, 0);
    var_dump($c->connect('::1', $port, 1), $c->send('v6'), $c->recv(100, 1), $c->getpeername()['address']);

    $path = sys_get_temp_dir() . '/cos_' . getmypid() . '.sock';
    @unlink($path);
    $a = new Co\Socket(AF_UNIX, SOCK_DGRAM, 0);
    var_dump($a->bind($path));
    $b = new Co\Socket(AF_UNIX, SOCK_DGRAM, 0);
    var_dump($b->sendto($path, 0, 'dgram'));
    var_dump($a->recvfrom($peer, 1), $peer);
    unlink($path);
});
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
int(2)
string(2) "v6"
string(3) "::1"
bool(true)
int(5)
string(5) "dgram"
array(2) {
  ["address"]=>
  string(0) ""
  ["port"]=>
  int(0)
}
