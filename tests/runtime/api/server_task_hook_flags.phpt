--TEST--
runtime: Server hook_flags also apply in task workers running onTask in coroutines (task_enable_coroutine)
--FILE--
<?php
require __DIR__ . '/../../server/include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_enable_coroutine' => true,
             'hook_flags' => SWOOLE_HOOK_SLEEP | SWOOLE_HOOK_FILE]);
    $s->on('workerStart', function ($s, $id) {
        if (!$s->taskworker) {
            $s->task('go');
        }
    });
    $s->on('receive', function () {});
    $s->on('task', function ($s, Swoole\Server\Task $task) {
        $t = microtime(true);
        usleep(10000);
        $task->finish([Swoole\Runtime::getHookFlags(), Co::getCid() > 0, microtime(true) - $t >= 0.009]);
    });
    $s->on('finish', function ($s, $task_id, $data) use ($pipe) {
        fwrite($pipe, json_encode($data) . "\n");
    });
    return $s;
});
echo server_wait_line(), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
[768,true,true]
int(0)
