--TEST--
runtime stream: two coroutines reading one hooked socket is the fatal "has already been bound to another coroutine"
--FILE--
<?php
Co\run(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    $peer = stream_socket_accept($server, 2);
    go(function () use ($c) { fread($c, 10); });
    go(function () use ($c) { fread($c, 10); });
    echo "not reached\n";
});
?>
--EXPECTF--
%AFatal error: Uncaught Swoole\Error: Socket#%d has already been bound to another coroutine#%d, reading of the same socket in coroutine#%d at the same time is not allowed%A
