--TEST--
Coroutine\Http\Client over TLS against Http\Server with SWOOLE_SSL: self-signed accepted without verification, refused with it, accepted with the CA file
--SKIPIF--
<?php if (!shell_exec('command -v openssl')) die('skip openssl not found'); ?>
--INI--
swoole.modules=http
--FILE--
<?php
require __DIR__ . '/include/client_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_h1_tls_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout $dir/key.pem -out $dir/cert.pem 2>/dev/null", $out, $rc);
var_dump($rc);
[$pid, $port] = server_fork(function ($pipe) use ($dir) {
    $s = new Swoole\Http\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR,
             'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem"]);
    $s->on('request', function ($req, $res) {
        $res->end('secure ' . $req->server['request_uri'] . ' ' . ($req->header['host'] ?? ''));
    });
    return $s;
});
Co\run(function () use ($port, $dir) {
    $c = new Co\Http\Client('127.0.0.1', $port, true);
    var_dump($c->ssl, $c->get('/a'), $c->body);
    var_dump($c->get('/b'), $c->body);  // same TLS connection
    $peer = $c->getpeername();
    var_dump($peer['port'] === $port, $c->getsockname()['address']);

    $v = new Co\Http\Client('127.0.0.1', $port, true);
    $v->set(['ssl_verify_peer' => true, 'ssl_host_name' => 'localhost']);
    var_dump($v->get('/'), $v->statusCode, $v->errCode > 1000);

    $v = new Co\Http\Client('127.0.0.1', $port, true);
    $v->set(['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem", 'ssl_host_name' => 'localhost']);
    var_dump($v->get('/v'), $v->body);
});
var_dump(server_stop($pid));
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
int(0)
bool(true)
bool(true)
string(%d) "secure /a 127.0.0.1:%d"
bool(true)
string(%d) "secure /b 127.0.0.1:%d"
bool(true)
string(9) "127.0.0.1"
bool(false)
int(-1)
bool(true)
bool(true)
string(%d) "secure /v 127.0.0.1:%d"
int(0)
