--TEST--
Atomic: a child blocked in wait() is woken by the parent's wakeup(); another child's wait times out
--FILE--
<?php
$a = new Swoole\Atomic(0);
$idle = new Swoole\Atomic(0);
$counter = new Swoole\Atomic\Long(0);
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$woken = pcntl_fork();
if ($woken === 0) {
    fwrite($w, "x");             // about to wait; a wakeup sent earlier is kept pending
    exit($a->wait(10) ? 0 : 1);
}
$timed = pcntl_fork();
if ($timed === 0) {
    $start = microtime(true);
    $ok = $idle->wait(0.2);
    exit(!$ok && microtime(true) - $start >= 0.19 ? 0 : 1);
}
$adders = [];
for ($i = 0; $i < 2; $i++) {
    $pid = pcntl_fork();
    if ($pid === 0) { for ($j = 0; $j < 50000; $j++) $counter->add(1); exit(0); }
    $adders[] = $pid;
}
fread($r, 1);
var_dump($a->wakeup());
foreach ([$woken, $timed, ...$adders] as $pid) { pcntl_waitpid($pid, $status); var_dump(pcntl_wexitstatus($status)); }
var_dump($a->get(), $counter->get());
?>
--EXPECT--
bool(true)
int(0)
int(0)
int(0)
int(0)
int(0)
int(100000)
