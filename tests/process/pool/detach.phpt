--TEST--
pool: detach() makes the master forget a worker (a replacement with the same id starts; shutdown does not stop the detached one)
--FILE--
<?php
use Swoole\Process\Pool;
$log = sys_get_temp_dir() . '/swoole-pool-detach-' . getmypid();
@unlink($log);
$pool = new Pool(1);
$pool->on('WorkerStart', function (Pool $pool, int $id) use ($log) {
    $first = !file_exists($log);
    file_put_contents($log, ($first ? 'detached ' : 'replacement ') . "$id " . getmypid() . "\n", FILE_APPEND | LOCK_EX);
    if ($first) {
        var_dump($pool->detach());
        // Keep running after the master forgot us: the test kills us at the end.
        for ($i = 0; $i < 500 && count(file($log)) < 3; $i++) usleep(10000);
        file_put_contents($log, "detached still alive\n", FILE_APPEND | LOCK_EX);
        exit(0);
    }
    $pool->shutdown();
    usleep(200000);
});
$pool->start();
$lines = file($log, FILE_IGNORE_NEW_LINES);
[$what0, $id0, $pid0] = explode(' ', $lines[0]);
[$what1, $id1, $pid1] = explode(' ', $lines[1]);
var_dump($what0, $what1, $id0 === $id1, $pid0 !== $pid1);
// The master's shutdown stopped only the replacement: the detached worker lives on.
var_dump(posix_kill((int) $pid0, 0));
file_put_contents($log, "go\n", FILE_APPEND | LOCK_EX);
for ($i = 0; $i < 300 && !str_contains(file_get_contents($log), 'still alive'); $i++) usleep(10000);
var_dump(str_contains(file_get_contents($log), 'detached still alive'));
unlink($log);
?>
--EXPECT--
bool(true)
string(8) "detached"
string(11) "replacement"
bool(true)
bool(true)
bool(true)
bool(true)
