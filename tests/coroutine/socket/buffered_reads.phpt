--TEST--
Co\Socket: bytes buffered by recvLine survive plain reads; peek while a reader is parked; recvAll past the buffer
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    $a->send("line\nkept-in-buffer");
    var_dump($b->recvLine());
    $ch = new Co\Channel(1);
    go(function () use ($b, $ch) { $ch->push($b->recv(65536, 5)); });
    go(function () use ($a, $b) {
        var_dump($b->peek(4));     // peek while a reader is parked: its own string
        $a->send(str_repeat("x", 40000));
    });
    var_dump(strlen($ch->pop()));
    var_dump($b->recvWithBuffer());  // the pending bytes survived the reads above
    $a->send("big");
    var_dump($b->recvAll(3));
    $a->send(str_repeat("y", 100000));
    var_dump(strlen($b->recvAll(100000)));
});
--EXPECT--
string(5) "line
"
bool(false)
int(40000)
string(14) "kept-in-buffer"
string(3) "big"
int(100000)
