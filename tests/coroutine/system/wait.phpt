--TEST--
system: wait / waitPid for children not spawned by exec; timeouts set errno and last error 110
--FILE--
<?php
function spawn(string $cmd): array {
    $p = proc_open($cmd, [], $pipes);
    return [$p, proc_get_status($p)['pid']];
}

Co\run(function () {
    // No child at all: not ECHILD, a timeout.
    $t = microtime(true);
    var_dump(Co\System::wait(0.1));
    var_dump(microtime(true) - $t >= 0.09, swoole_errno(), swoole_last_error());

    [$p, $pid] = spawn('exec sh -c "sleep 0.1; exit 5"');
    $r = Co\System::waitPid($pid);
    var_dump($r === ['pid' => $pid, 'code' => 5, 'signal' => 0]);

    [$p2, $pid2] = spawn('exec sleep 0.05');
    $r = Co\System::wait(5);
    var_dump($r['pid'] === $pid2, $r['code'], $r['signal']);

    [$p3, $pid3] = spawn('exec sleep 5');
    swoole_clear_error();
    var_dump(Co\System::waitPid($pid3, 0.1), swoole_errno(), swoole_last_error());
    proc_terminate($p3, SIGTERM);
    $r = Co\System::waitPid($pid3, 5);
    var_dump($r['pid'] === $pid3, $r['code'], $r['signal']);

    // Not a child of ours.
    var_dump(Co\System::waitPid(1, 0.1), swoole_errno());

    // Others keep running while a coroutine waits.
    [$p4, $pid4] = spawn('exec sleep 0.2');
    $ticks = 0;
    go(function () use (&$ticks) {
        for ($i = 0; $i < 5; $i++) {
            Co::sleep(0.02);
            $ticks++;
        }
    });
    var_dump(Co\System::waitPid($pid4)['pid'] === $pid4, $ticks);
});
?>
--EXPECT--
bool(false)
bool(true)
int(110)
int(110)
bool(true)
bool(true)
int(0)
int(0)
bool(false)
int(110)
int(110)
bool(true)
int(0)
int(15)
bool(false)
int(10)
bool(true)
int(5)
