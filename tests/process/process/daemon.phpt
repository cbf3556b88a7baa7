--TEST--
process: daemon detaches (new pid, parent gone) and keeps the pipes when noclose
--FILE--
<?php
use Swoole\Process;
$file = sys_get_temp_dir() . '/swoole-daemon-' . getmypid();
@unlink($file);
$p = new Process(function (Process $p) use ($file) {
    $before = getmypid();
    Process::daemon();
    file_put_contents($file, json_encode([$before, getmypid(), posix_getppid(), getcwd()]));
}, false, 0);
$p->start();
Process::wait();
for ($i = 0; $i < 500 && !is_file($file); $i++) usleep(10000);
usleep(20000);
[$before, $after, $ppid, $cwd] = json_decode(file_get_contents($file));
var_dump($before === $p->pid, $after !== $before, $ppid !== getmypid(), $cwd === getcwd());
unlink($file);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
