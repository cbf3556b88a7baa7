--TEST--
server modules: the http module's Response::sendfile() over TLS (the host's server_sendfile on an SSL session): a 3 MiB file arrives whole, in BASE and PROCESS mode
--SKIPIF--
<?php
if (!class_exists('Swoole\Http\Server')) die('skip the http module is not loaded');
if (!shell_exec('command -v openssl')) die('skip openssl binary not found');
?>
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_https_sendfile_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout $dir/key.pem -out $dir/cert.pem 2>/dev/null");
$file = "$dir/body.bin";
file_put_contents($file, random_bytes(3 << 20));
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    [$pid, $port] = server_fork(function ($pipe) use ($dir, $file, $mode) {
        $s = new Swoole\Http\Server('127.0.0.1', 0, $mode, SWOOLE_SOCK_TCP | SWOOLE_SSL);
        $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING, 'socket_buffer_size' => 1 << 20,
                 'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem"]);
        $s->on('request', function ($req, $resp) use ($file, $pipe) {
            fwrite($pipe, 'sendfile ' . json_encode($resp->sendfile($file)) . "\n");
        });
        return $s;
    });
    $ctx = stream_context_create(['ssl' => ['verify_peer' => false, 'verify_peer_name' => false]]);
    $c = stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 10, STREAM_CLIENT_CONNECT, $ctx);
    stream_set_timeout($c, 20);
    fwrite($c, "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    echo server_wait_line(), "\n";
    $raw = stream_get_contents($c);
    [$head, $body] = explode("\r\n\r\n", $raw, 2) + [1 => ''];
    echo strtok($head, "\r\n"), "\n";
    var_dump(strlen($body) === (3 << 20), $body === file_get_contents($file));
    fclose($c);
    var_dump(server_stop($pid));
}
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
sendfile true
HTTP/1.1 200 OK
bool(true)
bool(true)
int(0)
sendfile true
HTTP/1.1 200 OK
bool(true)
bool(true)
int(0)
