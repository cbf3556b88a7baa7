--TEST--
Proxies: SOCKS5 through microsocks (no auth, user/pass, wrong password 7003) and HTTP CONNECT through tinyproxy (BasicAuth)
--SKIPIF--
<?php if (!is_executable('/usr/bin/microsocks') || !is_executable('/usr/bin/tinyproxy')) die('skip microsocks/tinyproxy missing'); ?>
--FILE--
<?php
function free_port(): int {
    $p = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($p, false), ':'), 1);
    fclose($p);
    return $port;
}
function wait_port(int $port): void {
    for ($i = 0; $i < 500; $i++) {
        $s = @stream_socket_client("tcp://127.0.0.1:$port", $e1, $e2, 1);
        if ($s) { fclose($s); return; }
        usleep(10000);
    }
    echo "port $port never opened\n";
}
function start(array $cmd) {
    return proc_open($cmd, [0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
}
$dir = sys_get_temp_dir() . '/swproxy_' . getmypid();
@mkdir($dir);
// the target: an echo server on a stream socket, served from a coroutine
$target = stream_socket_server('tcp://127.0.0.1:0');
$tport = (int) substr(strrchr(stream_socket_get_name($target, false), ':'), 1);
fclose($target);

$s_open = free_port();
$socks = start(['/usr/bin/microsocks', '-i', '127.0.0.1', '-p', (string) $s_open]);
$s_auth = free_port();
$socks_auth = start(['/usr/bin/microsocks', '-i', '127.0.0.1', '-p', (string) $s_auth, '-u', 'user', '-P', 'pass']);
$h_port = free_port();
file_put_contents("$dir/tinyproxy.conf", "Port $h_port\nListen 127.0.0.1\nTimeout 30\nBasicAuth user pass\nConnectPort $tport\nLogLevel Critical\nMaxClients 10\n");
$http = start(['/usr/bin/tinyproxy', '-d', '-c', "$dir/tinyproxy.conf"]);
wait_port($s_open); wait_port($s_auth); wait_port($h_port);

Co\run(function () use ($tport, $s_open, $s_auth, $h_port) {
    $l = new Co\Socket(AF_INET, SOCK_STREAM, 0);
    $l->bind('127.0.0.1', $tport);
    $l->listen();
    go(function () use ($l) {
        while ($conn = $l->accept(10)) {
            go(function () use ($conn) {
                while (($d = $conn->recv()) !== '' && $d !== false) $conn->sendAll("echo:$d");
            });
        }
    });
    $try = function (array $settings) use ($tport) {
        $c = new Co\Client(SWOOLE_SOCK_TCP);
        $c->set($settings + ['timeout' => 5]);
        if (!$c->connect('127.0.0.1', $tport)) return "failed {$c->errCode}";
        $c->send('hi');
        $r = $c->recv();
        $c->close();
        return $r;
    };
    var_dump($try(['socks5_host' => '127.0.0.1', 'socks5_port' => $s_open]));
    var_dump($try(['socks5_host' => '127.0.0.1', 'socks5_port' => $s_auth, 'socks5_username' => 'user', 'socks5_password' => 'pass']));
    var_dump($try(['socks5_host' => '127.0.0.1', 'socks5_port' => $s_auth, 'socks5_username' => 'user', 'socks5_password' => 'nope']));
    var_dump($try(['http_proxy_host' => '127.0.0.1', 'http_proxy_port' => $h_port, 'http_proxy_username' => 'user', 'http_proxy_password' => 'pass']));
    var_dump($try(['http_proxy_host' => '127.0.0.1', 'http_proxy_port' => $h_port, 'http_proxy_user' => 'user', 'http_proxy_password' => 'bad']));
    // socks5 wins over the http proxy when both are given
    var_dump($try(['socks5_host' => '127.0.0.1', 'socks5_port' => $s_open, 'http_proxy_host' => '127.0.0.1', 'http_proxy_port' => 1]));
    $l->close();
});
// the synchronous client through SOCKS5 (served by a child-less echo: reuse microsocks to a stream server)
$srv = stream_socket_server("tcp://127.0.0.1:$tport");
$s = new Swoole\Client(SWOOLE_SOCK_TCP);
$s->set(['socks5_host' => '127.0.0.1', 'socks5_port' => $s_open]);
$ok = $s->connect('127.0.0.1', $tport, 5);
$peer = stream_socket_accept($srv, 5);
$s->send('sync');
fwrite($peer, strtoupper(fread($peer, 4)));
var_dump($ok, $s->recv());

foreach ([$socks, $socks_auth, $http] as $p) { proc_terminate($p); proc_close($p); }
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
string(7) "echo:hi"
string(7) "echo:hi"
string(11) "failed 7003"
string(7) "echo:hi"
string(11) "failed 7104"
string(7) "echo:hi"
bool(true)
string(4) "SYNC"
