--TEST--
Server: onBeforeShutdown runs once in the master (PROCESS) on SIGTERM, before the workers stop and before onShutdown
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set(['worker_num' => 1]);
    $s->on('start', function ($s) use ($pipe) { fwrite($pipe, "start\n"); });
    $s->on('beforeShutdown', function ($s) { echo "beforeShutdown ", ($s->master_pid === getmypid() ? 'master' : 'other'), "\n"; });
    $s->on('workerStop', function ($s, $id) { echo "workerStop $id\n"; });
    $s->on('shutdown', function ($s) { echo "shutdown\n"; });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, $data); });
    return $s;
});
echo server_wait_line(), "\n";
echo server_roundtrip($port, 'ping', 4), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
start
ping
beforeShutdown master
workerStop 0
shutdown
int(0)
