--TEST--
Server task: the warnings of task/taskwait/taskWaitMulti/taskCo/finish
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 2, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_ERROR]);
    $s->on('receive', function () {});
    set_error_handler(function ($no, $str) use ($pipe) { fwrite($pipe, "warning: $str\n"); return true; });
    $s->on('workerStart', function ($s, $id) use ($pipe) {
        if ($id !== 0) {
            return;
        }
        fwrite($pipe, 'dst ' . json_encode($s->task('x', 2)) . "\n");
        fwrite($pipe, 'many ' . json_encode($s->taskWaitMulti(array_fill(0, 1025, 'x'))) . "\n");
        fwrite($pipe, 'finish in worker ' . json_encode($s->finish('x')) . "\n");
        fwrite($pipe, 'empty multi ' . json_encode($s->taskWaitMulti([])) . "\n");
        $s->task('in-task', 1);
    });
    $s->on('task', function ($s, $id, $src, $data) use ($pipe) {
        fwrite($pipe, 'task in task ' . json_encode($s->task('y')) . "\n");
        fwrite($pipe, 'taskwait in task ' . json_encode($s->taskwait('y')) . "\n");
        fwrite($pipe, 'finish twice ' . json_encode([$s->finish('one'), $s->finish('two')]) . "\n");
    });
    $s->on('finish', function ($s, $id, $data) use ($pipe) { fwrite($pipe, "onFinish $id $data\n"); });
    return $s;
});
$lines = [];
for ($i = 0; $i < 14; $i++) {
    $lines[] = server_wait_line();
}
sort($lines);  // the two processes write in no fixed order
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
?>
--EXPECTF--
dst false
empty multi []
finish in worker false
finish twice [true,true]
many false
onFinish 0 one
onFinish 0 two
task in task false
taskwait in task false
warning: Swoole\Server::finish(): Server::finish() can only be used in the task worker, inside onTask
warning: Swoole\Server::task(): Server->task() cannot use in the task-worker
warning: Swoole\Server::task(): worker_id must be less than task_worker_num[2]
warning: Swoole\Server::taskWaitMulti(): too many concurrent tasks
warning: Swoole\Server::taskwait(): taskwait method can only be used in the worker process
int(0)
