--TEST--
Server: 10,000 connections opened and closed leave no descriptor behind in the worker
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'backlog' => 1024]);
    $s->on('receive', function ($s, $fd, $rid, $data) {
        $s->send($fd, $data === 'fds' ? count(scandir('/proc/self/fd')) . "\n" : "k");
    });
    return $s;
});
$fds = function () use ($port) {
    $c = server_connect($port);
    fwrite($c, 'fds');
    $n = (int) fgets($c);
    fclose($c);
    return $n;
};
$before = $fds();
$failed = 0;
for ($batch = 0; $batch < 100; $batch++) {
    $conns = [];
    for ($i = 0; $i < 100; $i++) {
        $conns[] = server_connect($port);
    }
    foreach ($conns as $c) fwrite($c, 'x');
    foreach ($conns as $c) if (fread($c, 1) !== 'k') $failed++;
    foreach ($conns as $c) fclose($c);
}
usleep(100000);
$after = $fds();
var_dump($failed, $after - $before <= 1);
var_dump(server_stop($pid));
?>
--EXPECT--
int(0)
bool(true)
int(0)
