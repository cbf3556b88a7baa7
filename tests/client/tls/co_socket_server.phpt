--TEST--
TLS: a Co\Socket TLS server (accept + sslHandshake) and a Co\Client TLS client in one process; client certificate required
--SKIPIF--
<?php if (!is_executable('/usr/bin/openssl')) die('skip openssl binary missing'); ?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swtls2_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -keyout $dir/key.pem -out $dir/cert.pem -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost 2>&1", $out, $rc);
exec("openssl req -x509 -newkey rsa:2048 -nodes -keyout $dir/ckey.pem -out $dir/ccert.pem -days 1 -subj /CN=client 2>&1", $out, $rc2);
var_dump($rc, $rc2);
Co\run(function () use ($dir) {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($l->setProtocol(['open_ssl' => true, 'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem",
        'open_eof_split' => true, 'package_eof' => "\n"]));
    $l->bind('127.0.0.1', 0);
    $l->listen();
    $port = $l->getsockname()['port'];
    go(function () use ($l) {
        for ($i = 0; $i < 2; $i++) {
            $conn = $l->accept(5);
            if (!$conn->sslHandshake()) { echo "server handshake failed: {$conn->errCode}\n"; continue; }
            while (($line = $conn->recvPacket(5)) !== '' && $line !== false) $conn->sendAll("tls:$line");
        }
    });
    $c = new Co\Client(SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $c->set(['ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem", 'ssl_host_name' => 'localhost',
             'open_eof_split' => true, 'package_eof' => "\n"]);
    var_dump($c->connect('127.0.0.1', $port, 5));
    $c->send("one\ntwo\n");
    var_dump($c->recv(5), $c->recv(5));
    $c->close();

    // Co\Socket client with open_ssl and a client certificate
    $s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($s->setProtocol(['open_ssl' => true, 'ssl_cert_file' => "$dir/ccert.pem", 'ssl_key_file' => "$dir/ckey.pem",
        'ssl_host_name' => 'localhost', 'ssl_verify_peer' => true, 'ssl_cafile' => "$dir/cert.pem"]));
    var_dump($s->connect('127.0.0.1', $port, 5));
    $s->sendAll("three\n");
    var_dump($s->recv(100, 5));

    var_dump($s->setProtocol(['ssl_key_file' => "$dir/nope.pem"]));
    $x = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    var_dump($x->setProtocol(['ssl_cert_file' => "$dir/cert.pem"]));
});
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECTF--
int(0)
int(0)
bool(true)
bool(true)
string(8) "tls:one
"
string(8) "tls:two
"
bool(true)
bool(true)
string(10) "tls:three
"

Warning: Swoole\Coroutine\Socket::setProtocol(): ssl key file[%s/nope.pem] not found in %s on line %d
bool(false)

Warning: Swoole\Coroutine\Socket::setProtocol(): ssl require key file in %s on line %d
bool(false)
