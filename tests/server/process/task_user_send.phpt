--TEST--
Server PROCESS: send/close/exist/getClientInfo from a task worker and from a user process (addProcess) reach the master
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_PROCESS);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_WARNING]);
    $s->on('receive', function ($s, $fd, $rid, $data) {
        if ($data === "who\n") {
            $s->send($fd, "$fd\n");
        } elseif ($data === "task\n") {
            $s->task($fd);
        }
    });
    $s->on('task', function ($s, $tid, $src, $fd) {
        $info = $s->getClientInfo($fd);
        $r = [$s->exist($fd), $s->send($fd, "task: exist " . json_encode($s->exist($fd)) . " port {$info['remote_port']}\n")];
        $r[] = $s->close($fd);
        $r[] = $s->exist($fd);
        $r[] = $s->send($fd, 'late');
        // 1004 while the master has not finished the close, 1005 once it has.
        $r[] = in_array($s->getLastError(), [1004, 1005], true) ? 'closed' : $s->getLastError();
        return json_encode($r);
    });
    $s->on('finish', function ($s, $tid, $result) use ($pipe) { fwrite($pipe, "task results $result\n"); });
    // A user process without coroutines: a blocking client of its own server.
    $s->addProcess(new Swoole\Process(function ($p) use ($s, $pipe) {
        $c = stream_socket_client('tcp://127.0.0.1:' . $s->port, $errno, $errstr, 5);
        stream_set_timeout($c, 5);
        fwrite($c, "who\n");
        $fd = (int) fgets($c);
        $local = (int) substr(strrchr(stream_socket_get_name($c, false), ':'), 1);
        $r = ['exist ' . json_encode($s->exist($fd))];
        $r[] = 'port ' . json_encode($s->getClientInfo($fd)['remote_port'] === $local);
        $r[] = 'send ' . json_encode($s->send($fd, "from user\n")) . ' ' . trim(fgets($c));
        $r[] = 'big ' . json_encode($s->send($fd, str_repeat('u', 200000))) . ' ' . strlen(stream_get_contents($c, 200000));
        $r[] = 'close ' . json_encode($s->close($fd)) . ' ' . json_encode($s->exist($fd));
        $r[] = 'eof ' . json_encode(fgets($c) === false && feof($c));
        fwrite($pipe, 'user ' . implode(', ', $r) . "\n");
        sleep(60);  // ended by the shutdown's SIGTERM
    }, false, 0));
    return $s;
});
echo server_wait_line(), "\n";
$c = server_connect($port);
fwrite($c, "task\n");
$line = fgets($c);
$local = (int) substr(strrchr(stream_socket_get_name($c, false), ':'), 1);
echo str_replace(" port $local", ' port <mine>', $line);
var_dump(fgets($c), feof($c));
echo server_wait_line(), "\n";
fclose($c);
var_dump(server_stop($pid));
?>
--EXPECT--
user exist true, port true, send true from user, big true 200000, close true false, eof true
task: exist true port <mine>
bool(false)
bool(true)
task results [true,true,true,false,false,"closed"]
int(0)
