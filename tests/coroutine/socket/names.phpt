--TEST--
Co\Socket: getsockname / getpeername; getOption / setOption
--FILE--
<?php
Co\run(function () {
    $server = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $server->bind('127.0.0.1', 0);
    $server->listen();
    $port = $server->getsockname()['port'];
    go(function () use ($server, $port) {
        $conn = $server->accept(1);
        $peer = $conn->getpeername();
        $me = $conn->getsockname();
        var_dump($peer['address'], $me['port'] === $port);
    });
    $c = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $c->connect('127.0.0.1', $port);
    var_dump($c->getpeername() === ['address' => '127.0.0.1', 'port' => $port]);
    var_dump($c->setOption(SOL_SOCKET, SO_KEEPALIVE, 1), $c->getOption(SOL_SOCKET, SO_KEEPALIVE));
    var_dump($c->setOption(SOL_SOCKET, SO_RCVTIMEO, ['sec' => 1, 'usec' => 500000]));
    var_dump($c->getOption(SOL_SOCKET, SO_RCVTIMEO));
    var_dump($c->setOption(SOL_SOCKET, SO_LINGER, ['l_onoff' => 1]));
    $u = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($u->getpeername(), $u->errCode);
});
?>
--EXPECTF--
string(9) "127.0.0.1"
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
array(2) {
  ["sec"]=>
  int(1)
  ["usec"]=>
  int(500000)
}

Warning: Swoole\Coroutine\Socket::setOption(): no key "l_linger" passed in optval in %s on line %d
bool(false)
bool(false)
int(107)
