--TEST--
Server: connection methods inside a running BASE server (errors of §3/§9, getClientInfo keys, iterator)
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'log_level' => SWOOLE_LOG_NONE]);
$s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, $data); });
$s->on('close', function ($s, $fd, $rid) {
    echo "onClose $fd $rid: ";
    var_dump($s->close($fd), $s->getLastError());
});
$s->on('workerStart', function ($s, $id) {
    echo "worker $id ", $s->getWorkerId(), ' ', $s->getWorkerStatus(), ' ', $s->worker_id, ' ', $s->worker_pid === getmypid() ? 'pid' : 'nopid', "\n";
    var_dump($s->set([]), $s->on('connect', function () {}), $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP));
    $c = new Co\Client(SWOOLE_SOCK_TCP);
    $c->connect('127.0.0.1', $s->port);
    $c->send('ping');
    var_dump($c->recv());
    $c2 = new Co\Client(SWOOLE_SOCK_TCP);
    $c2->connect('127.0.0.1', $s->port);
    $c2->send('pong');
    $c2->recv();
    $fds = iterator_to_array($s->connections);
    var_dump($fds, count($s->connections), isset($s->connections[1]), isset($s->connections[99]));
    var_dump($s->send(1, ''), $s->send(0, 'x'), $s->send(99, 'x'), $s->getLastError());
    var_dump($s->exist(1), $s->exist(99));
    var_dump($s->bind(1, 5), $s->bind(1, 6), $s->bind(2, 4294967296));
    var_dump(array_keys($s->getClientInfo(1)), array_keys($s->getClientInfo(2))[0]);
    var_dump($s->getClientInfo(1)['uid'], $s->connections[1]['remote_ip']);
    var_dump($s->getClientList(0, 101), $s->getClientList(0, 10), $s->getClientList(1), $s->getClientList(2), $s->getClientList(99));
    var_dump($s->heartbeat(), $s->sendto('1.2.3.4', 1, 'x'), $s->sendwait(1, 'w'), $c->recv());
    var_dump($s->stop(9999), $s->protect(1), $s->protect(99));
    var_dump($s->pause(1), $s->resume(1), $s->pause(99), $s->getLastError());
    var_dump($s->close(2), $s->close(2), $s->getLastError());
    $c->close();
    $c2->close();
    Co::sleep(0.05);
    $s->shutdown();
});
$s->start();
echo "done\n";
?>
--EXPECTF--
worker 0 0 2 0 pid

Warning: Swoole\Server::set(): server is running, unable to execute Swoole\Server->set in %s on line %d

Warning: Swoole\Server::on(): server is running, unable to register event callback function in %s on line %d

Warning: Swoole\Server::listen(): server is running, can't add listener in %s on line %d
bool(false)
bool(false)
bool(false)
string(4) "ping"
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
int(2)
bool(true)
bool(false)

Warning: Swoole\Server::send(): data is empty in %s on line %d

Warning: Swoole\Server::send(): invalid fd[0] in %s on line %d
bool(false)
bool(false)
bool(false)
int(1005)
bool(true)
bool(false)

Warning: Swoole\Server::bind(): uid can not be greater than 4294967295 or less than -2147483648 in %s on line %d
bool(true)
bool(false)
bool(false)
array(16) {
  [0]=>
  string(3) "uid"
  [1]=>
  string(11) "server_port"
  [2]=>
  string(9) "server_fd"
  [3]=>
  string(9) "socket_fd"
  [4]=>
  string(11) "socket_type"
  [5]=>
  string(11) "remote_port"
  [6]=>
  string(9) "remote_ip"
  [7]=>
  string(10) "reactor_id"
  [8]=>
  string(12) "connect_time"
  [9]=>
  string(9) "last_time"
  [10]=>
  string(14) "last_recv_time"
  [11]=>
  string(14) "last_send_time"
  [12]=>
  string(18) "last_dispatch_time"
  [13]=>
  string(11) "close_errno"
  [14]=>
  string(17) "recv_queued_bytes"
  [15]=>
  string(17) "send_queued_bytes"
}
string(11) "server_port"
int(5)
string(9) "127.0.0.1"

Warning: Swoole\Server::getClientList(): swoole connection list max_find_count=100 in %s on line %d
bool(false)
array(2) {
  [0]=>
  int(1)
  [1]=>
  int(2)
}
array(1) {
  [0]=>
  int(2)
}
bool(false)
bool(false)

Warning: Swoole\Server::sendto(): UDP listener has to be added before executing sendto in %s on line %d
bool(false)
bool(false)
bool(true)
string(1) "w"
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
int(1005)
onClose 2 -1: bool(false)
int(1003)
bool(true)
bool(false)
int(1005)
onClose 1 %d: bool(false)
int(1003)
done
