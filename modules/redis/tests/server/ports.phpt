--TEST--
redis server: start() forces the redis protocol on the primary port ($setting shows it); an extra listen() port keeps onReceive
--INI--
swoole.modules=redis
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
require __DIR__ . '/redis_test.inc';
use Swoole\Redis\Server;
[$pid, $port] = server_fork(function ($pipe) {
    $server = new Server('127.0.0.1', 0, SWOOLE_BASE);
    $server->set(['worker_num' => 1, 'open_eof_check' => true, 'package_eof' => "\n", 'log_level' => SWOOLE_LOG_WARNING]);
    $extra = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $extra->set(['open_eof_check' => false]);
    $extra->on('receive', fn($s, $fd, $rid, $data) => $s->send($fd, "raw:$data"));
    $server->setHandler('PING', fn() => Server::format(Server::STATUS, 'PONG'));
    $server->on('workerStart', function ($server) use ($pipe, $extra) {
        $s = $server->setting;
        fwrite($pipe, json_encode([$s['open_redis_protocol'] ?? null, $s['open_eof_check'] ?? null,
            $s['open_length_check'] ?? null, $extra->port]) . "\n");
    });
    return $server;
});
[$redis, $eof, $length, $extra_port] = json_decode(server_wait_line(), true);
var_dump($redis, $eof, $length);
$c = server_connect($port);
fwrite($c, "PING\r\n");
echo json_encode(resp_read_reply($c)), "\n";
$r = server_connect($extra_port);
fwrite($r, "PING\r\n");
echo json_encode(server_read($r, 10)), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
"+PONG\r\n"
"raw:PING\r\n"
int(0)
