--TEST--
Server: max_request recycles a worker after that many requests (new pid, same id)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'max_request' => 3]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, getmypid() . "\n"); });
    return $s;
});
echo server_wait_line(), "\n";
$pids = [];
for ($i = 0; $i < 3; $i++) {
    $pids[] = (int) server_request_line($port, 'x');
}
echo server_wait_line(), "\n";
$pids[] = (int) server_request_line($port, 'x');
var_dump(count(array_unique(array_slice($pids, 0, 3))), $pids[3] !== $pids[0]);
var_dump(server_stop($pid));
?>
--EXPECT--
start 0
start 0
int(1)
bool(true)
int(0)
