--TEST--
Event: ext/sockets Socket objects and int fds
--SKIPIF--
<?php if (!extension_loaded('sockets')) die('skip sockets extension not loaded'); ?>
--FILE--
<?php
use Swoole\Event;

socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
[$x, $y] = $pair;
$fd = Event::add($x, function ($sock) use ($x, &$b) {
    echo "x got: ", socket_read($sock, 100), " same: ", var_export($sock === $x, true), "\n";
    Event::del($sock);
    fwrite($b, "int");
});
var_dump(is_int($fd), Event::isset($fd), Event::isset($x, SWOOLE_EVENT_READ));
// An int fd: the callbacks get the int back.
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$afd = Event::add($a, function ($v) {}, null);
Event::del($afd);
var_dump(Event::isset($a));
Event::add($afd, function ($v) use ($afd, $a) {
    echo "int fd callback: ", var_export($v === $afd, true), " ", fread($a, 10), "\n";
    Event::del($v);
});
socket_write($y, "hello");
Event::wait();
socket_close($x);
var_dump(Event::add($x, function () {}));
echo "done\n";
?>
--EXPECTF--
bool(true)
bool(true)
bool(true)
bool(false)
x got: hello same: true
int fd callback: true int

Warning: Swoole\Event::add(): contains a closed socket in %s on line %d

Warning: Swoole\Event::add(): unknown fd type in %s on line %d
bool(false)
done
