--TEST--
pool: unixsock messages through getProcess()->write(), msgqueue messages from an external producer
--FILE--
<?php
use Swoole\Process\Pool;
$out = sys_get_temp_dir() . '/swoole-pool-ipc-' . getmypid();
@unlink($out);
$pool = new Pool(2, SWOOLE_IPC_UNIXSOCK);
$pool->on('WorkerStart', function (Pool $pool, int $id) {
    if ($id === 0) {
        $p = $pool->getProcess(1);
        var_dump($p instanceof Swoole\Process, $p->id, $p === $pool->getProcess(1));
        $p->write('to worker 1');
    }
});
$pool->on('Message', function (Pool $pool, string $data) use ($out) {
    file_put_contents($out, $pool->getProcess()->id . ": $data\n", FILE_APPEND);
    $pool->shutdown();
});
$pool->start();
echo file_get_contents($out);
unlink($out);

$key = 0x5b000000 | (getmypid() & 0xffffff);
$pool = new Pool(1, SWOOLE_IPC_MSGQUEUE, $key);
$pool->on('Message', function (Pool $pool, string $data) {
    echo "worker got $data\n";
    if ($data === 'last') $pool->shutdown();
});
$pool->on('Start', function () use ($key) {
    $q = msg_get_queue($key);
    msg_send($q, 1, 'one', false);
    msg_send($q, 7, 'last', false);
});
$pool->start();
msg_remove_queue(msg_get_queue($key));
?>
--EXPECT--
bool(true)
int(1)
bool(true)
1: to worker 1
worker got one
worker got last
