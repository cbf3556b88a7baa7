--TEST--
Lock: a lock held by another process: trylock false (16), lockwait times out (110, whole seconds only), then succeeds once released
--FILE--
<?php
$l = new Swoole\Lock(SWOOLE_MUTEX);
[$parent, $child] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, 0);
$pid = pcntl_fork();
if ($pid === 0) {
    $l->lock();
    fwrite($child, "locked");
    fread($child, 1);            // hold until told
    $l->unlock();
    exit(0);
}
fread($parent, 6);
var_dump($l->trylock(), $l->errCode);
$start = microtime(true);
var_dump($l->lockwait(0.5), $l->errCode, microtime(true) - $start < 0.4);   // truncated to 0 s: one attempt
$start = microtime(true);
var_dump($l->lockwait(1.5));                                             // truncated to 1 s
$waited = microtime(true) - $start;
var_dump($waited >= 0.95 && $waited < 1.45);
fwrite($parent, "go");
var_dump($l->lockwait(10), $l->unlock());
pcntl_waitpid($pid, $status);
var_dump(pcntl_wexitstatus($status));
?>
--EXPECT--
bool(false)
int(16)
bool(false)
int(110)
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(0)
