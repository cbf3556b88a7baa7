--TEST--
Co\Socket: Co::cancel() of a coroutine blocked in recvfrom gives false with errCode 125; peek unconnected gives 107
--FILE--
<?php
Co\run(function () {
    $s = new Co\Socket(AF_INET, SOCK_DGRAM, 0);
    $s->bind('127.0.0.1', 0);
    $cid = go(function () use ($s) {
        var_dump($s->recvfrom($peer, 5));
        var_dump($s->errCode === SOCKET_ECANCELED, $s->errMsg);
    });
    var_dump(Co::cancel($cid));
    $t = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($t->peek(), $t->errCode);
});
?>
--EXPECT--
bool(false)
bool(true)
string(18) "Operation canceled"
bool(true)
bool(false)
int(107)
