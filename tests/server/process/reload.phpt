--TEST--
Server: SIGUSR1 reloads every worker under a steady client load without losing a request
--DESCRIPTION--
PROCESS mode: the connections live in the master, so a worker being replaced
loses nothing. (In BASE mode 4.8 drops the connections a stopping worker had
accepted but not read yet, so this guarantee does not hold there.)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set(['worker_num' => 2]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start $id\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, "ok:$data\n"); });
    return $s;
});
server_wait_line();
server_wait_line();
$lost = 0;
for ($i = 0; $i < 300; $i++) {
    if ($i === 50) {
        posix_kill($pid, SIGUSR1);
    }
    $c = server_connect($port);
    fwrite($c, (string) $i);
    if (fgets($c) !== "ok:$i\n") $lost++;
    fclose($c);
}
var_dump($lost);
$starts = [server_wait_line(), server_wait_line()];
sort($starts);
var_dump($starts);
var_dump(server_stop($pid));
?>
--EXPECT--
int(0)
array(2) {
  [0]=>
  string(7) "start 0"
  [1]=>
  string(7) "start 1"
}
int(0)
