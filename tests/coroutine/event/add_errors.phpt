--TEST--
Event: add() refuses empty callbacks, an fd already added, events without READ/WRITE and invalid fds
--INI--
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$read = function ($s) { fread($s, 10); };
var_dump(Event::add($a));
var_dump(swoole_event_add($a, null, null));
var_dump(Event::add($a, $read, null, 0));
var_dump(Event::add($a, $read, null, 4096));
var_dump(Event::add($a, $read) > 0);
var_dump(Event::add($a, $read));
var_dump(Event::add(-1, $read));
var_dump(Event::add([], $read));
var_dump(Event::add(new stdClass, $read));
fclose($b);
var_dump(Event::add($b, $read));
var_dump(swoole_last_error() === SWOOLE_ERROR_EVENT_SOCKET_INVALID);
try {
    Event::add($a, 'no_such_function');
} catch (TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(Event::del($a));
?>
--EXPECTF--
Warning: Swoole\Event::add(): both read and write callbacks are empty in %s on line %d
bool(false)

Warning: swoole_event_add(): both read and write callbacks are empty in %s on line %d
bool(false)

Warning: Swoole\Event::add(): invalid events in %s on line %d
bool(false)

Warning: Swoole\Event::add(): invalid events in %s on line %d
bool(false)
bool(true)

Warning: Swoole\Event::add(): already exist in %s on line %d
bool(false)

Warning: Swoole\Event::add(): invalid file descriptor#-1 passed in %s on line %d

Warning: Swoole\Event::add(): unknown fd type in %s on line %d
bool(false)

Warning: Swoole\Event::add(): invalid file descriptor passed in %s on line %d

Warning: Swoole\Event::add(): unknown fd type in %s on line %d
bool(false)

Warning: Swoole\Event::add(): unknown fd type in %s on line %d
bool(false)

Warning: Swoole\Event::add(): fd argument must be either valid PHP stream or valid PHP socket resource in %s on line %d

Warning: Swoole\Event::add(): unknown fd type in %s on line %d
bool(false)
bool(true)
Swoole\Event::add(): Argument #2 ($read_callback) must be a valid callback or null, function "no_such_function" not found or invalid function name
bool(true)
