--TEST--
Co\Client: two coroutines reading one client is the fatal "has already been bound"
--FILE--
<?php
Co\run(function () {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', 0);
    $l->listen();
    go(function () use ($l) { $conn = $l->accept(); $conn->recv(2); });
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->connect('127.0.0.1', $l->getsockname()['port']);
    go(function () use ($c) { $c->recv(2); });
    try {
        $c->recv(2);
    } catch (Throwable $e) {
        echo "caught\n";
    }
    echo "not reached\n";
});
?>
--EXPECTF--
%AFatal error: Uncaught Swoole\Error: Socket#%d has already been bound to another coroutine#%d, reading of the same socket in coroutine#%d at the same time is not allowed%A
