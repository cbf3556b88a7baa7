--TEST--
Server: tick/after/defer/clearTimer aliases, sendfile, getSocket, enable_coroutine off, delay_receive + confirm
--FILE--
<?php
$file = tempnam(sys_get_temp_dir(), 'swsf');
file_put_contents($file, 'abcdefghij');
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'enable_coroutine' => false, 'enable_delay_receive' => true]);
$s->on('connect', function ($s, $fd) {
    echo "connect $fd in coroutine: ", Co::getCid() > 0 ? 'yes' : 'no', "\n";
    $s->after(30, function () use ($s, $fd) { echo "confirm\n"; var_dump($s->confirm($fd)); });
});
$s->on('receive', function ($s, $fd, $rid, $data) use ($file) {
    echo "receive $data\n";
    var_dump($s->sendfile($fd, $file, 2, 3), $s->sendfile($fd, $file, 8), $s->sendfile($fd, '/nonexistent'), $s->sendfile($fd, '/tmp'));
});
$s->on('workerStart', function ($s) {
    $sock = $s->getSocket();
    var_dump($sock instanceof Socket);
    $n = 0;
    $id = $s->tick(10, function ($id) use (&$n, $s) { if (++$n === 3) $GLOBALS['cleared'] = $s->clearTimer($id); });
    var_dump($id > 0, $s->defer(function () { $GLOBALS['deferred'] = true; }));
    go(function () use ($s, &$n) {
        $c = new Co\Client(SWOOLE_SOCK_TCP);
        $c->connect('127.0.0.1', $s->port);
        $c->send('data');
        $got = '';
        while (strlen($got) < 5) $got .= $c->recv(2);
        Co::sleep(0.05);
        var_dump($got, $GLOBALS['deferred'] ?? false, $GLOBALS['cleared'] ?? null, $n);
        $c->close();
        $s->shutdown();
    });
});
$s->start();
unlink($file);
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
connect 1 in coroutine: no
confirm
bool(true)
receive data

Warning: Swoole\Server::sendfile(): stat(/nonexistent) failed, Error: No such file or directory[2] in %s on line %d

Warning: Swoole\Server::sendfile(): the file[/tmp] is not a regular file in %s on line %d
bool(true)
bool(true)
bool(false)
bool(false)
string(5) "cdeij"
bool(true)
bool(true)
int(3)
