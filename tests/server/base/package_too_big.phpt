--TEST--
Server: a packet over package_max_length closes only that connection; others are served
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'open_length_check' => true, 'package_length_type' => 'N',
         'package_body_offset' => 4, 'package_max_length' => 65536, 'log_level' => SWOOLE_LOG_NONE]);
$s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, pack('N', strlen($data) - 4) . substr($data, 4)); });
$s->on('close', function ($s, $fd) { echo "closed $fd\n"; });
$s->on('workerStart', function ($s) {
    $good = new Co\Client(SWOOLE_SOCK_TCP);
    $good->connect('127.0.0.1', $s->port);
    $bad = new Co\Client(SWOOLE_SOCK_TCP);
    $bad->connect('127.0.0.1', $s->port);
    $bad->send(pack('N', 100000) . str_repeat('x', 1000));
    var_dump($bad->recv(5) ?: 'closed');
    $good->send(pack('N', 2) . 'ok');
    var_dump(substr($good->recv(5), 4));
    $body = str_repeat('y', 60000);
    $good->send(pack('N', strlen($body)) . $body);
    $got = '';
    while (strlen($got) < 60004 && ($chunk = $good->recv(5)) !== '' && $chunk !== false) $got .= $chunk;
    var_dump(strlen($got));
    $good->close();
    Co::sleep(0.02);
    $s->shutdown();
});
$s->start();
?>
--EXPECT--
closed 2
string(6) "closed"
string(2) "ok"
int(60004)
closed 1
