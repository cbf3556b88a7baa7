--TEST--
pool: ipc NONE workers that return are stopped and respawned with the same id; onStart runs first; shutdown returns null
--FILE--
<?php
use Swoole\Process;
use Swoole\Process\Pool;
$log = sys_get_temp_dir() . '/swoole-pool-restart-' . getmypid();
@unlink($log);
$pool = new Pool(2);
var_dump($pool->master_pid, $pool->workers);
$pool->on('Start', function (Pool $pool) use ($log) {
    file_put_contents($log, "start\n", FILE_APPEND);
});
$pool->on('WorkerStart', function (Pool $pool, int $id) use ($log) {
    $lines = file($log, FILE_IGNORE_NEW_LINES);
    file_put_contents($log, "ws $id\n", FILE_APPEND | LOCK_EX);
    if (count($lines) >= 8) $pool->shutdown();
    usleep(10000);
});
$pool->on('WorkerStop', function (Pool $pool, int $id) use ($log) {
    file_put_contents($log, "stop $id\n", FILE_APPEND | LOCK_EX);
});
$pool->on('Shutdown', function (Pool $pool) { echo "shutdown callback\n"; });
var_dump($pool->start());
var_dump($pool->master_pid === getmypid());
$lines = file($log, FILE_IGNORE_NEW_LINES);
var_dump($lines[0]);
$starts = array_count_values(array_filter($lines, fn ($l) => str_starts_with($l, 'ws ')));
var_dump(count($starts), min($starts) >= 2);
var_dump(count(array_filter($lines, fn ($l) => str_starts_with($l, 'stop '))) >= 2);
unlink($log);
?>
--EXPECT--
int(-1)
NULL
shutdown callback
NULL
bool(true)
string(5) "start"
int(2)
bool(true)
bool(true)
