--TEST--
Co\Socket: accept timeout gives false with errCode 110; the accepted socket inherits setProtocol
--FILE--
<?php
Co\run(function () {
    $server = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $server->bind('127.0.0.1', 0);
    $server->listen();
    var_dump($server->accept(0.05), $server->errCode);
    $server->setProtocol(['open_eof_split' => true, 'package_eof' => "|"]);
    $port = $server->getsockname()['port'];
    go(function () use ($port) {
        $c = new Co\Socket(AF_INET, SOCK_STREAM, 0);
        $c->connect('127.0.0.1', $port);
        $c->send("a|b|");
        Co::sleep(0.05);
    });
    $conn = $server->accept(1);
    var_dump($conn->recvPacket(1), $conn->recvPacket(1));
});
?>
--EXPECT--
bool(false)
int(110)
string(2) "a|"
string(2) "b|"
