--TEST--
TLS clients against openssl s_server: verified (cafile + host name), unverified, wrong host (1014), self-signed with/without allow, getPeerCert/verifyPeerCert, enableSSL, sync client
--SKIPIF--
<?php if (!is_executable('/usr/bin/openssl')) die('skip openssl binary missing'); ?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swtls_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -keyout $dir/key.pem -out $dir/cert.pem -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>&1", $out, $rc);
var_dump($rc);
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
$proc = proc_open(['openssl', 's_server', '-accept', "127.0.0.1:$port", '-cert', "$dir/cert.pem", '-key', "$dir/key.pem", '-www', '-quiet'],
    [0 => ['pipe', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
// ready once it accepts TCP connections
for ($i = 0; $i < 500; $i++) {
    $s = @stream_socket_client("tcp://127.0.0.1:$port", $e1, $e2, 1);
    if ($s) { fclose($s); break; }
    usleep(10000);
}

function get(Co\Client $c) {
    $c->send("GET / HTTP/1.0\r\n\r\n");
    $r = '';
    while (($d = $c->recv(5)) !== '' && $d !== false) $r .= $d;
    return substr($r, 0, 15);
}

Co\run(function () use ($port, $dir) {
    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem", 'ssl_host_name' => 'localhost']);
    var_dump($c->connect('127.0.0.1', $port, 5), get($c));
    var_dump(str_starts_with($c->getPeerCert(), '-----BEGIN CERTIFICATE-----'), $c->verifyPeerCert());

    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_host_name' => 'localhost']);
    var_dump($c->connect('127.0.0.1', $port, 5), get($c));
    var_dump($c->verifyPeerCert(), $c->errCode, $c->verifyPeerCert(true));

    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem", 'ssl_host_name' => 'wrong.example']);
    var_dump($c->connect('127.0.0.1', $port, 5), in_array($c->errCode, [1014, 1018]), $c->connected);

    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_verify_peer' => true, 'ssl_host_name' => 'localhost']);
    var_dump($c->connect('127.0.0.1', $port, 5), in_array($c->errCode, [1014, 1018]));

    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_verify_peer' => true, 'ssl_allow_self_signed' => true, 'ssl_host_name' => 'localhost']);
    var_dump($c->connect('127.0.0.1', $port, 5), get($c));

    // plain connect, then upgrade
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    var_dump($c->getPeerCert());
    var_dump($c->connect('127.0.0.1', $port, 5), $c->enableSSL(), get($c));
    var_dump($c->enableSSL());
    $u = new Co\Client(SWOOLE_SOCK_UDP);
    var_dump($u->enableSSL());
});

// the synchronous client
$s = new Swoole\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
$s->set(['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem", 'ssl_host_name' => 'localhost']);
var_dump($s->connect('127.0.0.1', $port, 5));
$s->send("GET / HTTP/1.0\r\n\r\n");
var_dump(substr($s->recv(), 0, 15), $s->verifyPeerCert(), strlen($s->getPeerCert()) > 100);
$s->close();
$s = new Swoole\Client(SWOOLE_SOCK_TCP);
var_dump($s->connect('127.0.0.1', $port, 5), $s->enableSSL());
$s->send("GET / HTTP/1.0\r\n\r\n");
var_dump(substr($s->recv(), 0, 15));

proc_terminate($proc);
proc_close($proc);
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
int(0)
bool(true)
string(15) "HTTP/1.0 200 ok"
bool(true)
bool(true)
bool(true)
string(15) "HTTP/1.0 200 ok"
bool(false)
int(1014)
bool(true)
bool(false)
bool(true)
bool(false)
bool(false)
bool(true)
bool(true)
string(15) "HTTP/1.0 200 ok"

Warning: Swoole\Coroutine\Client::getPeerCert(): SSL is not ready in %s on line %d
bool(false)
bool(true)
bool(true)
string(15) "HTTP/1.0 200 ok"

Warning: Swoole\Coroutine\Client::enableSSL(): SSL has been enabled in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Client::enableSSL(): cannot use enableSSL in %s on line %d
bool(false)
bool(true)
string(15) "HTTP/1.0 200 ok"
bool(true)
bool(true)
bool(true)
bool(true)
string(15) "HTTP/1.0 200 ok"
