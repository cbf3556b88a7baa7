--TEST--
Server\Port: own settings and callbacks, inheritance of the main settings, properties, errors
--FILE--
<?php
$s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
$s->set(['worker_num' => 1, 'open_eof_split' => true, 'package_eof' => "\n"]);
$s->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, "main:" . strlen($data) . ";"); });
$inherit = $s->listen('127.0.0.1', 0, SWOOLE_SOCK_TCP);          // no set(): main settings, main callback
$raw = $s->addListener('127.0.0.1', 0, SWOOLE_SOCK_TCP);         // own set(): raw
$raw->set(['open_tcp_nodelay' => true]);
$raw->on('Receive', function ($s, $fd, $rid, $data) { $s->send($fd, "raw:$data;"); });
var_dump($s->listen('256.0.0.1', 0, SWOOLE_SOCK_TCP));
var_dump(count($s->ports), $s->ports[1] === $inherit, $s->ports[2] === $raw);
var_dump($raw->host, $raw->port > 0, $raw->type, $raw->sock > 0, $raw->setting);
var_dump($raw->getCallback('receive') !== null, $inherit->getCallback('receive'));
$s->on('workerStart', function ($s) use ($inherit, $raw) {
    var_dump($raw->on('receive', function () {}));
    foreach ([$s->port, $inherit->port, $raw->port] as $port) {
        $c = new Co\Client(SWOOLE_SOCK_TCP);
        $c->connect('127.0.0.1', $port);
        $c->send("ab\ncd\n");
        $got = '';
        while (substr_count($got, ';') < ($port === $raw->port ? 1 : 2)) {
            $got .= $c->recv(2);
        }
        echo $got, "\n";
        echo count($s->ports[0]->connections), count($inherit->connections), count($raw->connections), count($s->connections), "\n";
        $c->close();
    }
    $s->shutdown();
});
$s->start();
?>
--EXPECTF--
bool(false)
int(3)
bool(true)
bool(true)
string(9) "127.0.0.1"
bool(true)
int(1)
bool(true)
array(1) {
  ["open_tcp_nodelay"]=>
  bool(true)
}
bool(true)
NULL

Warning: Swoole\Server\Port::on(): can't register event callback function after server started in %s on line %d
bool(false)
main:3;main:3;
1001
main:3;main:3;
%d1%d1
raw:ab
cd
;
%d%d11
