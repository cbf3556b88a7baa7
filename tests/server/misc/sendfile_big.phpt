--TEST--
Server sendfile: a 20 MiB file queued between sends (BASE and PROCESS) reaches a slow reader whole and in order, past socket_buffer_size, without the calls blocking
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$file = sys_get_temp_dir() . '/swoole-sendfile-phpt-' . getmypid();
$f = fopen($file, 'w');
for ($i = 0; $i < 20; $i++) {
    fwrite($f, random_bytes(1 << 20));
}
fclose($f);
$body = file_get_contents($file);
$want = 'head' . $body . 'mid' . substr($body, 1000, 5000) . 'tail';
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    [$pid, $port] = server_fork(function ($pipe) use ($mode, $file) {
        $s = new Swoole\Server('127.0.0.1', 0, $mode);
        // The file is far bigger than the output buffer: it must not go through it.
        $s->set(['worker_num' => 1, 'socket_buffer_size' => 1 << 20, 'log_level' => SWOOLE_LOG_WARNING]);
        $s->on('receive', function ($s, $fd, $rid, $data) use ($file, $pipe) {
            $t = microtime(true);
            $ok = [$s->send($fd, 'head'), $s->sendfile($fd, $file), $s->send($fd, 'mid'),
                   $s->sendfile($fd, $file, 1000, 5000), $s->send($fd, 'tail')];
            $info = $s->getClientInfo($fd);
            fwrite($pipe, 'queued ' . json_encode($ok) . ' ' . (microtime(true) - $t < 2 ? 'at once' : 'slow')
                . ' memory ' . ($info['send_queued_bytes'] < (1 << 20) ? 'small' : 'big') . "\n");
        });
        return $s;
    });
    $c = server_connect($port, '127.0.0.1', 20);
    stream_set_read_buffer($c, 0);
    fwrite($c, 'go');
    echo server_wait_line(), "\n";  // nothing read yet: the file waits in the output
    $got = '';
    while (strlen($got) < strlen($want)) {
        $chunk = fread($c, 256 * 1024);
        if ($chunk === false || $chunk === '') {
            if (feof($c) || stream_get_meta_data($c)['timed_out']) break;
            continue;
        }
        $got .= $chunk;
        if (strlen($got) < 4 << 20) usleep(2000);  // a slow start: the socket stays full a while
    }
    var_dump(strlen($got) === strlen($want), md5($got) === md5($want));
    fclose($c);
    var_dump(server_stop($pid));
}
unlink($file);
?>
--EXPECT--
queued [true,true,true,true,true] at once memory small
bool(true)
bool(true)
int(0)
queued [true,true,true,true,true] at once memory small
bool(true)
bool(true)
int(0)
