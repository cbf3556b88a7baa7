--TEST--
Server: host "SYSTEMD" with port 0 serves the sockets systemd socket activation passed (LISTEN_FDS/LISTEN_PID); without any it is the fatal "failed to add systemd socket"
--SKIPIF--
<?php if (!is_executable('/usr/bin/systemd-socket-activate')) die('skip systemd-socket-activate is not installed'); ?>
--FILE--
<?php
$php = getenv('TEST_PHP_EXECUTABLE');
$script = sys_get_temp_dir() . '/swoole-systemd-phpt-' . getmypid() . '.php';
file_put_contents($script, <<<'PHP'
<?php
$s = new Swoole\Server('SYSTEMD', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
$s->on('receive', function ($s, $fd, $rid, $data) {
    $s->send($fd, json_encode([$data, $s->host, $s->port, count($s->ports), $s->ports[0]->type, $s->ports[0]->port]) . "\n");
});
$s->start();
PHP);
// A free port: bound here, released, then taken by systemd-socket-activate.
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$cmd = ['/usr/bin/systemd-socket-activate', '-l', "127.0.0.1:$port"];
// It passes on only the variables named here (tools/php needs them).
foreach (['PATH', 'SWOOLE_BUILD_DIR', 'SWOOLE_MODULES', 'SWOOLE_MODULE_DIR', 'LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS', 'USE_ZEND_ALLOC'] as $name) {
    if (getenv($name) !== false) array_push($cmd, '-E', $name);
}
array_push($cmd, $php, $script);
$proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']], $pipes);
$line = fgets($pipes[2]);  // "Listening on ... as 3."
echo str_replace((string) $port, 'PORT', trim($line)), "\n";
$c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 5);  // starts the server
stream_set_timeout($c, 10);
fwrite($c, 'hello');
$reply = json_decode(fgets($c), true);
var_dump($reply === ['hello', 'SYSTEMD', $port, 1, SWOOLE_SOCK_TCP, $port]);
fclose($c);
proc_terminate($proc, SIGTERM);
fclose($pipes[2]);
proc_close($proc);
unlink($script);

// Nothing passed (or passed to another pid): the fatal error.
$code = 'new Swoole\Server("SYSTEMD", 0); echo "not reached\n";';
echo shell_exec(escapeshellarg($php) . ' -r ' . escapeshellarg($code) . ' 2>&1');
echo shell_exec('LISTEN_FDS=1 LISTEN_PID=1 ' . escapeshellarg($php) . ' -r ' . escapeshellarg($code) . ' 3</dev/null 2>&1');
?>
--EXPECTF--
Listening on 127.0.0.1:PORT as 3.
bool(true)
%AFatal error:%sSwoole\Server::__construct(): failed to add systemd socket in Command line code on line 1
%AFatal error:%sSwoole\Server::__construct(): failed to add systemd socket in Command line code on line 1
