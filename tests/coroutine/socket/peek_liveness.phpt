--TEST--
Co\Socket: peek does not consume, EAGAIN when empty; checkLiveness sees the peer go
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($b->peek(), $b->errCode);
    var_dump($b->checkLiveness());
    $a->send("data");
    var_dump($b->peek(2), $b->recv());
    $a->close();
    var_dump($b->peek());
    var_dump($b->checkLiveness(), $b->errCode);
});
?>
--EXPECT--
bool(false)
int(11)
bool(true)
string(2) "da"
string(4) "data"
string(0) ""
bool(false)
int(104)
