--TEST--
Event: add() on a stream_socket_pair with read and write callbacks; callbacks receive the original $fd
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$fd = Event::add($a, function ($sock) use ($a) {
    echo "a readable, same value: ", var_export($sock === $a, true), "\n";
    echo "a read: ", fread($sock, 100), "\n";
    Event::del($sock);
}, function ($sock) use ($a) {
    echo "a writable, same value: ", var_export($sock === $a, true), "\n";
    fwrite($sock, "ping");
    // Done writing: keep only the read interest.
    var_dump(Event::set($sock, null, null, SWOOLE_EVENT_READ));
}, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE);
var_dump(is_int($fd), $fd > 2);
var_dump(swoole_event_add($b, function ($sock) {
    echo "b read: ", fread($sock, 100), "\n";
    fwrite($sock, "pong");
    swoole_event_del($sock);
}) > 0);
// The fds were made non-blocking.
var_dump(stream_get_meta_data($a)['blocked']);
echo "waiting\n";
Event::wait();
echo "done\n";
var_dump(Event::isset($a), Event::isset($b));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
waiting
a writable, same value: true
bool(true)
b read: ping
a readable, same value: true
a read: pong
done
bool(false)
bool(false)
