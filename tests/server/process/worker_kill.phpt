--TEST--
Server: a worker killed with SIGKILL is restarted while the server keeps serving
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2, 'log_level' => SWOOLE_LOG_ERROR]);  // the abnormal exit is logged as a warning
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, getmypid() . "\n"); });
    return $s;
});
server_wait_line();
server_wait_line();
$c = server_connect($port);
fwrite($c, 'x');
$victim = (int) fgets($c);
fclose($c);
posix_kill($victim, SIGKILL);
echo server_wait_line() !== false ? "restarted\n" : "not restarted\n";
$ok = 0;
for ($i = 0; $i < 10; $i++) {
    $r = (int) server_request_line($port, 'y');
    if ($r > 0 && $r !== $victim) $ok++;
}
var_dump($ok);
var_dump(server_stop($pid));
?>
--EXPECT--
restarted
int(10)
int(0)
