--TEST--
runtime: SWOOLE_HOOK_* constants carry the 4.8 values; STREAM_SELECT aliases STREAM_FUNCTION; no 5.x PDO flags
--FILE--
<?php
foreach (['TCP', 'UDP', 'UNIX', 'UDG', 'SSL', 'TLS', 'STREAM_FUNCTION', 'STREAM_SELECT', 'FILE', 'STDIO', 'SLEEP',
          'PROC', 'CURL', 'NATIVE_CURL', 'BLOCKING_FUNCTION', 'SOCKETS', 'ALL'] as $name) {
    echo $name, '=', constant("SWOOLE_HOOK_$name"), "\n";
}
var_dump(SWOOLE_HOOK_STREAM_SELECT === SWOOLE_HOOK_STREAM_FUNCTION);
var_dump(SWOOLE_HOOK_ALL === (0x7fffffff & ~SWOOLE_HOOK_NATIVE_CURL));
var_dump(defined('SWOOLE_HOOK_PDO_PGSQL'), defined('SWOOLE_HOOK_NONE'));
var_dump(class_exists('swoole_runtime'), (new ReflectionClass('swoole_runtime'))->getName());
try {
    new Swoole\Runtime();
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
?>
--EXPECT--
TCP=2
UDP=4
UNIX=8
UDG=16
SSL=32
TLS=64
STREAM_FUNCTION=128
STREAM_SELECT=128
FILE=256
STDIO=32768
SLEEP=512
PROC=1024
CURL=2048
NATIVE_CURL=4096
BLOCKING_FUNCTION=8192
SOCKETS=16384
ALL=2147479551
bool(true)
bool(true)
bool(false)
bool(false)
bool(true)
string(14) "Swoole\Runtime"
Error: The object of Swoole\Runtime can not be created for security reasons
