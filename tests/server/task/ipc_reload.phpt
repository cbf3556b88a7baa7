--TEST--
Server task: task_ipc_mode 2 and 3 with a big payload through task_tmpdir; reload(true) (SIGUSR2) between onBeforeReload and onAfterReload restarts every worker in BASE mode (as 4.8), only the task workers in PROCESS mode
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$tmp = sys_get_temp_dir() . '/swoole-task-phpt-' . getmypid();
$flag = "$tmp.once";
foreach ([[2, SWOOLE_BASE], [3, SWOOLE_BASE], [2, SWOOLE_PROCESS]] as [$mode, $smode]) {
    @unlink($flag);
    [$pid, $port] = server_fork(function ($pipe) use ($mode, $smode, $tmp, $flag) {
        $s = new Swoole\Server('127.0.0.1', 0, $smode);
        $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'task_ipc_mode' => $mode, 'task_tmpdir' => $tmp,
                 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_ERROR]);
        $s->on('receive', function ($s, $fd, $rid, $data) {
            $s->send($fd, $data === 'reload' ? json_encode($s->reload(true)) : '?');
        });
        $s->on('workerStart', function ($s, $id) use ($pipe, $flag) {
            fwrite($pipe, "start $id\n");
            if ($id === 0 && !file_exists($flag)) {  // the first worker 0 only (not its replacement)
                touch($flag);
                $r = $s->taskwait(str_repeat('z', 100000), 5, 1);
                fwrite($pipe, 'big ' . json_encode($r) . "\n");
            }
        });
        $s->on('task', function ($s, $id, $src, $data) { return [strlen($data), $s->worker_id, str_repeat('r', 9000)]; });
        $s->on('beforeReload', function ($s) use ($pipe) { fwrite($pipe, "beforeReload\n"); });
        $s->on('afterReload', function ($s) use ($pipe) { fwrite($pipe, "afterReload\n"); });
        return $s;
    });
    $lines = [];
    for ($i = 0; $i < 4; $i++) {
        $lines[] = server_wait_line();
    }
    sort($lines);
    foreach ($lines as &$l) {
        $l = preg_replace('/"r{9000}"/', 'R', $l);
    }
    echo "mode $mode ", $smode === SWOOLE_BASE ? 'BASE' : 'PROCESS', "\n", implode("\n", $lines), "\n";
    echo 'reload ', server_roundtrip($port, 'reload', 4), "\n";
    $lines = [];
    for ($i = 0; $i < ($smode === SWOOLE_BASE ? 5 : 4); $i++) {
        $lines[] = server_wait_line();
    }
    // beforeReload first; afterReload comes once the last one was forked, so
    // its "start" line may come before or after it.
    echo array_shift($lines), "\n";
    sort($lines);
    echo implode("\n", $lines), "\n";
    var_dump(server_stop($pid));
    var_dump(glob("$tmp/*"));
}
@rmdir($tmp);
@unlink($flag);
?>
--EXPECTF--
mode 2 BASE
big [100000,2,R]
start 0
start 1
start 2
reload true
beforeReload
afterReload
start 0
start 1
start 2
int(0)
array(0) {
}
mode 3 BASE
big [100000,%d,R]
start 0
start 1
start 2
reload true
beforeReload
afterReload
start 0
start 1
start 2
int(0)
array(0) {
}
mode 2 PROCESS
big [100000,2,R]
start 0
start 1
start 2
reload true
beforeReload
afterReload
start 1
start 2
int(0)
array(0) {
}
