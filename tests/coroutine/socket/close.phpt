--TEST--
Co\Socket: after close() every call fails with errCode 9 (EBADF)
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    var_dump($a->isClosed(), $a->close(), $a->isClosed());
    var_dump($a->send("x"), $a->errCode, $a->errMsg);
    var_dump($a->recv(), $a->errCode);
    var_dump($a->close(), $a->errCode);
    var_dump($b->recv(10, 1));
});
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(false)
int(9)
string(19) "Bad file descriptor"
bool(false)
int(9)
bool(false)
int(9)
string(0) ""
