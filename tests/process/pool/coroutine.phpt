--TEST--
pool: enable_coroutine workers run onWorkerStart in a coroutine and read their pipe through exportSocket
--FILE--
<?php
use Swoole\Process\Pool;
$pool = new Pool(2, SWOOLE_IPC_UNIXSOCK, 0, true);
$pool->on('WorkerStart', function (Pool $pool, int $id) {
    if ($id === 0) {
        $pool->getProcess(1)->write('hi worker 1');
        Co::sleep(5);  // ended by the shutdown
        return;
    }
    $sock = $pool->getProcess()->exportSocket();
    $msg = $sock->recv(8192, 5);
    echo "worker $id in coroutine ", Co::getCid(), " got $msg\n";
    $pool->shutdown();
});
var_dump($pool->start());
?>
--EXPECT--
worker 1 in coroutine 1 got hi worker 1
NULL
