--TEST--
Co\Socket: recvLine and recvWithBuffer share one read buffer
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $a->send("first\nsecond\nrest");
    var_dump($b->recvLine(), $b->recvLine());
    var_dump($b->recvWithBuffer(2), $b->recvWithBuffer());
    $a->send("abcdefgh\n");
    var_dump($b->recvLine(4), $b->recvLine());
    $a->send("tail");
    $a->close();
    var_dump($b->recvLine(), $b->recvLine());
});
?>
--EXPECT--
string(6) "first
"
string(7) "second
"
string(2) "re"
string(2) "st"
string(4) "abcd"
string(5) "efgh
"
string(4) "tail"
string(0) ""
