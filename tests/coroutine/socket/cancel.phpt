--TEST--
Co\Socket: cancel() of a waiting recv gives false with errCode 125
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    go(function () use ($b) {
        var_dump($b->recv(1024, 5));
        var_dump($b->errCode, $b->errMsg);
    });
    var_dump($b->cancel());
    var_dump($b->cancel());
});
?>
--EXPECT--
bool(false)
int(125)
string(18) "Operation canceled"
bool(true)
bool(false)
