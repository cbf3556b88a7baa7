--TEST--
Server PROCESS: a worker told to stop (reload) while a send() is parked keeps reading its pipes, so the drain wakes the send at once instead of after send_timeout
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set([
        'worker_num' => 1,
        'send_yield' => true,
        'send_timeout' => 8,
        'max_wait_time' => 20,
        'reload_async' => true,
        'socket_buffer_size' => 256 * 1024,
        'buffer_high_watermark' => 128 * 1024,
        'log_level' => SWOOLE_LOG_WARNING,
    ]);
    $s->on('workerStart', function ($s, $id) use ($pipe) { fwrite($pipe, "start\n"); });
    $s->on('workerExit', function ($s, $id) use ($pipe) {
        static $once = false;  // it runs at every turn of the stopping worker
        if (!$once) {
            $once = true;
            fwrite($pipe, "stopping\n");
        }
    });
    $s->on('bufferFull', function ($s, $fd) use ($pipe) {
        static $seen = false;
        if (!$seen) {
            $seen = true;
            fwrite($pipe, "full\n");
        }
    });
    $s->on('receive', function ($s, $fd, $rid, $data) use ($pipe) {
        $ok = 0;
        for ($i = 0; $i < 64; $i++) {
            $t = microtime(true);
            $ok += $s->send($fd, str_repeat(chr(97 + $i % 26), 64 * 1024)) ? 1 : 0;
            $longest = max($longest ?? 0, microtime(true) - $t);
        }
        fwrite($pipe, "done $ok " . ($longest < 5 ? 'no send waited for send_timeout' : 'a send waited ' . round($longest, 1) . 's') . "\n");
    });
    return $s;
});
echo server_wait_line(), "\n";
$c = server_connect($port, '127.0.0.1', 15);
stream_set_read_buffer($c, 0);
fwrite($c, 'go');
echo server_wait_line(), "\n";  // full: a send() is parked now
posix_kill($pid, SIGUSR1);       // reload: the worker starts stopping
echo server_wait_line(), "\n";  // stopping
$got = server_read($c, 64 * 64 * 1024);
$ok = strlen($got) === 64 * 64 * 1024;
for ($i = 0; $ok && $i < 64; $i++) {
    $ok = substr($got, $i * 64 * 1024, 64 * 1024) === str_repeat(chr(97 + $i % 26), 64 * 1024);
}
var_dump($ok);
echo server_wait_line(15), "\n";
echo server_wait_line(15), "\n";  // the replacement
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
start
full
stopping
bool(true)
done 64 no send waited for send_timeout
start
int(0)
