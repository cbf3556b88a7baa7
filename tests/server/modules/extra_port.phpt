--TEST--
server modules: open_<name>_protocol selects a module's protocol on one port; an unknown name warns and keeps the framing
--INI--
swoole.module_dir=/nonexistent/outer-run
--FILE--
<?php
require __DIR__ . '/line_fixture.inc';
line_fixture_reexec();
[$pid, $port] = server_fork(function ($pipe) {
    $server = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $server->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $server->on('receive', function ($server, $fd, $reactor_id, $data) {
        $server->send($fd, "recv:" . json_encode($data) . "\n");
    });
    $line = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $line->set(['open_line_protocol' => true]);
    $line->on('request', function ($server, $fd, $data, $port_index) {
        $server->send($fd, "port $port_index request:$data\n");
    });
    $eof = $server->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $eof->set(['open_nosuch_protocol' => true, 'open_eof_split' => true, 'package_eof' => "\n"]);
    // No handler on the primary port: its packets reach onReceive.
    $server->on('workerStart', function ($server) use ($pipe, $line, $eof) {
        fwrite($pipe, "{$line->port} {$eof->port}\n");
    });
    return $server;
});
[$line_port, $eof_port] = explode(' ', server_wait_line());
$c = server_connect($port);
fwrite($c, "raw\n");
echo fgets($c);
$l = server_connect((int) $line_port);
fwrite($l, "a\nb\n");
echo fgets($l), fgets($l), fgets($l), fgets($l);
$e = server_connect((int) $eof_port);
fwrite($e, "one\ntwo\n");
echo fgets($e), fgets($e);
echo 'exit: ', server_stop($pid), "\n";
?>
--EXPECTF--
Warning: Swoole\Server\Port::set(): open_nosuch_protocol: the nosuch module is not loaded in %s on line %d
recv:"raw\n"
port 1 request:a
line:a
port 1 request:b
line:b
recv:"one\n"
recv:"two\n"
exit: 0
