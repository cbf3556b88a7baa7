--TEST--
Server sendMessage: between event workers and a task worker, values serialized, self and invalid targets warned
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
    set_error_handler(function ($no, $str) use ($pipe) { fwrite($pipe, "warning: $str\n"); return true; });
    $s->on('receive', function () {});
    $s->on('task', function () {});
    $s->on('workerStart', function ($s, $id) use ($pipe) {
        if ($id !== 0) {
            return;
        }
        fwrite($pipe, 'self ' . json_encode($s->sendMessage('x', 0)) . "\n");
        fwrite($pipe, 'invalid ' . json_encode($s->sendMessage('x', 3)) . "\n");
        fwrite($pipe, 'negative ' . json_encode($s->sendMessage('x', -1)) . "\n");
        fwrite($pipe, 'to 1 ' . json_encode($s->sendMessage(['k' => [1, 2]], 1)) . "\n");
        fwrite($pipe, 'to task ' . json_encode($s->sendMessage('ping', 2)) . "\n");
    });
    $s->on('pipeMessage', function ($s, $src, $msg) use ($pipe) {
        fwrite($pipe, "worker {$s->worker_id} got " . json_encode($msg) . " from $src\n");
        if ($s->worker_id === 2) {
            fwrite($pipe, 'task self ' . json_encode($s->sendMessage('x', 2)) . "\n");
            $s->sendMessage('pong', $src);
        }
    });
    return $s;
});
$lines = [];
for ($i = 0; $i < 13; $i++) {
    $lines[] = server_wait_line();
}
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
invalid false
negative false
self false
task self false
to 1 true
to task true
warning: Swoole\Server::sendMessage(): can't send messages to self
warning: Swoole\Server::sendMessage(): can't send messages to self
warning: Swoole\Server::sendMessage(): worker_id[-1] is invalid
warning: Swoole\Server::sendMessage(): worker_id[3] is invalid
worker 0 got "pong" from 2
worker 1 got {"k":[1,2]} from 0
worker 2 got "ping" from 0
int(0)
