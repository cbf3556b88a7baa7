--TEST--
system: waitEvent on stream resources, Socket objects and plain fds; timeout; the ready events
--FILE--
<?php
Co\run(function () {
    [$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    $t = microtime(true);
    var_dump(Co\System::waitEvent($a, SWOOLE_EVENT_READ, 0.1));
    var_dump(microtime(true) - $t >= 0.09, swoole_errno(), swoole_last_error());

    go(function () use ($b) {
        Co::sleep(0.05);
        fwrite($b, 'ping');
    });
    var_dump(Co\System::waitEvent($a) === SWOOLE_EVENT_READ);
    var_dump(fread($a, 10));
    var_dump(Co\System::waitEvent($a, SWOOLE_EVENT_WRITE) === SWOOLE_EVENT_WRITE);
    var_dump(Co\System::waitEvent($a, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE) === SWOOLE_EVENT_WRITE);
    fwrite($b, 'x');
    var_dump(Co\System::waitEvent($a, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE) === (SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE));

    // ext/sockets Socket objects.
    socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair);
    go(function () use ($pair) {
        Co::sleep(0.02);
        socket_write($pair[1], 'hi');
    });
    var_dump(Co\System::waitEvent($pair[0], SWOOLE_EVENT_READ, 1));
    var_dump(socket_read($pair[0], 10));

    // A plain fd number (stdout is writable).
    var_dump(Co\System::waitEvent(1, SWOOLE_EVENT_WRITE, 1));

    // Regular files are always ready; an fd that is not open is an error.
    $fp = fopen(__FILE__, 'r');
    var_dump(Co\System::waitEvent($fp, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE, 1));
    var_dump(Co\System::waitEvent(987, SWOOLE_EVENT_READ, 1), swoole_errno());

    // A canceled wait.
    $cid = go(function () use ($a) {
        fread($a, 10);
        var_dump(Co\System::waitEvent($a, SWOOLE_EVENT_READ));
        var_dump(swoole_last_error() === SWOOLE_ERROR_CO_CANCELED);
    });
    var_dump(Co::cancel($cid));
});
?>
--EXPECT--
bool(false)
bool(true)
int(110)
int(110)
bool(true)
string(4) "ping"
bool(true)
bool(true)
bool(true)
int(512)
string(2) "hi"
int(1024)
int(1536)
bool(false)
int(9)
bool(false)
bool(true)
bool(true)
