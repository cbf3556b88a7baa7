--TEST--
Server task: in task_ipc_mode 2/3 the task worker's loop runs between tasks (its timers fire); large (tmpfile) and small tasks keep their order in every mode
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
foreach ([1, 2, 3] as $mode) {
    [$pid, $port] = server_fork(function ($pipe) use ($mode) {
        $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
        $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'task_ipc_mode' => $mode, 'log_level' => SWOOLE_LOG_ERROR]);
        $s->on('workerStart', function ($s, $id) use ($pipe) {
            if ($s->taskworker) {
                // Idle task worker: this timer must fire without any task arriving.
                Swoole\Timer::after(20, function () use ($pipe) { fwrite($pipe, "task worker timer\n"); });
            }
        });
        $s->on('task', function ($s, $id, $src, $data) {
            static $seq = 0;  // arrival order at the task worker
            return ($seq++) . ':' . strlen($data) . ':' . $data[0];
        });
        $results = [];
        $s->on('finish', function ($s, $id, $data) use (&$results, $pipe) {
            $results[$id] = $data;
            if (count($results) === 6) {
                ksort($results);
                fwrite($pipe, implode(' ', $results) . "\n");
                $results = [];
            }
        });
        $s->on('receive', function ($s, $fd, $rid, $data) {
            // Big (through task_tmpdir) and small tasks interleaved, one coroutine after another.
            $sizes = [20000, 10, 70000, 5, 9000, 1];
            foreach ($sizes as $i => $n) {
                go(function () use ($s, $n, $i) { $s->task(str_repeat(chr(ord('a') + $i), $n), 0); });
            }
            $s->send($fd, 'ok');
        });
        return $s;
    });
    echo "mode $mode: ", server_wait_line(), "\n";
    server_roundtrip($port, 'go', 2);
    echo "mode $mode: ", server_wait_line(), "\n";
    var_dump(server_stop($pid));
}
?>
--EXPECT--
mode 1: task worker timer
mode 1: 0:20000:a 1:10:b 2:70000:c 3:5:d 4:9000:e 5:1:f
int(0)
mode 2: task worker timer
mode 2: 0:20000:a 1:10:b 2:70000:c 3:5:d 4:9000:e 5:1:f
int(0)
mode 3: task worker timer
mode 3: 0:20000:a 1:10:b 2:70000:c 3:5:d 4:9000:e 5:1:f
int(0)
