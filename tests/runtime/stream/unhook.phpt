--TEST--
runtime stream: streams opened before hooking stay native; enableCoroutine(false) and the end of Co\run restore PHP's blocking transports
--FILE--
<?php
// PHP's own transport says tcp_socket (tcp_socket/ssl with ext/openssl loaded).
function kind($s): string {
    $t = stream_get_meta_data($s)['stream_type'];
    return $t === 'tcp_socket/coroutine' ? 'coroutine' : (str_starts_with($t, 'tcp_socket') ? 'native' : $t);
}
$server = stream_socket_server('tcp://127.0.0.1:0');
$port = (int) substr(strrchr(stream_socket_get_name($server, false), ':'), 1);
$native = stream_socket_client("tcp://127.0.0.1:$port");
Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_TCP | SWOOLE_HOOK_STREAM_FUNCTION);
Co\run(function () use ($native, $port) {
    echo kind($native), "\n";
    $hooked = stream_socket_client("tcp://127.0.0.1:$port");
    echo kind($hooked), "\n";
});
var_dump(Swoole\Runtime::getHookFlags());
Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_TCP);
Swoole\Runtime::enableCoroutine(false);
var_dump(Swoole\Runtime::getHookFlags());
// Top level again: PHP's own transport, no fatal.
$plain = stream_socket_client("tcp://127.0.0.1:$port");
echo kind($plain), "\n";
$r = [$plain]; $w = null; $e = null;
var_dump(stream_select($r, $w, $e, 0));
Co\run(function () use ($port) {
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    echo kind($c), "\n";
});
Co\run(function () use ($port) {
    Swoole\Runtime::enableCoroutine(SWOOLE_HOOK_TCP);
    $c = stream_socket_client("tcp://127.0.0.1:$port");
    echo kind($c), "\n";
});
// The loop's end removed the hooks.
var_dump(Swoole\Runtime::getHookFlags());
$after = fsockopen('127.0.0.1', $port);
echo kind($after), "\n";
?>
--EXPECT--
native
coroutine
int(0)
int(0)
native
int(0)
native
coroutine
int(0)
native
