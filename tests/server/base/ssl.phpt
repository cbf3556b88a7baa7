--TEST--
Server: SWOOLE_SSL port with a certificate made by openssl, beside a plain port
--SKIPIF--
<?php if (!shell_exec('command -v openssl')) die('skip openssl binary not found'); ?>
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_ssl_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout $dir/key.pem -out $dir/cert.pem 2>/dev/null", $out, $rc);
var_dump($rc);
[$pid, $port] = server_fork(function ($pipe) use ($dir) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $s->set(['worker_num' => 1, 'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem"]);
    $s->on('receive', function ($s, $fd, $rid, $data) {
        $s->send($fd, ($s->getClientInfo($fd)['server_port'] === $s->port ? 'tls:' : 'plain:') . $data);
    });
    $plain = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);
    $plain->set([]);
    $s->on('workerStart', function ($s) use ($pipe, $plain) { fwrite($pipe, $plain->port . "\n"); });
    return $s;
});
$plain_port = (int) server_wait_line();
$ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
$c = stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT, $ctx);
var_dump((bool) $c);
fwrite($c, 'secret');
echo server_read($c, 10), "\n";
fclose($c);
echo server_roundtrip($plain_port, 'open', 10), "\n";
var_dump(server_stop($pid));
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
int(0)
bool(true)
tls:secret
plain:open
int(0)
