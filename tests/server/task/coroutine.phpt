--TEST--
Server task: task_enable_coroutine with Server\Task (return value and finish()), taskCo with false entries, taskwait in a coroutine
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 3, 'task_enable_coroutine' => true, 'log_level' => SWOOLE_LOG_ERROR]);
    $s->on('receive', function () {});
    $s->on('workerStart', function ($s, $id) use ($pipe) {
        if ($id !== 0) {
            return;
        }
        fwrite($pipe, 'taskwait ' . json_encode($s->taskwait('w', 2)) . "\n");
        $r = $s->taskCo(['a' => 'c1', 'b' => 'sleep', 'c' => 'c3'], 0.2);
        fwrite($pipe, 'taskCo ' . json_encode($r) . ' ' . json_encode(array_keys($r)) . "\n");
        $s->task('by-finish');
    });
    $s->on('task', function ($s, Swoole\Server\Task $task) use ($pipe) {
        if ($task->data === 'sleep') {
            Swoole\Coroutine::sleep(0.5);
        }
        if ($task->data === 'by-finish') {
            fwrite($pipe, 'props ' . json_encode([get_class($task), $task->id, $task->worker_id, $task->flags, is_float($task->dispatch_time)]) . "\n");
            fwrite($pipe, 'finish ' . json_encode($task->finish('done')) . "\n");
            return null;
        }
        return 're:' . $task->data . ':' . Swoole\Coroutine::getCid();
    });
    $s->on('finish', function ($s, $id, $data) use ($pipe) { fwrite($pipe, "onFinish $id $data\n"); });
    return $s;
});
$lines = [];
for ($i = 0; $i < 5; $i++) {
    $lines[] = server_wait_line();
}
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
?>
--EXPECTF--
finish true
onFinish 4 done
props ["Swoole\\Server\\Task",4,0,4,true]
taskCo {"0":"re:c1:%d","2":"re:c3:%d","1":false} [0,2,1]
taskwait "re:w:%d"
int(0)
