--TEST--
http2: h2 over TLS chosen by ALPN (curl --http2 -k), HTTP/1.1 over TLS on the same port
--SKIPIF--
<?php if (!shell_exec('command -v curl') || !shell_exec('command -v openssl')) die('skip curl or openssl not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/h2_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_h2tls_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -keyout $dir/key.pem -out $dir/cert.pem 2>/dev/null", $out, $rc);
var_dump($rc);
[$pid, $port] = server_fork(function ($pipe) use ($dir) {
    $s = new Swoole\Http\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR, 'open_http2_protocol' => true,
             'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem"]);
    $s->on('request', function ($req, $res) {
        $res->end($req->server['server_protocol'] . ' ' . $req->streamId . ' ' . $req->getContent());
    });
    return $s;
});
$url = "https://127.0.0.1:$port/tls";
echo h2_run("curl -s -k --http2 -d body '$url' -w ' version=%{http_version}'"), "\n";
echo h2_run("curl -s -k --http1.1 -d body '$url' -w ' version=%{http_version}'"), "\n";
// several requests on one TLS connection
echo h2_run("curl -s -k --http2 '$url' '$url' '$url' -w ' %{http_version}|'"), "\n";
var_dump(server_stop($pid));
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
int(0)
HTTP/2 1 body version=2
HTTP/1.1 0 body version=1.1
HTTP/2 1  2|HTTP/2 3  2|HTTP/2 5  2|
int(0)
