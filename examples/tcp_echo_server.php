<?php
// A TCP echo server: php examples/tcp_echo_server.php [port]
// Try it with: nc 127.0.0.1 9501
$port = (int) ($argv[1] ?? 9501);
$server = new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
$server->set(['worker_num' => 1]);
$server->on('connect', function (Swoole\Server $server, int $fd) {
    echo "connection #$fd open\n";
});
$server->on('receive', function (Swoole\Server $server, int $fd, int $reactor_id, string $data) {
    $server->send($fd, $data);
});
$server->on('close', function (Swoole\Server $server, int $fd) {
    echo "connection #$fd closed\n";
});
echo "listening on 127.0.0.1:{$server->port}\n";
$server->start();
