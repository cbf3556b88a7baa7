--TEST--
process: enable_coroutine runs the callback in a coroutine with its own loop; forking inside a coroutine is fatal
--FILE--
<?php
use Swoole\Process;
$p = new Process(function (Process $p) {
    $cid = Swoole\Coroutine::getCid();
    go(function () use ($p) { Co::sleep(0.02); $p->write('late coroutine done'); });
    $p->write("in coroutine $cid");
}, false, 2, true);
$p->start();
var_dump($p->read(), $p->read());
var_dump(Process::wait()['code']);
go(function () {
    $q = new Process(function () {});
    try { $q->start(); } catch (Throwable $e) { echo "caught\n"; }
});
echo "not reached\n";
?>
--EXPECTF--
string(14) "in coroutine 1"
string(19) "late coroutine done"
int(0)
%AFatal error: Uncaught Swoole\Error: must be forked outside the coroutine in %s
%A
