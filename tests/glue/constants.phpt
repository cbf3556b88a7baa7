--TEST--
Global SWOOLE_* constants: version, error codes, log, trace, socket, TLS, event, coroutine
--FILE--
<?php
// Version constants (errors-constants.md §4 and edge case 5).
var_dump(SWOOLE_VERSION, SWOOLE_VERSION_ID, SWOOLE_MAJOR_VERSION, SWOOLE_MINOR_VERSION,
         SWOOLE_RELEASE_VERSION, SWOOLE_EXTRA_VERSION, SWOOLE_DEBUG, SWOOLE_USE_SHORTNAME);
var_dump(SWOOLE_VERSION_ID === SWOOLE_MAJOR_VERSION * 10000 + SWOOLE_MINOR_VERSION * 100 + SWOOLE_RELEASE_VERSION);
var_dump(swoole_version() === SWOOLE_VERSION);
var_dump(SWOOLE_VERSION === SWOOLE_MAJOR_VERSION . '.' . SWOOLE_MINOR_VERSION . '.' . SWOOLE_RELEASE_VERSION);

$all = get_defined_constants(true)['swoole'];

// Exactly the 107 error codes of 4.8, each with a message from swoole_strerror().
$errors = array_filter($all, fn($k) => str_starts_with($k, 'SWOOLE_ERROR_'), ARRAY_FILTER_USE_KEY);
echo "errors: ", count($errors), "\n";
$unknown = array_filter($errors, fn($v) => str_starts_with(swoole_strerror($v), 'Unknown error'));
echo "errors without a message: ", count($unknown), "\n";
foreach (['MALLOC_FAIL', 'WRONG_OPERATION', 'FILE_NOT_EXIST', 'DNSLOOKUP_NO_SERVER', 'UNREGISTERED_SIGNAL',
          'EVENT_SOCKET_INVALID', 'SESSION_DISCARD_DATA', 'SSL_HANDSHAKE_FAILED', 'DATA_LENGTH_TOO_LARGE',
          'TASK_TIMEOUT', 'HTTP2_SEND_CONTROL_FRAME_FAILED', 'AIO_TIMEOUT', 'CLIENT_NO_CONNECTION',
          'SOCKET_POLL_TIMEOUT', 'HTTP_PROXY_BAD_RESPONSE', 'WEBSOCKET_INCOMPLETE_PACKET',
          'SERVER_WORKER_UNPROCESSED_DATA', 'CO_OUT_OF_COROUTINE', 'CO_NOT_EXISTS', 'CO_TIMEDOUT'] as $n) {
    printf("SWOOLE_ERROR_%s=%d %s\n", $n, constant("SWOOLE_ERROR_$n"), swoole_strerror(constant("SWOOLE_ERROR_$n")));
}

$show = function (string $prefix) use ($all) {
    $out = [];
    foreach ($all as $k => $v) {
        if (str_starts_with($k, $prefix)) $out[] = substr($k, strlen($prefix)) . '=' . var_export($v, true);
    }
    echo $prefix, ": ", implode(' ', $out), "\n";
};
$show('SWOOLE_STRERROR_');
$show('SWOOLE_LOG_');

// Trace flags: SERVER = 2, each the next power of two up to ZLIB = 1 << 31; ALL = PHP_INT_MAX.
$trace = array_filter($all, fn($k) => str_starts_with($k, 'SWOOLE_TRACE_') && $k !== 'SWOOLE_TRACE_ALL', ARRAY_FILTER_USE_KEY);
echo "trace flags: ", count($trace), "\n";
$bit = 2;
$ok = true;
foreach ($trace as $name => $value) {
    if ($value !== $bit) { $ok = false; echo "bad $name=$value\n"; }
    $bit <<= 1;
}
var_dump($ok, SWOOLE_TRACE_SERVER, SWOOLE_TRACE_COROUTINE, SWOOLE_TRACE_ZLIB, SWOOLE_TRACE_ALL === PHP_INT_MAX);

