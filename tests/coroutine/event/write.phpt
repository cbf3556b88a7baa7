--TEST--
Event: write() sends at once or buffers and sends when writable; empty data and unknown fds fail
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
var_dump(Event::write($a, 'x'));    // not added yet
$received = '';
$total = 4 * 1024 * 1024;            // far more than the socket buffers hold
Event::add($a, function ($s) {});
Event::add($b, function ($s) use (&$received, $total, $a) {
    $received .= fread($s, 65536);
    if (strlen($received) >= $total + 3) {
        Event::del($s);
        Event::del($a);
    }
});
var_dump(Event::write($a, ''));
var_dump(swoole_event_write($a, str_repeat('a', $total)));
var_dump(Event::write($a, 'end'));  // queued behind the rest, in order
Event::wait();
var_dump(strlen($received) === $total + 3, substr($received, -4) === 'aend');
?>
--EXPECTF--
Warning: Swoole\Event::write(): socket[%d] is not found in the reactor in %s on line %d
bool(false)

Warning: Swoole\Event::write(): data empty in %s on line %d
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
