--TEST--
Server: getWorkerPid/getWorkerStatus of other workers, stop($other) restarts it, stop(9999) is false, getWorkerId in the manager
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 2]);
    $s->on('managerStart', function ($s) use ($pipe) { fwrite($pipe, 'manager ' . var_export($s->getWorkerId(), true) . "\n"); });
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id " . getmypid() . "\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) {
        $other = 1 - $s->getWorkerId();
        $reply = [$s->getWorkerPid(), $s->getWorkerPid($other), $s->getWorkerStatus($other), $s->stop(9999)];
        if ($data === 'stop') $reply[] = $s->stop($other);
        $s->send($fd, json_encode([$other, $reply]) . "\n");
    });
    return $s;
});
// The manager and the two workers start concurrently: their lines come in any order.
$pids = [];
for ($i = 0; $i < 3; $i++) {
    $line = server_wait_line();
    if (str_starts_with($line, 'manager')) {
        echo $line, "\n";
        continue;
    }
    [, $id, $p] = explode(' ', $line);
    $pids[$id] = (int) $p;
}
[$other, $r] = json_decode(server_request_line($port, 'stop'), true);
var_dump($r[0] === $pids[1 - $other], $r[1] === $pids[$other], in_array($r[2], [SWOOLE_WORKER_BUSY, SWOOLE_WORKER_IDLE]), $r[3], $r[4]);
[, $id, $p] = explode(' ', server_wait_line());
var_dump((int) $id === $other, (int) $p !== $pids[$other]);
var_dump(server_stop($pid));
?>
--EXPECT--
manager false
bool(true)
bool(true)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(0)
