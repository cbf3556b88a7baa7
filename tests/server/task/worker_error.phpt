--TEST--
Server task: onWorkerError in the manager for a task worker exit(1) and an event worker SIGKILL; both are replaced
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_NONE]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) {
        if ($data === 'exit') {
            $s->task('exit');
            $s->send($fd, 'ok');
        } else {
            posix_kill(getmypid(), SIGKILL);
        }
    });
    $s->on('task', function ($s, $id, $src, $data) { exit(1); });
    $s->on('finish', function () {});
    $s->on('workerError', function ($s, $id, $wpid, $code, $signal) use ($pipe) {
        fwrite($pipe, "error $id code=$code signal=$signal " . ($wpid > 0 && $wpid !== getmypid() ? 'pid' : 'bad') . "\n");
    });
    return $s;
});
$starts = [server_wait_line(), server_wait_line()];
sort($starts);
echo implode("\n", $starts), "\n";
echo server_roundtrip($port, 'exit', 2), "\n";
echo server_wait_line(), "\n", server_wait_line(), "\n";
$c = server_connect($port);
fwrite($c, 'kill');
echo server_wait_line(), "\n", server_wait_line(), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
start 0
start 1
ok
error 1 code=1 signal=0 pid
start 1
error 0 code=0 signal=9 pid
start 0
int(0)
