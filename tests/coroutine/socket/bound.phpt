--TEST--
Co\Socket: two coroutines reading one socket is the fatal "has already been bound" Swoole\Error
--INI--
display_errors=1
log_errors=0
--FILE--
<?php
Co\run(function () {
    [$a, $b] = swoole_coroutine_socketpair(AF_UNIX, SOCK_STREAM, 0);
    go(function () use ($b) {
        $b->recv();
    });
    go(function () use ($b) {
        $b->recv();
    });
});
?>
--EXPECTF--
%AFatal error: Uncaught Swoole\Error: Socket#%d has already been bound to another coroutine#2, reading of the same socket in coroutine#3 at the same time is not allowed in %s
%A
