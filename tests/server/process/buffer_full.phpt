--TEST--
Server PROCESS: a client that stops reading: the worker's send() fails with 1009 (bounded, nothing lost before it), onBufferFull/onBufferEmpty
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set([
        'worker_num' => 1,
        'send_yield' => false,
        'socket_buffer_size' => 512 * 1024,
        'buffer_high_watermark' => 256 * 1024,
        'log_level' => SWOOLE_LOG_WARNING,
    ]);
    $s->on('bufferFull', function ($s, $fd) use ($pipe) { fwrite($pipe, "full $fd\n"); });
    $s->on('bufferEmpty', function ($s, $fd) use ($pipe) { fwrite($pipe, "empty $fd\n"); });
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        $sent = 0;
        // One chunk per millisecond: the master's output really fills up
        // (after the kernel's socket buffers) while the worker keeps sending.
        for ($i = 0; $sent <= 256 * 1024 * 1024; $i++) {
            if (!$s->send($fd, str_repeat(chr(97 + $i % 26), 64 * 1024))) {
                break;
            }
            $sent += 64 * 1024;
            Co::sleep(0.001);
        }
        fwrite($pipe, 'stopped ' . $s->getLastError() . ' ' . ($sent <= 256 * 1024 * 1024 ? 'bounded' : 'unbounded') . " $sent\n");
    });
    return $s;
});
$c = server_connect($port, '127.0.0.1', 10);
stream_set_read_buffer($c, 0);
fwrite($c, 'go');
// The failing send and the full event may come in either order.
$lines = [server_wait_line(), server_wait_line()];
sort($lines);
echo $lines[0], "\n";
[$word, $err, $bounded, $sent] = explode(' ', $lines[1]);
echo "$word $err $bounded\n";
$got = server_read($c, (int) $sent);
$ok = strlen($got) === (int) $sent;
for ($i = 0; $ok && $i < strlen($got); $i += 64 * 1024) {
    $ok = substr($got, $i, 64 * 1024) === str_repeat(chr(97 + ($i >> 16) % 26), 64 * 1024);
}
var_dump($ok);
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
