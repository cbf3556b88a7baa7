--TEST--
Server: EOF split and length framing deliver exactly one packet per onReceive
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'open_eof_split' => true, 'package_eof' => "\r\n"]);
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, '[' . strlen($data) . ']'); });
    $p = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $p->set(['open_length_check' => true, 'package_length_type' => 'N', 'package_length_offset' => 0, 'package_body_offset' => 4]);
    $p->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, '<' . substr($data, 4) . '>'); });
    $s->on('workerStart', function ($s) use ($pipe, $p) { fwrite($pipe, $p->port . "\n"); });
    return $s;
});
$lport = (int) server_wait_line();
$c = server_connect($port);
fwrite($c, "ab\r\ncde\r\nf");
usleep(20000);
fwrite($c, "g\r\n");
echo server_read($c, 9), "\n";
$l = server_connect($lport);
$msg = pack('N', 3) . 'xyz' . pack('N', 2) . 'pq';
foreach (str_split($msg) as $byte) {
    fwrite($l, $byte);
}
echo server_read($l, 9), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
[4][5][4]
<xyz><pq>
int(0)