$show('SWOOLE_SOCK_');
foreach (['TCP', 'UDP', 'TCP6', 'UDP6', 'UNIX_STREAM', 'UNIX_DGRAM'] as $n) {
    if (constant("SWOOLE_$n") !== constant("SWOOLE_SOCK_$n")) echo "alias SWOOLE_$n differs\n";
}
var_dump(SWOOLE_SSL, SWOOLE_KEEP, SWOOLE_ASYNC, SWOOLE_SYNC);
$show('SWOOLE_SSL_');
var_dump(defined('SWOOLE_SSL_SSLv3'));
var_dump(SWOOLE_EVENT_READ, SWOOLE_EVENT_WRITE, SWOOLE_IOV_MAX);
var_dump(SWOOLE_DEFAULT_MAX_CORO_NUM, SWOOLE_CORO_MAX_NUM_LIMIT === PHP_INT_MAX, SWOOLE_CORO_INIT,
         SWOOLE_CORO_WAITING, SWOOLE_CORO_RUNNING, SWOOLE_CORO_END, SWOOLE_EXIT_IN_COROUTINE, SWOOLE_EXIT_IN_SERVER);
?>
--EXPECT--
string(6) "4.8.13"
int(40813)
int(4)
int(8)
int(13)
string(0) ""
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
errors: 107
errors without a message: 0
SWOOLE_ERROR_MALLOC_FAIL=501 Malloc fail
SWOOLE_ERROR_WRONG_OPERATION=509 Wrong operation
SWOOLE_ERROR_FILE_NOT_EXIST=700 File not exist
SWOOLE_ERROR_DNSLOOKUP_NO_SERVER=714 DNS Lookup no server
SWOOLE_ERROR_UNREGISTERED_SIGNAL=721 Unregistered signal
SWOOLE_ERROR_EVENT_SOCKET_INVALID=801 Event socket invalid
SWOOLE_ERROR_SESSION_DISCARD_DATA=1008 Session discard data
SWOOLE_ERROR_SSL_HANDSHAKE_FAILED=1018 SSL handshake failed
SWOOLE_ERROR_DATA_LENGTH_TOO_LARGE=1203 Data length too large
SWOOLE_ERROR_TASK_TIMEOUT=2003 Task timeout
SWOOLE_ERROR_HTTP2_SEND_CONTROL_FRAME_FAILED=3005 Http2 send control frame failed
SWOOLE_ERROR_AIO_TIMEOUT=4003 Aio timeout
SWOOLE_ERROR_CLIENT_NO_CONNECTION=5001 Client no connection
SWOOLE_ERROR_SOCKET_POLL_TIMEOUT=6002 Socket poll timeout
SWOOLE_ERROR_HTTP_PROXY_BAD_RESPONSE=7104 Http proxy bad response
SWOOLE_ERROR_WEBSOCKET_INCOMPLETE_PACKET=8507 Websocket incomplete packet
SWOOLE_ERROR_SERVER_WORKER_UNPROCESSED_DATA=9103 Server worker unprocessed data
SWOOLE_ERROR_CO_OUT_OF_COROUTINE=10001 Coroutine out of coroutine
SWOOLE_ERROR_CO_NOT_EXISTS=10016 Coroutine not exists
SWOOLE_ERROR_CO_TIMEDOUT=10018 Coroutine timedout
SWOOLE_STRERROR_: SYSTEM=0 GAI=1 DNS=2 SWOOLE=9
SWOOLE_LOG_: DEBUG=0 TRACE=1 INFO=2 NOTICE=3 WARNING=4 ERROR=5 NONE=6 ROTATION_SINGLE=0 ROTATION_MONTHLY=1 ROTATION_DAILY=2 ROTATION_HOURLY=3 ROTATION_EVERY_MINUTE=4
trace flags: 31
bool(true)
int(2)
int(33554432)
int(2147483648)
bool(true)
SWOOLE_SOCK_: TCP=1 UDP=2 TCP6=3 UDP6=4 UNIX_STREAM=5 UNIX_DGRAM=6 SYNC=false ASYNC=true
int(512)
int(4096)
int(1024)
int(2048)
SWOOLE_SSL_: SSLv2=2 TLSv1=8 TLSv1_1=16 TLSv1_2=32 TLSv1_3=64 DTLS=128
bool(false)
int(512)
int(1024)
int(1024)
int(100000)
bool(true)
int(0)
int(1)
int(2)
int(3)
int(2)
int(4)
