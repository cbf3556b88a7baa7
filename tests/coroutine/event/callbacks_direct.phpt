--TEST--
Event: with swoole.enable_coroutine=0 callbacks are called directly; an uncaught exception there is fatal
--INI--
swoole.enable_coroutine=0
--FILE--
<?php
use Swoole\Event;

[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Event::add($a, function ($s) {
    echo "read: ", Co::getCid(), " ", fread($s, 10), "\n";
    throw new LogicException("bad read");
});
Event::defer(function () use ($b) {
    echo "defer: ", Co::getCid(), "\n";
    fwrite($b, "data");
});
Swoole\Timer::after(100, function () { echo "never\n"; });
Event::wait();
echo "never after wait\n";
?>
--EXPECTF--
defer: -1
read: -1 data

Fatal error: Uncaught LogicException: bad read in %s:%d
Stack trace:
#0 [internal function]: {closure}(Resource id #%d)
#1 %s(%d): Swoole\Event::wait()
#2 {main}
  thrown in %s on line %d
