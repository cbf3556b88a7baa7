--TEST--
Co\Client: UDP, Unix stream and Unix datagram round trips; sendto/recvfrom; sendfile on dgram
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swc_' . getmypid();
@mkdir($dir);
Co\run(function () use ($dir) {
    // UDP echo
    $u = new Co\Socket(AF_INET, SOCK_DGRAM, 0);
    $u->bind('127.0.0.1', 0);
    $uport = $u->getsockname()['port'];
    go(function () use ($u) {
        for ($i = 0; $i < 2; $i++) {
            $data = $u->recvfrom($peer, 5);
            $u->sendto($peer['address'], $peer['port'], "echo:$data");
        }
    });
    $c = new Co\Client(SWOOLE_SOCK_UDP);
    var_dump($c->connect('127.0.0.1', $uport), $c->send('udp1'), $c->recv(5));
    $d = new Co\Client(SWOOLE_SOCK_UDP);
    var_dump($d->sendto('127.0.0.1', $uport, 'udp2'), $d->recvfrom(100, $addr, $port), $addr, $port === $uport);
    var_dump($d->sendfile(__FILE__), $d->errCode, $d->errMsg);

    // Unix stream echo
    $path = "$dir/stream.sock";
    $s = new Co\Socket(AF_UNIX, SOCK_STREAM, 0);
    var_dump($s->bind($path), $s->listen());
    go(function () use ($s) {
        $conn = $s->accept();
        $conn->sendAll('unix:' . $conn->recv());
    });
    $c = new Co\Client(SWOOLE_SOCK_UNIX_STREAM);
    var_dump($c->connect($path), $c->send('hello'), $c->recv(5));

    // Unix datagram echo
    $server_path = "$dir/dgram.sock";
    $client_path = "$dir/dgram_client.sock";
    $g = new Co\Socket(AF_UNIX, SOCK_DGRAM, 0);
    $g->bind($server_path);
    go(function () use ($g) {
        $data = $g->recvfrom($peer, 5);
        $g->sendto($peer['address'], 0, "dgram:$data");
    });
    $c = new Co\Client(SWOOLE_SOCK_UNIX_DGRAM);
    $c->set(['bind_address' => $client_path]);
    var_dump($c->connect($server_path), $c->send('ping'), $c->recv(5));
});
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
bool(true)
int(4)
string(9) "echo:udp1"
bool(true)
string(9) "echo:udp2"
string(9) "127.0.0.1"
bool(true)
bool(false)
int(22)
string(32) "dgram socket cannot use sendfile"
bool(true)
bool(true)
bool(true)
int(5)
string(10) "unix:hello"
bool(true)
int(4)
string(10) "dgram:ping"
