--TEST--
Co\Socket: recvPacket with length and EOF protocols; too large packet gives 1201
--FILE--
<?php
Co\run(function () {
    [$x, $y] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($y->setProtocol(['open_length_check' => true, 'package_length_type' => 'x']));
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($b->setProtocol([]));
    var_dump($b->setProtocol([
        'open_length_check' => true,
        'package_length_type' => 'N',
        'package_length_offset' => 0,
        'package_body_offset' => 4,
    ]));
    go(function () use ($a) {
        $a->send(pack('N', 5) . 'hel');
        Co::sleep(0.05);
        $a->send('lo' . pack('N', 3) . 'abc');
    });
    $p = $b->recvPacket(1);
    var_dump(strlen($p), substr($p, 4));
    $p = $b->recvPacket(1);
    var_dump(substr($p, 4));

    [$c, $d] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($d->setProtocol(['open_eof_split' => true, 'package_eof' => "\r\n"]));
    $c->send("one\r\ntwo\r\nthr");
    var_dump($d->recvPacket(1), $d->recvPacket(1));
    $c->send("ee\r\n");
    var_dump($d->recvPacket(1));

    [$e, $f] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $f->setProtocol(['open_length_check' => true, 'package_length_type' => 'N', 'package_body_offset' => 4,
                     'package_max_length' => 100]);
    $e->send(pack('N', 1000) . 'x');
    var_dump($f->recvPacket(1), $f->errCode === SWOOLE_ERROR_PACKAGE_LENGTH_TOO_LARGE, $f->errMsg);

    [$g, $h] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $g->send("raw");
    var_dump($h->recvPacket(1));
});
?>
--EXPECTF--

Warning: Swoole\Coroutine\Socket::setProtocol(): Unknown package_length_type name 'x', see pack(). in %s on line %d
bool(false)
bool(false)
bool(true)
int(9)
string(5) "hello"
string(3) "abc"
bool(true)
string(5) "one
"
string(5) "two
"
string(7) "three
"
[%s]	WARNING	Socket::recv_packet_with_length_protocol() (ERRNO 1201): packet length is too big, remote_addr=:0, length=1004
bool(false)
bool(true)
string(%d) "Socket::recv_packet_with_length_protocol() (ERRNO 1201): packet length is too big, remote_addr=:0, length=1004"
string(3) "raw"
