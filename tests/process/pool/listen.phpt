--TEST--
pool: socket mode serves 4-byte length framed requests; write() builds the reply; a bad length closes
--FILE--
<?php
use Swoole\Process\Pool;
$sock = sys_get_temp_dir() . '/swoole-pool-' . getmypid() . '.sock';
$pool = new Pool(2, SWOOLE_IPC_SOCKET);
var_dump($pool->listen('unix:' . $sock));
$pool->on('Message', function (Pool $pool, string $data) {
    $pool->write('echo:');
    $pool->write($data);
});
$pool->on('Start', function (Pool $pool) use ($sock) {
    $client = new Swoole\Process(function () use ($sock, $pool) {
        $ask = function (string $payload) use ($sock) {
            $c = stream_socket_client('unix://' . $sock, $errno, $errstr, 5);
            fwrite($c, $payload);
            $head = fread($c, 4);
            if (strlen($head) < 4) return 'closed';
            $len = unpack('N', $head)[1];
            $body = '';
            while (strlen($body) < $len && !feof($c)) $body .= fread($c, $len - strlen($body));
            return $body;
        };
        echo $ask(pack('N', 5) . 'hello'), "\n";
        echo strlen($ask(pack('N', 100000) . str_repeat('z', 100000))), "\n";
        echo $ask(pack('N', 0)), "\n";
        posix_kill($pool->master_pid, SIGTERM);
    }, false, 0);
    $client->start();
});
var_dump($pool->start());
@unlink($sock);
?>
--EXPECT--
bool(true)
echo:hello
100005
closed
NULL
