--TEST--
runtime stream: stream_select over hooked sockets (one of two ready, keys kept, timeout 0 poll, waiting suspends only the caller) and stream_socket_pair
--FILE--
<?php
Co\run(function () {
    $server = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
    $a = stream_socket_client("tcp://127.0.0.1:$port");
    $pa = stream_socket_accept($server);
    $b = stream_socket_client("tcp://127.0.0.1:$port");
    $pb = stream_socket_accept($server);

    // Nothing to read: timeout 0 polls and returns at once.
    $r = ['a' => $a, 'b' => $b]; $w = null; $e = null;
    var_dump(stream_select($r, $w, $e, 0), $r);

    // b becomes readable 100 ms later; meanwhile another coroutine runs.
    $progress = [];
    go(function () use ($pb, &$progress) {
        Co::sleep(0.1);
        $progress[] = 'writer ran';
        fwrite($pb, "data-b");
    });
    $r = ['a' => $a, 'b' => $b]; $w = null; $e = null;
    $start = microtime(true);
    var_dump(stream_select($r, $w, $e, 5));
    var_dump(array_keys($r), $progress, microtime(true) - $start < 2);
    var_dump(fread($r['b'], 100));

    // Writable sockets, read + write arrays together.
    $r = [$a]; $w = [7 => $a, 9 => $b]; $e = null;
    var_dump(stream_select($r, $w, $e, 1), count($r), array_keys($w));

    // A timeout with nothing ready: about the timeout, 0 ready.
    $r = [$a, $b]; $w = []; $e = null;
    $start = microtime(true);
    var_dump(stream_select($r, $w, $e, 0, 200000), $r, microtime(true) - $start >= 0.15);

    // Bytes already in PHP's read buffer count as ready.
    fwrite($pa, "line1\nline2\n");
    var_dump(fgets($a));
    $r = [$a]; $w = [$b]; $e = null;
    var_dump(stream_select($r, $w, $e, 0), count($r), $w);

    try {
        $n = null;
        stream_select($n, $n, $n, 0);
    } catch (ValueError $ex) {
        echo $ex->getMessage(), "\n";
    }

    // stream_socket_pair: coroutine streams on both ends.
    [$s1, $s2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    var_dump(stream_get_meta_data($s1)['stream_type']);
    go(function () use ($s2) { Co::sleep(0.05); fwrite($s2, "over the pair"); });
    var_dump(fread($s1, 100));
});
?>
--EXPECT--
int(0)
array(0) {
}
int(1)
array(1) {
  [0]=>
  string(1) "b"
}
array(1) {
  [0]=>
  string(10) "writer ran"
}
bool(true)
string(6) "data-b"
int(2)
int(0)
array(2) {
  [0]=>
  int(7)
  [1]=>
  int(9)
}
int(0)
array(0) {
}
bool(true)
string(6) "line1
"
int(1)
int(1)
array(0) {
}
No stream arrays were passed
string(20) "tcp_socket/coroutine"
string(13) "over the pair"
