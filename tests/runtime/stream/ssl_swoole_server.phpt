--TEST--
runtime stream: hooked ssl:// clients (concurrent coroutines) against a TLS Swoole\Server, unverified and verified with cafile
--SKIPIF--
<?php if (!shell_exec('command -v openssl')) die('skip openssl binary not found'); ?>
--FILE--
<?php
require __DIR__ . '/../../server/include/server_helper.inc';
$dir = sys_get_temp_dir() . '/swh5_srv_' . getmypid();
@mkdir($dir);
exec("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost -keyout $dir/key.pem -out $dir/cert.pem 2>/dev/null", $out, $rc);
var_dump($rc);
[$pid, $port] = server_fork(function ($pipe) use ($dir) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_TCP | SWOOLE_SSL);
    $s->set(['worker_num' => 1, 'ssl_cert_file' => "$dir/cert.pem", 'ssl_key_file' => "$dir/key.pem"]);
    $s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, "tls:$data"); });
    return $s;
});
Co\run(function () use ($port, $dir) {
    $done = new Co\Channel(4);
    $answers = [];
    foreach ([0, 1, 2, 3] as $i) {
        go(function () use ($i, $port, $dir, $done, &$answers) {
            $ssl = $i % 2 ? ['cafile' => "$dir/cert.pem", 'peer_name' => 'localhost']
                          : ['verify_peer' => false, 'verify_peer_name' => false];
            $c = stream_socket_client("ssl://127.0.0.1:$port", $errno, $errstr, 5, STREAM_CLIENT_CONNECT,
                stream_context_create(['ssl' => $ssl]));
            if (!$c) { $answers[$i] = "connect failed: $errstr"; $done->push(1); return; }
            stream_set_timeout($c, 5);
            fwrite($c, "hello$i");
            $answers[$i] = fread($c, 100);
            fclose($c);
            $done->push(1);
        });
    }
    for ($i = 0; $i < 4; $i++) $done->pop(10);
    ksort($answers);
    var_dump($answers);
});
var_dump(server_stop($pid));
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
int(0)
array(4) {
  [0]=>
  string(10) "tls:hello0"
  [1]=>
  string(10) "tls:hello1"
  [2]=>
  string(10) "tls:hello2"
  [3]=>
  string(10) "tls:hello3"
}
int(0)
