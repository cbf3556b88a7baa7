--TEST--
Co\Client: recv timeout gives 110 and keeps it after a later EOF; peer close gives ""; peek; exportSocket
--FILE--
<?php
Co\run(function () {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    $port = $l->getsockname()['port'];
    $ch = new Co\Channel(1);
    go(function () use ($l, $ch) {
        $conn = $l->accept();
        $ch->pop();          // the client timed out once
        $conn->send("hi");
        $ch->pop();
        $conn->close();
    });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    var_dump($c->connect('127.0.0.1', $port));
    $t = microtime(true);
    var_dump($c->recv(0.1), $c->errCode, $c->errMsg);
    var_dump(round(microtime(true) - $t, 1) >= 0.1);
    $ch->push(1);
    $s = $c->exportSocket();
    var_dump($s === $c->exportSocket(), $s instanceof Co\Socket);
    var_dump($s->recvPacket(1));
    $ch->push(1);
    var_dump($c->recv(1), $c->errCode);
    var_dump($s->close());
    var_dump($c->peek(), $c->errCode);
    $c->close();
    var_dump($s->send('x'), $s->errCode);
});
?>
--EXPECTF--
bool(true)
bool(false)
int(110)
string(20) "Connection timed out"
bool(true)
bool(true)
bool(true)
string(2) "hi"
string(0) ""
int(110)

Warning: Swoole\Coroutine\Socket::close(): cannot close the referenced resource in %s on line %d
bool(false)
string(0) ""
int(110)
bool(false)
int(9)
