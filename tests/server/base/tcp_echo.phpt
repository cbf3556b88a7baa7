--TEST--
Server: TCP echo in BASE and PROCESS mode (port 0 -> real port, onConnect/onReceive/onClose)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    [$pid, $port] = server_fork(function ($pipe) use ($mode) {
        $s = new Swoole\Server('127.0.0.1', 0, $mode);
        $s->set(['worker_num' => 1]);
        $s->on('connect', function ($s, $fd, $rid) { $s->send($fd, "hi $fd\n"); });
        $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, strtoupper($data)); });
        $s->on('close', function ($s, $fd, $rid) use ($pipe) { fwrite($pipe, "closed $fd $rid\n"); });
        return $s;
    });
    var_dump($port > 0);
    $c = server_connect($port);
    echo fgets($c);
    fwrite($c, "hello");
    echo server_read($c, 5), "\n";
    fclose($c);
    echo server_wait_line(), "\n";
    $c = server_connect($port);
    echo fgets($c);
    fclose($c);
    echo server_wait_line(), "\n";
    var_dump(server_stop($pid));
}
?>
--EXPECT--
bool(true)
hi 1
HELLO
closed 1 0
hi 2
closed 2 0
int(0)
bool(true)
hi 1
HELLO
closed 1 0
hi 2
closed 2 0
int(0)
