--TEST--
runtime stream: stream_set_timeout gives "" and timed_out, stream_set_blocking(false) reads return at once, feof after the peer left, socket names and shutdown
--FILE--
<?php
Co\run(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    $c = stream_socket_client("tcp://127.0.0.1:$port", $errno, $errstr, 2);
    $peer = stream_socket_accept($server, 2);

    var_dump(stream_set_timeout($c, 0, 200000));
    $start = microtime(true);
    var_dump(fread($c, 10));
    $meta = stream_get_meta_data($c);
    var_dump($meta['timed_out'], $meta['eof'], microtime(true) - $start >= 0.15);

    // The next read starts afresh.
    fwrite($peer, "x");
    var_dump(fread($c, 10), stream_get_meta_data($c)['timed_out']);

    var_dump(stream_set_blocking($c, false));
    $start = microtime(true);
    var_dump(fread($c, 10), microtime(true) - $start < 0.1, stream_get_meta_data($c)['blocked']);
    fwrite($peer, "yz");
    Co::sleep(0.05);
    var_dump(fread($c, 10));
    stream_set_blocking($c, true);

    // The peer goes away: "" and feof.
    fclose($peer);
    var_dump(fread($c, 10), feof($c));

    // stream_socket_get_name / peer name on hooked sockets
    $d = stream_socket_client("tcp://127.0.0.1:$port");
    var_dump(stream_socket_get_name($d, true) === "127.0.0.1:$port");
    var_dump(stream_socket_shutdown($d, STREAM_SHUT_WR));
});
?>
--EXPECT--
bool(true)
string(0) ""
bool(true)
bool(false)
bool(true)
string(1) "x"
bool(false)
bool(true)
string(0) ""
bool(true)
bool(false)
string(2) "yz"
string(0) ""
bool(true)
bool(true)
bool(true)
