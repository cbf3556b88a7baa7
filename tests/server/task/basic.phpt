--TEST--
Server task: ids from 0, onTask return value to onFinish, taskwait result and timeout, taskWaitMulti keys by position
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 4, 'enable_coroutine' => false, 'log_level' => SWOOLE_LOG_ERROR]);
    $s->on('receive', function () {});
    $s->on('workerStart', function ($s, $id) use ($pipe) {
        if ($s->taskworker || $id !== 0) {
            return;
        }
        fwrite($pipe, 'task ids ' . json_encode([$s->task('a'), $s->task(['x' => 1])]) . "\n");
        fwrite($pipe, 'taskwait ' . json_encode($s->taskwait('w', 2)) . "\n");
        fwrite($pipe, 'taskwait timeout ' . json_encode($s->taskwait('sleep', 0.05)) . "\n");
        $r = $s->taskWaitMulti(['a' => 'm1', 'b' => 'sleep', 'c' => 'm3'], 0.1);
        fwrite($pipe, 'multi ' . json_encode($r) . "\n");
    });
    $s->on('task', function ($s, $task_id, $src, $data) {
        if ($data === 'sleep') {
            usleep(300000);
        }
        return ['re' => $data, 'id' => $task_id, 'src' => $src, 'tw' => $s->worker_id >= 1];
    });
    $s->on('finish', function ($s, $task_id, $data) use ($pipe) {
        fwrite($pipe, "finish $task_id " . json_encode($data) . "\n");
    });
    return $s;
});
$lines = [];
for ($i = 0; $i < 6; $i++) {
    $lines[] = server_wait_line();
}
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
finish 0 {"re":"a","id":0,"src":0,"tw":true}
finish 1 {"re":{"x":1},"id":1,"src":0,"tw":true}
multi {"0":{"re":"m1","id":4,"src":0,"tw":true},"2":{"re":"m3","id":6,"src":0,"tw":true}}
task ids [0,1]
taskwait timeout false
taskwait {"re":"w","id":2,"src":0,"tw":true}
int(0)
