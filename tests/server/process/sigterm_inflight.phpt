--TEST--
Server: SIGTERM lets an in-flight request finish, then onWorkerStop and onShutdown run
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1]);
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        fwrite($pipe, "got\n");
        Co::sleep(0.3);
        $s->send($fd, "reply:$data");
    });
    $s->on('workerStop', function ($s, $id) use ($pipe) { fwrite($pipe, "workerStop $id\n"); });
    $s->on('shutdown', function ($s) use ($pipe) { fwrite($pipe, "shutdown\n"); });
    return $s;
});
$c = server_connect($port);
fwrite($c, 'late');
echo server_wait_line(), "\n";
posix_kill($pid, SIGTERM);
echo server_read($c, 10), "\n";
echo server_wait_line(), "\n";
echo server_wait_line(), "\n";
var_dump(server_stop($pid, 0));
?>
--EXPECT--
got
reply:late
workerStop 0
shutdown
int(0)
