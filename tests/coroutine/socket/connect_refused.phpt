--TEST--
Co\Socket: connect to a closed port fails at once with 111; port argument checks
--FILE--
<?php
Co\run(function () {
    $probe = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $probe->bind('127.0.0.1', 0);
    $port = $probe->getsockname()['port'];
    $probe->close();
    $s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $t = microtime(true);
    var_dump($s->connect('127.0.0.1', $port, 2));
    var_dump($s->errCode, $s->errMsg, microtime(true) - $t < 1);
    var_dump($s->connect('127.0.0.1'));
    var_dump($s->connect('127.0.0.1', 70000));
});
?>
--EXPECTF--
bool(false)
int(111)
string(18) "Connection refused"
bool(true)

Warning: Swoole\Coroutine\Socket::connect(): Socket of type AF_INET/AF_INET6 requires port argument in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Socket::connect(): Invalid port argument[70000] in %s on line %d
bool(false)
