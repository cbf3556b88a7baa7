--TEST--
Server: UDP, UNIX_STREAM and UNIX_DGRAM echo (onPacket client_info, send to a dgram path, sendto)
--FILE--
<?php
require __DIR__ . '/../include/server_helper.inc';
$dir = sys_get_temp_dir() . '/swoole_srv_' . getmypid();
@mkdir($dir);
$stream_path = "$dir/stream.sock";
$dgram_path = "$dir/dgram.sock";
[$pid, $port] = server_fork(function ($pipe) use ($stream_path, $dgram_path) {
    $s = new Swoole\Server('127.0.0.1', 0, SWOOLE_BASE, SWOOLE_SOCK_UDP);
    $s->set(['worker_num' => 1]);
    $s->on('packet', function ($s, $data, $info) {
        if ($info['server_port'] === $s->port) {
            $keys = implode(',', array_keys($info));
            $s->sendto($info['address'], $info['port'], "udp:$data:$keys");
        } else {
            $s->send($info['address'], "dgram:$data:" . implode(',', array_keys($info)));
        }
    });
    $u = $s->listen($stream_path, 0, SWOOLE_SOCK_UNIX_STREAM);
    $u->on('receive', function ($s, $fd, $rid, $data) { $s->send($fd, "stream:$data"); });
    $s->listen($dgram_path, 0, SWOOLE_SOCK_UNIX_DGRAM);
    return $s;
});
$udp = stream_socket_client("udp://127.0.0.1:$port");
fwrite($udp, 'a');
stream_set_timeout($udp, 5);
echo fread($udp, 1000), "\n";
$c = stream_socket_client("unix://$stream_path", $errno, $errstr, 5);
fwrite($c, 'b');
echo server_read($c, 8), "\n";
$me = "$dir/client.sock";
$d = socket_create(AF_UNIX, SOCK_DGRAM, 0);
socket_bind($d, $me);
socket_sendto($d, 'c', 1, 0, $dgram_path);
socket_set_option($d, SOL_SOCKET, SO_RCVTIMEO, ['sec' => 5, 'usec' => 0]);
socket_recvfrom($d, $buf, 1000, 0, $from);
echo $buf, "\n";
var_dump(server_stop($pid));
var_dump(file_exists($stream_path), file_exists($dgram_path));
@unlink($me);
@rmdir($dir);
?>
--EXPECT--
udp:a:server_socket,dispatch_time,server_port,address,port
stream:b
dgram:c:server_socket,dispatch_time,server_port,address
int(0)
bool(false)
bool(false)
