--TEST--
pool: start() without onWorkerStart (ipc NONE) is fatal
--FILE--
<?php
$pool = new Swoole\Process\Pool(1);
$pool->start();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Swoole\Process\Pool::start(): require onWorkerStart callback in %s on line %d
