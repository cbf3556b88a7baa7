--TEST--
Server sendfile: the file goes out with sendfile(2), all of its bytes, in the process (BASE) or reactor thread (PROCESS) that owns the connection
--SKIPIF--
<?php
exec('strace -e trace=none true 2>&1', $out, $rc);
if ($rc !== 0) die('skip strace is not usable here');
?>
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$file = sys_get_temp_dir() . '/swoole-sendfile-strace-' . getmypid();
file_put_contents($file, random_bytes(3 << 20));
$log = "$file.log";
foreach ([SWOOLE_BASE, SWOOLE_PROCESS] as $mode) {
    [$pid, $port] = server_fork(function ($pipe) use ($file, $mode) {
        $s = new Swoole\Server('127.0.0.1', 0, $mode);
        $s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
        $s->on('receive', function ($s, $fd, $rid, $data) use ($file) { $s->sendfile($fd, $file); });
        $s->on('workerStart', function ($s) use ($pipe) { fwrite($pipe, "started\n"); });
        return $s;
    });
    server_wait_line();  // up: the threads of the PROCESS master exist
    // Every thread of the process that owns the connections is traced.
    $strace = proc_open(['strace', '-f', '-e', 'trace=sendfile', '-o', $log, '-p', (string) $pid],
                        [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['pipe', 'w']], $pipes);
    fgets($pipes[2]);  // "strace: Process N attached" (with M threads)
    $c = server_connect($port, '127.0.0.1', 10);
    fwrite($c, 'go');
    $got = server_read($c, 3 << 20);
    var_dump($got === file_get_contents($file));
    fclose($c);
    proc_terminate($strace, SIGINT);
    fclose($pipes[2]);
    proc_close($strace);
    $sent = 0;
    foreach (file($log) as $line) {
        if (preg_match('/sendfile\(\d+, \d+, .*\) = (\d+)/', $line, $m)) $sent += (int) $m[1];
    }
    echo 'sendfile(2) moved ', $sent === (3 << 20) ? 'the whole file' : "$sent bytes", "\n";
    var_dump(server_stop($pid));
}
unlink($file);
unlink($log);
?>
--EXPECT--
bool(true)
sendfile(2) moved the whole file
int(0)
bool(true)
sendfile(2) moved the whole file
int(0)
