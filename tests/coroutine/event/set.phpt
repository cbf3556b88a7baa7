--TEST--
Event: set() replaces the callbacks given and sets the event mask; fails for unknown fds and missing callbacks
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Event::add($a, function ($s) { echo "read 1: ", fread($s, 100), "\n"; });
var_dump(Event::isset($a, SWOOLE_EVENT_READ), Event::isset($a, SWOOLE_EVENT_WRITE));
// A write interest needs a write callback.
var_dump(Event::set($a, null, null, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE));
var_dump(Event::set($b, null, null, SWOOLE_EVENT_READ));
// Replace the read callback and add a write one, both events on.
var_dump(Event::set($a, function ($s) {
    echo "read 2: ", fread($s, 100), "\n";
    Event::del($s);
}, function ($s) use ($b) {
    echo "write 2\n";
    fwrite($b, "data");
    Event::set($s, null, null, SWOOLE_EVENT_READ);
    var_dump(Event::isset($s, SWOOLE_EVENT_WRITE));
}, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE));
var_dump(Event::isset($a), Event::isset($a, SWOOLE_EVENT_WRITE));
Event::wait();
echo "done\n";
?>
--EXPECTF--
bool(true)
bool(false)

Warning: Swoole\Event::set(): Swoole\Event: unable to find write callback of fd [%d] in %s on line %d
bool(false)

Warning: Swoole\Event::set(): socket[%d] is not found in the reactor in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
write 2
bool(false)
read 2: data
done
