--TEST--
Event: read, write and defer callbacks run in a new coroutine when coroutines are enabled
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Event::add($a, function ($s) {
    echo "read in coroutine: ", var_export(Co::getCid() > 0, true), "\n";
    Event::del($s);
    Co::sleep(0.01);  // may suspend
    echo "read woke: ", fread($s, 10), "\n";
}, function ($s) use ($b) {
    echo "write in coroutine: ", var_export(Co::getCid() > 0, true), "\n";
    fwrite($b, "data");
    Event::set($s, null, null, SWOOLE_EVENT_READ);
}, SWOOLE_EVENT_READ | SWOOLE_EVENT_WRITE);
Event::defer(function () {
    echo "defer in coroutine: ", var_export(Co::getCid() > 0, true), "\n";
});
Event::wait();
echo "done\n";
?>
--EXPECT--
write in coroutine: true
defer in coroutine: true
read in coroutine: true
read woke: data
done
