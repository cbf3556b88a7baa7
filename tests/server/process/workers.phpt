--TEST--
Server: worker_num 2 in BASE mode, both workers serve (enable_reuse_port); onManagerStart/onStart/onShutdown
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2, 'enable_reuse_port' => true]);
    $s->on('managerStart', function ($s) use ($pipe) { fwrite($pipe, "managerStart " . ($s->manager_pid === getmypid() ? 'ok' : 'bad') . "\n"); });
    $s->on('start', function ($s) use ($pipe) { fwrite($pipe, "start {$s->worker_id}\n"); });
    $s->on('shutdown', function ($s) { echo "shutdown\n"; });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, (string) $s->worker_id); });
    return $s;
});
$lines = [server_wait_line(), server_wait_line()];
sort($lines);
echo implode("\n", $lines), "\n";
$seen = [];
for ($i = 0; $i < 64 && count($seen) < 2; $i++) {
    $seen[server_roundtrip($port, 'x', 1)] = true;
}
ksort($seen);
var_dump(array_keys($seen));
var_dump(server_stop($pid));
?>
--EXPECT--
managerStart ok
start -1
array(2) {
  [0]=>
  int(0)
  [1]=>
  int(1)
}
shutdown
int(0)
