--TEST--
Swoole\Client in coroutines: close() while another coroutine is parked in recv() wakes it with false (EBADF), with and without SWOOLE_KEEP (a busy connection is never pooled)
--FILE--
<?php
Co\run(function () {
    $srv = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $srv->bind('127.0.0.1', 0);
    $srv->listen();
    $port = $srv->getsockname()['port'];
    foreach ([SWOOLE_SOCK_TCP, SWOOLE_SOCK_TCP | SWOOLE_KEEP] as $type) {
        go(function () use ($srv) {
            $c = $srv->accept();
            Co::sleep(0.1);
            $c->send("late");
            Co::sleep(0.1);
        });
        $cli = new Swoole\Client($type);
        var_dump($cli->connect('127.0.0.1', $port, 1));
        go(function () use ($cli) {
            var_dump(@$cli->recv(), $cli->errCode);
        });
        var_dump($cli->close());
        Co::sleep(0.3);
    }
    // The kept connection was not pooled: a new KEEP client opens its own.
    go(function () use ($srv) { $c = $srv->accept(); $c->recv(); });
    $again = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_KEEP);
    var_dump($again->connect('127.0.0.1', $port, 1), $again->reuse);
    $again->close(true);
});
echo "end\n";
?>
--EXPECT--
bool(true)
bool(false)
int(9)
bool(true)
bool(true)
bool(false)
int(9)
bool(true)
bool(true)
bool(false)
end
