--TEST--
runtime stream: unix://, udp:// and udg:// round trips on hooked transports
--FILE--
<?php
$dir = sys_get_temp_dir() . '/swh5_' . getmypid();
@mkdir($dir);
Co\run(function () use ($dir) {
    // unix:// stream
    $server = stream_socket_server("unix://$dir/s.sock", $errno, $errstr);
    var_dump(stream_get_meta_data($server)['stream_type']);
    go(function () use ($server) {
        $c = stream_socket_accept($server, 5);
        fwrite($c, strtoupper(fread($c, 100)));
        fclose($c);
    });
    $c = stream_socket_client("unix://$dir/s.sock", $errno, $errstr, 2);
    fwrite($c, "unix stream");
    var_dump(fread($c, 100));
    fclose($c);
    fclose($server);

    // udp://
    $udp = stream_socket_server('udp://127.0.0.1:0', $errno, $errstr, STREAM_SERVER_BIND);
    $name = stream_socket_get_name($udp, false);
    go(function () use ($udp) {
        $data = stream_socket_recvfrom($udp, 100, 0, $from);
        stream_socket_sendto($udp, "udp:$data", 0, $from);
    });
    $u = stream_socket_client("udp://$name", $errno, $errstr, 2);
    fwrite($u, "ping");
    var_dump(fread($u, 100));
    fclose($u);
    fclose($udp);

    // udg://
    $udg = stream_socket_server("udg://$dir/d.sock", $errno, $errstr, STREAM_SERVER_BIND);
    go(function () use ($udg) {
        var_dump(stream_socket_recvfrom($udg, 100));
    });
    $g = stream_socket_client("udg://$dir/d.sock", $errno, $errstr, 2);
    var_dump(fwrite($g, "datagram"));
    Co::sleep(0.05);
    fclose($g);
    fclose($udg);
});
array_map('unlink', glob("$dir/*"));
rmdir($dir);
?>
--EXPECT--
string(20) "tcp_socket/coroutine"
string(11) "UNIX STREAM"
string(8) "udp:ping"
int(8)
string(8) "datagram"
