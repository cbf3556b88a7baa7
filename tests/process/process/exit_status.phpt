--TEST--
process: exit status, uncaught exception, signals and Process::exit as seen by Process::wait
--FILE--
<?php
use Swoole\Process;
function run(callable $fn) {
    $p = new Process($fn, false, 0);
    $p->start();
    $r = Process::wait();
    var_dump($r['pid'] === $p->pid, $r['code'], $r['signal']);
    return $p;
}
run(function () {});
run(function () { exit(3); });
run(function () { throw new RuntimeException('x'); });
run(function () { Process::kill(getmypid(), SIGKILL); });
run(function (Process $p) { $p->exit(300); });
run(function (Process $p) {
    register_shutdown_function(function () { echo "shutdown function must not run\n"; });
    $p->exit(0);
});
run(function () { register_shutdown_function(function () { echo "shutdown ran\n"; }); });
var_dump(Process::wait(false));
// Restart after the child was reaped.
$p = new Process(function () { exit(5); }, false, 0);
$p->start();
$first = $p->pid;
Process::wait();
var_dump($p->start() !== $first, Process::wait()['code']);
?>
--EXPECTF--
bool(true)
int(0)
int(0)
bool(true)
int(3)
int(0)
%AFatal error: Uncaught RuntimeException: x in %s
%A
bool(true)
int(255)
int(0)
bool(true)
int(0)
int(9)

Warning: Swoole\Process::exit(): exit ret_code range is [>0 and <255] in %s on line %d
bool(true)
int(1)
int(0)
bool(true)
int(0)
int(0)
shutdown ran
bool(true)
int(0)
int(0)
bool(false)
bool(true)
int(5)
