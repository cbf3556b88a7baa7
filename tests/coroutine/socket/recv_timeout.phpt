--TEST--
Co\Socket: recv timeout gives false and errCode 110; errCode stays after a later success
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $t = microtime(true);
    var_dump($a->recv(1024, 0.1));
    var_dump($a->errCode, $a->errMsg, swoole_last_error());
    var_dump(microtime(true) - $t >= 0.09);
    $b->send("x");
    var_dump($a->recv(1024, 0.1), $a->errCode);
});
?>
--EXPECT--
bool(false)
int(110)
string(20) "Connection timed out"
int(110)
bool(true)
string(1) "x"
int(110)
