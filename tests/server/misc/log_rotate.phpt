--TEST--
Server: SIGRTMIN to the master re-opens log_file in every process (rename, signal, new lines go to a new file), BASE and PROCESS
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_logrot_' . getmypid();
@mkdir($dir);
foreach ([SWOOLE_BASE => 'BASE', SWOOLE_PROCESS => 'PROCESS'] as $mode => $name) {
    $log = "$dir/server.log";
    @unlink($log);
    @unlink("$log.1");
    [$pid, $port] = server_fork(function ($pipe) use ($mode, $log) {
        $s = new Swoole\Server('127.0.0.1', 0, $mode);
        // BASE: a task worker makes it a managed (non-single) server.
        $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_file' => $log, 'log_level' => SWOOLE_LOG_INFO]);
        $s->on('workerStart', function ($s, $id) use ($pipe) { if ($id === 0) fwrite($pipe, "ready\n"); });
        $s->on('task', function () {});
        $s->on('receive', function ($s, $fd, $rid, $data) {
            swoole_error_log(SWOOLE_LOG_WARNING, "line-$data");
            $s->send($fd, "ok");
        });
        return $s;
    });
    server_wait_line();
    $mark = fn(string $file, string $what) => is_file($file) && str_contains(file_get_contents($file), "line-$what");
    server_roundtrip($port, 'before', 2);
    echo $name, ' before in old file: ', var_export($mark($log, 'before'), true), "\n";
    rename($log, "$log.1");
    posix_kill($pid, SIGRTMIN);
    // Probe until a line reaches the re-opened file (the signal travels master -> manager -> worker).
    $ok = false;
    for ($i = 0; $i < 500 && !$ok; $i++) {
        server_roundtrip($port, "probe$i", 2);
        $ok = $mark($log, "probe$i");
        if (!$ok) usleep(10000);
    }
    echo $name, ' new file created: ', var_export($ok, true), "\n";
    server_roundtrip($port, 'after', 2);
    echo $name, ' after in new file: ', var_export($mark($log, 'after'), true),
        ', in old file: ', var_export($mark("$log.1", 'after'), true), "\n";
    var_dump(server_stop($pid));
    @unlink($log);
    @unlink("$log.1");
}
@rmdir($dir);
?>
--EXPECT--
BASE before in old file: true
BASE new file created: true
BASE after in new file: true, in old file: false
int(0)
PROCESS before in old file: true
PROCESS new file created: true
PROCESS after in new file: true, in old file: false
int(0)
