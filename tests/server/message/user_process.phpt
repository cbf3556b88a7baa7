--TEST--
Server addProcess: id, the callback runs in a managed child (restarted when it returns), messages from it; the rules
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'task_worker_num' => 1, 'log_level' => SWOOLE_LOG_ERROR]);
    // Lines before start wait until worker 0 runs (the pipe carries the port first).
    $pre = [];
    set_error_handler(function ($no, $str) use (&$pre) { $pre[] = "warning: $str"; return true; });
    $pre[] = 'null ' . json_encode($s->addProcess(null));
    $p = new Swoole\Process(function (Swoole\Process $p) use ($s) {
        $s->sendMessage("from user {$p->id} " . ($p->pid === getmypid() ? 'own pid' : 'bad pid'), 0);
        usleep(50000);
    });
    $pre[] = 'index ' . json_encode($s->addProcess($p));
    set_error_handler(function ($no, $str) use ($pipe) { fwrite($pipe, "warning: $str\n"); return true; });
    $s->on('receive', function () {});
    $s->on('task', function () {});
    $s->on('workerStart', function ($s, $id) use ($pipe, $pre) {
        if ($id === 0) {
            fwrite($pipe, implode("\n", $pre) . "\n");
            fwrite($pipe, 'after start ' . json_encode($s->addProcess(new Swoole\Process(function () {}))) . "\n");
        }
    });
    $s->on('pipeMessage', function ($s, $src, $msg) use ($pipe) {
        static $n = 0;
        if (++$n <= 2) {
            fwrite($pipe, "$msg src=$src\n");
        }
    });
    return $s;
});
$lines = [];
for ($i = 0; $i < 7; $i++) {
    $lines[] = server_wait_line();
}
sort($lines);
echo implode("\n", $lines), "\n";
var_dump(server_stop($pid));
?>
--EXPECT--
after start false
from user 2 own pid src=2
from user 2 own pid src=2
index 0
null false
warning: Swoole\Server::addProcess(): server is running, can't add process
warning: Swoole\Server::addProcess(): the first parameter can't be empty
int(0)
