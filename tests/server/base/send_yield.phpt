--TEST--
Server BASE: send_yield: a coroutine's send() parks while the output is full and goes on when the client reads (every byte, in order); send_timeout ends the wait with ETIMEDOUT
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set([
        'worker_num' => 1,
        'send_yield' => true,
        'send_timeout' => 1.5,
        'socket_buffer_size' => 256 * 1024,
        'buffer_high_watermark' => 128 * 1024,
        'log_level' => SWOOLE_LOG_WARNING,
    ]);
    $s->on('bufferFull', function ($s, $fd) use ($pipe) {
        static $seen = [];  // it fills again while the client reads: the first time only
        if (!isset($seen[$fd])) {
            $seen[$fd] = true;
            fwrite($pipe, "full $fd\n");
        }
    });
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        if ($data === 'go') {
            // 8 MiB: far more than the buffer holds; every send() returns true.
            $ok = 0;
            for ($i = 0; $i < 128; $i++) {
                $ok += $s->send($fd, str_repeat(chr(97 + $i % 26), 64 * 1024)) ? 1 : 0;
            }
            fwrite($pipe, "done $ok\n");
        } elseif ($data === 'stall') {
            // Nobody reads this one: a send() waits send_timeout, then fails.
            $t = microtime(true);
            while ($s->send($fd, str_repeat('s', 64 * 1024))) {
                $t = microtime(true);
            }
            fwrite($pipe, 'timeout ' . $s->getLastError() . ' ' . (microtime(true) - $t >= 1.4 ? 'waited' : 'early') . "\n");
            // Bigger than the whole buffer: no use waiting, 1009 at once.
            fwrite($pipe, 'huge ' . json_encode($s->send($fd, str_repeat('h', 300 * 1024))) . ' ' . $s->getLastError() . "\n");
        }
    });
    return $s;
});
$c = server_connect($port, '127.0.0.1', 10);
stream_set_read_buffer($c, 0);
fwrite($c, 'go');
echo server_wait_line(), "\n";          // full: the coroutine is parked now
$got = server_read($c, 128 * 64 * 1024);  // reading lets it go on
$ok = strlen($got) === 128 * 64 * 1024;
for ($i = 0; $ok && $i < 128; $i++) {
    $ok = substr($got, $i * 64 * 1024, 64 * 1024) === str_repeat(chr(97 + $i % 26), 64 * 1024);
}
var_dump($ok);
echo server_wait_line(), "\n";
$d = server_connect($port, '127.0.0.1', 10);
fwrite($d, 'stall');
echo server_wait_line(), "\n";  // full 2
echo server_wait_line(), "\n";
echo server_wait_line(), "\n";
fclose($d);
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
full 1
bool(true)
done 128
full 2
timeout 110 waited
huge false 1009
int(0)
