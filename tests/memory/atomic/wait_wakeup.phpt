--TEST--
Atomic: wait() consumes a pending wakeup, times out with ETIMEDOUT, fails at once on other values
--FILE--
<?php
$a = new Swoole\Atomic(0);
$start = microtime(true);
var_dump($a->wait(0.1), swoole_errno() === SOCKET_ETIMEDOUT || swoole_errno() === 110);
$waited = microtime(true) - $start;
var_dump($waited >= 0.09 && $waited < 3);
var_dump($a->wakeup(), $a->get(), $a->wait(), $a->get());
$a->set(5);
$start = microtime(true);
var_dump($a->wait(1), $a->wakeup(3), $a->get(), microtime(true) - $start < 0.5);
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
int(1)
bool(true)
int(0)
bool(false)
bool(true)
int(5)
bool(true)
