--TEST--
Server: sendwait() in BASE returns once the whole output reached the socket (coroutine: parks; no coroutine: blocks); task worker: "can't sendwait"
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
const SIZE = 6 * 1024 * 1024;
foreach ([true, false] as $co) {
    [$pid, $port] = server_fork(function ($pipe) use ($co) {
        $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
        $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'enable_coroutine' => $co,
                 'socket_buffer_size' => 16 * 1024 * 1024, 'log_level' => SWOOLE_LOG_ERROR]);
        $s->on('workerStart', function ($s, $id) use ($pipe) { if ($id === 0) fwrite($pipe, "ready\n"); });
        $s->on('task', function ($s, $id, $src, $data) use ($pipe) {
            fwrite($pipe, 'task: ' . var_export(@$s->sendwait(1, 'x'), true) . ' ' . error_get_last()['message'] . "\n");
            return 1;
        });
        $s->on('finish', function () {});
        $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
            if ($data === 'task') {
                $s->task(1);
                return;
            }
            $r = $s->sendwait($fd, str_repeat('x', SIZE));
            $queued = $s->getClientInfo($fd)['send_queued_bytes'];
            fwrite($pipe, 'sendwait: ' . var_export($r, true) . " queued=$queued\n");
        });
        return $s;
    });
    server_wait_line();
    $c = server_connect($port);
    fwrite($c, 'big');
    echo ($co ? 'coroutine ' : 'blocking  '), 'received ', strlen(server_read($c, SIZE)) === SIZE ? 'all' : 'short', "\n";
    echo server_wait_line(), "\n";
    fclose($c);
    if ($co) {
        $c = server_connect($port);
        fwrite($c, 'task');
        echo server_wait_line(), "\n";
        fclose($c);
    }
    var_dump(server_stop($pid));
}
?>
--EXPECT--
coroutine received all
sendwait: true queued=0
task: false Swoole\Server::sendwait(): can't sendwait
int(0)
blocking  received all
sendwait: true queued=0
int(0)
