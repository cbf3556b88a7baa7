--TEST--
Co\Socket: an I/O method outside a coroutine is the fatal Swoole\Error (not catchable)
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
$s = new Co\Socket(AF_INET, SOCK_STREAM, 0);
var_dump($s->bind('127.0.0.1', 0));
try {
    $s->recv();
} catch (Throwable $e) {
    echo "caught\n";
}
echo "not reached\n";
?>
--EXPECTF--
bool(true)

Fatal error: Uncaught Swoole\Error: API must be called in the coroutine in %s:5
%A
