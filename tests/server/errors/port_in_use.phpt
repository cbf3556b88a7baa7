--TEST--
Server: listen failure throws with errno as code; any later construction throws -3
--FILE--
<?php
$taken = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($taken, false), ':'), 1);
try {
    new Swoole\Server('127.0.0.1', $port, SWOOLE_BASE);
} catch (Swoole\Exception $e) {
    echo $e->getCode(), ' ', str_replace(":$port]", ':P]', $e->getMessage()), "\n";
}
try {
    new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE);
} catch (Swoole\Exception $e) {
    echo $e->getCode(), "\n";
}
?>
--EXPECT--
98 failed to listen server port[127.0.0.1:P], Error: Address already in use[98]
-3
