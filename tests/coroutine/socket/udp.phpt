--TEST--
Co\Socket: UDP sendto / recvfrom with the peer address
--FILE--
<?php
Co\run(function () {
    $a = new Co\Socket(AF_INET, SOCK_DGRAM, 0);
    var_dump($a->bind('127.0.0.1', 0));
    $port = $a->getsockname()['port'];
    go(function () use ($a) {
        $data = $a->recvfrom($peer, 1);
        var_dump($data, $peer['address'], $peer['port'] > 0);
        var_dump($a->sendto($peer['address'], $peer['port'], "pong"));
    });
    $b = new Co\Socket(AF_INET, SOCK_DGRAM, 0);
    var_dump($b->sendto('127.0.0.1', $port, "ping"));
    var_dump($b->recvfrom($peer, 1), $peer['address']);
    var_dump($b->recvfrom($peer, 0.1), $b->errCode);
});
?>
--EXPECT--
bool(true)
int(4)
string(4) "ping"
string(9) "127.0.0.1"
bool(true)
int(4)
string(4) "pong"
string(9) "127.0.0.1"
bool(false)
int(110)
