--TEST--
Server: dispatch_func (PROCESS mode) picks the worker for each event (type 0 = data)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set(['worker_num' => 2, 'dispatch_func' => function ($s, $fd, $type, $data) use ($pipe) {
        if ($type === 0) fwrite($pipe, "dispatch $type $data\n");
        return $data === 'bad' ? 5 : 1;
    }]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, "worker {$s->worker_id}\n"); });
    return $s;
});
$starts = [server_wait_line(), server_wait_line()];
for ($i = 0; $i < 3; $i++) {
    echo server_request_line($port, 'x');
    echo server_wait_line(), "\n";
}
var_dump(server_stop($pid));
?>
--EXPECT--
worker 1
dispatch 0 x
worker 1
dispatch 0 x
worker 1
dispatch 0 x
int(0)
