--TEST--
WaitGroup: usable outside a coroutine until wait() would have to block
--FILE--
<?php
$wg = new Swoole\Coroutine\WaitGroup(1);
$wg->done();
var_dump($wg->wait(), $wg->count());
$wg->add();
$wg->wait();
echo "not reached\n";
?>
--EXPECTF--
bool(true)
int(0)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in @swoole/library/WaitGroup.php:%d
Stack trace:
%A
