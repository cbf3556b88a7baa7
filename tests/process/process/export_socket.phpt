--TEST--
process: exportSocket gives the same Coroutine\Socket each call, usable from coroutines on both sides
--FILE--
<?php
use Swoole\Process;
$p = new Process(function (Process $p) {
    Swoole\Coroutine\run(function () use ($p) {
        $s = $p->exportSocket();
        $msg = $s->recv();
        $s->send("child got $msg");
    });
}, false, 1);
$sock = $p->exportSocket();
var_dump($sock instanceof Swoole\Coroutine\Socket, $sock === $p->exportSocket());
$p->start();
Swoole\Coroutine\run(function () use ($sock) {
    $sock->send('ping');
    var_dump($sock->recv(8192, 5));
});
var_dump(Process::wait()['code']);
?>
--EXPECT--
bool(true)
bool(true)
string(14) "child got ping"
int(0)
