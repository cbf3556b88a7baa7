--TEST--
pool: bad arguments and misuse
--FILE--
<?php
use Swoole\Process\Pool;
try { new Pool(0); } catch (Swoole\Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
$pool = new Pool(1);
var_dump($pool->listen('127.0.0.1', 0));
var_dump($pool->write('x'));
var_dump($pool->on('Message', function () {}));
var_dump($pool->on('nope', function () {}));
var_dump($pool->getProcess());
var_dump(SWOOLE_IPC_NONE, SWOOLE_IPC_UNIXSOCK, SWOOLE_IPC_MSGQUEUE, SWOOLE_IPC_SOCKET);
$co = new Pool(1, SWOOLE_IPC_MSGQUEUE, 0, true);
var_dump($co->on('Message', function () {}));
$u = new Pool(1, SWOOLE_IPC_UNIXSOCK);
$u->on('WorkerStart', function () {});
$u->start();
?>
--EXPECTF--
Swoole\Exception: invalid worker_num

Warning: Swoole\Process\Pool::listen(): unsupported ipc type[0] in %s on line %d
bool(false)

Warning: Swoole\Process\Pool::write(): unsupported ipc type[0] in %s on line %d
bool(false)

Warning: Swoole\Process\Pool::on(): cannot set onMessage event with ipc_type=0 in %s on line %d
bool(false)

Warning: Swoole\Process\Pool::on(): unknown event type[nope] in %s on line %d
bool(false)
bool(false)
int(0)
int(1)
int(2)
int(3)

Notice: Swoole\Process\Pool::__construct(): Swoole\Process\Pool object's ipc_type will be reset to SWOOLE_IPC_UNIXSOCK after enable coroutine in %s on line %d

Notice: Swoole\Process\Pool::on(): cannot set onMessage event with enable_coroutine in %s on line %d
bool(false)

Fatal error: Swoole\Process\Pool::start(): require onMessage callback in %s on line %d
