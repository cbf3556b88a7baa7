--TEST--
Server: heartbeat closes idle connections (not protected ones); heartbeat() lists them
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'heartbeat_check_interval' => 1, 'heartbeat_idle_time' => 1]);
$s->on('connect', function ($s, $fd) { if ($fd === 2) $s->protect($fd); });
$s->on('receive', function ($s, $fd, $rid, $data) {});
$s->on('close', function ($s, $fd, $rid) { echo "close $fd ", $rid >= 0 ? 'reactor' : 'active', "\n"; });
$s->on('workerStart', function ($s) {
    var_dump($s->heartbeat());
    $a = new Co\Client(SWOOLE_SOCK_TCP);
    $a->connect('127.0.0.1', $s->port);
    $b = new Co\Client(SWOOLE_SOCK_TCP);
    $b->connect('127.0.0.1', $s->port);
    var_dump($a->recv(5));  // closed by the heartbeat after ~1-2 s
    var_dump($s->exist(1), $s->exist(2));
    $b->close();
    Co::sleep(0.02);
    $s->shutdown();
});
$s->start();
?>
--EXPECT--
array(0) {
}
close 1 reactor
string(0) ""
bool(false)
bool(true)
close 2 reactor
