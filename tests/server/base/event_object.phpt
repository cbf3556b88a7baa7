--TEST--
Server: event_object => true passes Server\Event (connect/receive/close) and Server\Packet (packet)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
[$pid, $port] = server_fork(function ($pipe) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
    $s->set(['worker_num' => 1, 'event_object' => true]);
    $describe = function (string $what, object $e) use ($pipe) {
        $fields = [];
        foreach (get_object_vars($e) as $k => $v) {
            $fields[] = $k . '=' . ($k === 'dispatch_time' ? (is_float($v) && $v > 1e9 ? 'ok' : 'bad')
                : ($k === 'port' || $k === 'server_socket' || $k === 'server_port' ? gettype($v) : var_export($v, true)));
        }
        fwrite($pipe, $what . ' ' . get_class($e) . ' ' . implode(' ', $fields) . "\n");
    };
    $s->on('connect', function ($s, $e) use ($describe) { $describe('connect', $e); });
    $s->on('receive', function ($s, $e) use ($describe) {
        $describe('receive', $e);
        $s->send($e->fd, "echo:" . $e->data);
    });
    $s->on('close', function ($s, $e) use ($describe) { $describe('close', $e); });
    $u = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_UDP);
    $u->on('packet', function ($s, $p) use ($describe) {
        $describe('packet', $p);
        $s->sendto($p->address, $p->port, "udp:" . $p->data);
    });
    $s->on('workerStart', function ($s) use ($pipe, $u) { fwrite($pipe, $u->port . "\n"); });
    return $s;
});
register_shutdown_function(function () use ($pid) { @posix_kill($pid, SIGKILL); });
$udp_port = (int) server_wait_line();
$c = server_connect($port);
echo server_wait_line(), "\n";
fwrite($c, 'hello');
echo server_read($c, 10), "\n";
echo server_wait_line(), "\n";
fclose($c);
echo server_wait_line(), "\n";
$udp = stream_socket_client("udp://127.0.0.1:$udp_port");
stream_set_timeout($udp, 5);
fwrite($udp, 'dg');
echo fread($udp, 100), "\n";
echo server_wait_line(), "\n";
var_dump(server_stop($pid));
$r = new ReflectionClass(Swoole\Server\Event::class);
var_dump($r->isFinal());
foreach ([Swoole\Server\PipeMessage::class, Swoole\Server\TaskResult::class, Swoole\Server\StatusInfo::class] as $cls) {
    echo $cls, ': ', implode(',', array_keys(get_class_vars($cls))), "\n";
}
?>
--EXPECT--
connect Swoole\Server\Event reactor_id=0 fd=1 dispatch_time=ok data=NULL
echo:hello
receive Swoole\Server\Event reactor_id=0 fd=1 dispatch_time=ok data='hello'
close Swoole\Server\Event reactor_id=0 fd=1 dispatch_time=ok data=NULL
udp:dg
packet Swoole\Server\Packet server_socket=integer server_port=integer dispatch_time=ok address='127.0.0.1' port=integer data='dg'
int(0)
bool(true)
Swoole\Server\PipeMessage: source_worker_id,dispatch_time,data
Swoole\Server\TaskResult: task_id,task_worker_id,dispatch_time,data
Swoole\Server\StatusInfo: worker_id,worker_pid,status,exit_code,signal
