<?php
// The PHP side of tools/bench/server: a Swoole\Server echoing every chunk it
// receives. Usage: server_echo.php base|process WORKERS. Prints its port on
// the first line, then serves until SIGTERM.
$mode = ($argv[1] ?? 'base') === 'process' ? SWOOLE_PROCESS : SWOOLE_BASE;
$server = new Swoole\Server('127.0.0.1', 0, $mode);
$server->set([
    'worker_num' => (int) ($argv[2] ?? 1),
    'log_level' => SWOOLE_LOG_WARNING,
]);
$server->on('receive', function (Swoole\Server $server, int $fd, int $reactor_id, string $data) {
    $server->send($fd, $data);
});
echo $server->port, "\n";
fflush(STDOUT);
$server->start();
