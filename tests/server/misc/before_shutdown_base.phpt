--TEST--
Server: onBeforeShutdown in a multi-worker BASE server runs once, in the master (= manager), before the workers stop
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_ERROR]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "ready\n"); });
    $s->on('beforeShutdown', function ($s) {
        echo "beforeShutdown ", ($s->master_pid === getmypid() && $s->manager_pid === getmypid() ? 'master' : 'other'), "\n";
    });
    $s->on('workerStop', function ($s, $id) { echo "workerStop\n"; });
    $s->on('shutdown', function ($s) { echo "shutdown\n"; });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, $data); });
    return $s;
});
server_wait_line();
server_wait_line();
echo server_roundtrip($port, 'ping', 4), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
ping
beforeShutdown master
workerStop
workerStop
shutdown
int(0)
