--TEST--
Server: a slow reader fills the output buffer: onBufferFull, send() bounded (1009), onBufferEmpty after draining
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    // send_yield off: a coroutine's send() fails with 1009 instead of waiting (base/send_yield.phpt).
    $s->set(['worker_num' => 1, 'socket_buffer_size' => 512 * 1024, 'buffer_high_watermark' => 256 * 1024,
             'send_yield' => false]);
    $s->on('bufferFull', function ($s, $fd) use ($pipe) { fwrite($pipe, "full $fd\n"); });
    $s->on('bufferEmpty', function ($s, $fd) use ($pipe) { fwrite($pipe, "empty $fd\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        $chunk = str_repeat('z', 64 * 1024);
        $sent = 0;
        while ($s->send($fd, $chunk)) {
            $sent += strlen($chunk);
            if ($sent > 64 * 1024 * 1024) break;  // guard: the buffer never filled
        }
        fwrite($pipe, 'stopped ' . $s->getLastError() . ' ' . ($sent < 64 * 1024 * 1024 ? 'bounded' : 'unbounded') . "\n");
        fwrite($pipe, "sent $sent\n");
    });
    return $s;
});
$c = server_connect($port);
stream_set_read_buffer($c, 0);
fwrite($c, 'go');
echo server_wait_line(), "\n";
echo server_wait_line(), "\n";
$sent = (int) substr(server_wait_line(), 5);
$got = strlen(server_read($c, $sent));
var_dump($got === $sent);
echo server_wait_line(), "\n";
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
full 1
stopped 1009 bounded
bool(true)
empty 1
int(0)
