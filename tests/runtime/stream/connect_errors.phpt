--TEST--
runtime stream: hooked connect to a closed port gives false, errno 111, "Connection refused" and PHP's warnings (stream_socket_client, fsockopen)
--FILE--
<?php
// A port nobody listens on: bound once by the kernel, then released.
$probe = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
fclose($probe);
Co\run(function () use ($port) {
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    var_dump($c, $errno, $errstr);
    $f = fsockopen('127.0.0.1', $port, $errno, $errstr, 2);
    var_dump($f, $errno, $errstr);
    $bad = stream_socket_client("tcp://127.0.0.1", $errno, $errstr, 2);
    var_dump($bad, $errstr);
});
?>
--EXPECTF--
Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: fsockopen(): Unable to connect to 127.0.0.1:%d (Connection refused) in %s on line %d
bool(false)
int(111)
string(18) "Connection refused"

Warning: stream_socket_client(): Unable to connect to tcp://127.0.0.1 (Failed to parse address "127.0.0.1") in %s on line %d
bool(false)
string(%d) "Failed to parse address "127.0.0.1""
