--TEST--
swoole_async_set(): process-wide settings before the loop exists (enable_coroutine, socket and log options)
--INI--
; the implicit loop at the end of the script is deprecated in Swoole 4.8 (E_DEPRECATED)
error_reporting=E_ALL & ~E_DEPRECATED
--FILE--
<?php
swoole_async_set([
    'enable_coroutine' => false,
    'socket_connect_timeout' => 5,
    'thread_num' => 4,          // accepted, no counterpart here
    'enable_signalfd' => false,
]);
var_dump(Co::getOptions()['socket_connect_timeout']);
Swoole\Timer::after(1, function () {
    echo "timer callback cid: ", Co::getCid(), "\n";
});
Swoole\Event::wait();
swoole_async_set(['enable_coroutine' => true]);  // the loop was freed by wait()
Swoole\Timer::after(1, function () {
    echo "in a coroutine: ", var_export(Co::getCid() > 0, true), "\n";
});
?>
--EXPECT--
int(5)
timer callback cid: -1
in a coroutine: true
