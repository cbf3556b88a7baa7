--TEST--
Server: event_object => true also for onPipeMessage (Server\PipeMessage), onFinish (Server\TaskResult) and onWorkerError (Server\StatusInfo)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1, 'event_object' => true, 'log_level' => SWOOLE_LOG_NONE]);
    $describe = function (string $what, object $e) use ($pipe) {
        $fields = [];
        foreach (get_object_vars($e) as $k => $v) {
            $fields[] = $k . '=' . ($k === 'dispatch_time' ? (is_float($v) && $v > 1e9 ? 'ok' : 'bad')
                : ($k === 'worker_pid' ? ($v > 0 ? 'pid' : 'bad') : json_encode($v)));
        }
        fwrite($pipe, $what . ' ' . get_class($e) . ' ' . implode(' ', $fields) . "\n");
    };
    $s->on('workerStart', function ($s, $id) use ($pipe) { if ($id === 0) fwrite($pipe, "ready\n"); });
    $s->on('receive', function ($s, $e) {
        if ($e->data === 'task') {
            $s->task(['n' => 7]);
        } elseif ($e->data === 'msg') {
            $s->sendMessage(['hello' => 1], 1 - $s->worker_id);
        } elseif ($e->data === 'die') {
            $s->sendMessage('die', 2);
        }
        $s->send($e->fd, 'ok');
    });
    $s->on('task', function ($s, $id, $src, $data) { return $data['n'] * 6; });
    $s->on('finish', function ($s, $r) use ($describe) { $describe('finish', $r); });
    $s->on('pipeMessage', function ($s, $m) use ($describe) {
        if ($m->data === 'die') {
            posix_kill(getmypid(), SIGKILL);
        }
        $describe('pipeMessage', $m);
    });
    $s->on('workerError', function ($s, $info) use ($describe) { $describe('workerError', $info); });
    return $s;
});
server_wait_line();
server_roundtrip($port, 'task', 2);
echo server_wait_line(), "\n";
server_roundtrip($port, 'msg', 2);
echo preg_replace('/source_worker_id=[01]/', 'source_worker_id=W', server_wait_line()), "\n";
server_roundtrip($port, 'die', 2);
echo server_wait_line(), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
finish Swoole\Server\TaskResult task_id=0 task_worker_id=2 dispatch_time=ok data=42
pipeMessage Swoole\Server\PipeMessage source_worker_id=W dispatch_time=ok data={"hello":1}
workerError Swoole\Server\StatusInfo worker_id=2 worker_pid=pid status=9 exit_code=0 signal=9
int(0)
