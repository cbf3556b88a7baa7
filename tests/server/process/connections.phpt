--TEST--
Server PROCESS: $server->connections and $port->connections count and list per port in any worker (counters kept by the master)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
// The build writes the second port's number first; server_fork reads that one.
[$pid, $port2] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    // One reactor thread: session ids follow the order of the connects.
    $s->set(['worker_num' => 2, 'reactor_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $second = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        if ($data === 'count') {
            [$a, $b] = $s->ports;
            fwrite($pipe, sprintf("worker %s: %d %d %d %s %s\n", $s->getWorkerId() >= 0 ? 'ok' : 'none',
                count($s->connections), count($a->connections), count($b->connections),
                json_encode(iterator_to_array($a->connections)), json_encode(iterator_to_array($b->connections))));
        }
        $s->send($fd, "ok\n");
    });
    fwrite($pipe, $second->port . "\n");
    return $s;
});
$port = (int) server_wait_line();
$open = function (int $port) {  // established (and its session known) once it answered
    $c = server_connect($port);
    fwrite($c, 'ping');
    fgets($c);
    return $c;
};
$a1 = $open($port);
$a2 = $open($port);
$b1 = $open($port2);
// Asked on two connections (session % 2: both workers).
fwrite($a1, 'count');
fgets($a1);
echo server_wait_line(), "\n";
fwrite($a2, 'count');
fgets($a2);
echo server_wait_line(), "\n";
fclose($a2);
$b2 = $open($port2);
fwrite($b2, 'count');
fgets($b2);
echo server_wait_line(), "\n";
foreach ([$a1, $b1, $b2] as $c) {
    fclose($c);
}
var_dump(server_stop($pid));
?>
--EXPECT--
worker ok: 3 2 1 [1,2] [3]
worker ok: 3 2 1 [1,2] [3]
worker ok: 3 1 2 [1] [3,4]
int(0)
