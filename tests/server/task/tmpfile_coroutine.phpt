--TEST--
Server task: with task_enable_coroutine a 1 MiB task payload (task_tmpdir) is read by the task's coroutine on the aio pool, and the 1 MiB result by the waiting coroutine; no file is left
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$tmp = sys_get_temp_dir() . '/swoole-task-co-phpt-' . getmypid();
// Threads of this process: the aio pool adds some once it was used.
function thread_count(): int { return count(glob('/proc/' . getmypid() . '/task/*')); }
[$pid, $port] = server_fork(function ($pipe) use ($tmp) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_enable_coroutine' => true, 'task_tmpdir' => $tmp,
             'log_level' => SWOOLE_LOG_ERROR]);
    $s->on('receive', function () {});
    $s->on('workerStart', function ($s, $id) use ($pipe, $tmp) {
        if ($id !== 0) {
            return;
        }
        $payload = str_repeat('p', 1 << 20) . 'end';
        $r = $s->taskwait($payload, 10);
        fwrite($pipe, 'taskwait ' . strlen($r) . ' ' . md5($r) . "\n");
        $r = $s->taskCo([$payload, 'small'], 10);
        fwrite($pipe, 'taskCo ' . strlen($r[0]) . ' ' . $r[1] . "\n");
        fwrite($pipe, 'files ' . json_encode(glob("$tmp/*")) . "\n");
    });
    $s->on('task', function ($s, Swoole\Server\Task $task) use ($pipe) {
        if ($task->data === 'small') {
            return 'small ok';
        }
        fwrite($pipe, 'task ' . strlen($task->data) . ' ' . substr($task->data, -3) . ' in coroutine '
            . json_encode(Swoole\Coroutine::getCid() > 0) . ' read on the pool ' . json_encode(thread_count() > 1) . "\n");
        return str_repeat('r', 1 << 20);
    });
    return $s;
});
$lines = [];
for ($i = 0; $i < 5; $i++) {
    $lines[] = server_wait_line();
}
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
var_dump(glob("$tmp/*"));
@rmdir($tmp);
?>
--EXPECTF--
task 1048579 end in coroutine true read on the pool true
taskwait 1048576 1043fecaab0942bacabfa2ff85a4fcd6
task 1048579 end in coroutine true read on the pool true
taskCo 1048576 small ok
files []
int(0)
array(0) {
}
